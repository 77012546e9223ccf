import { Injectable } from '@nestjs/common';
import { Listeners } from '../common/listeners';
import type { Role } from '@spiraal/domain';

export interface MembershipChange {
  communityId: string;
  userId: string;
  /** The new role, or null when the membership ended. */
  role: Role | null;
}

/**
 * Tells the parts of this process that hold open access (the collaboration
 * sockets) that a membership changed, right after the change is committed.
 */
@Injectable()
export class MembershipEvents extends Listeners<MembershipChange> {}
