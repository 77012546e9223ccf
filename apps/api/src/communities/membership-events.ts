import { Injectable } from '@nestjs/common';
import { ClusterListeners } from '../common/cluster-listeners';
import { RedisService } from '../redis/redis.service';
import type { Role } from '@spiraal/domain';

export interface MembershipChange {
  communityId: string;
  userId: string;
  /** The new role, or null when the membership ended. */
  role: Role | null;
}

/**
 * Tells the parts of every API process that hold open access (the collaboration
 * sockets) that a membership changed, right after the change is committed.
 */
@Injectable()
export class MembershipEvents extends ClusterListeners<MembershipChange> {
  constructor(redis: RedisService) {
    super(redis, 'membership');
  }
}
