import { Injectable } from '@nestjs/common';
import { ClusterListeners } from '../common/cluster-listeners';
import { RedisService } from '../redis/redis.service';

export interface EditabilityChange {
  itemId: string;
  /** Nobody may edit the item now (an adopted guideline). */
  frozen: boolean;
}

/**
 * Tells the parts of every API process that hold open access (the collaboration
 * sockets) that who may edit an item changed (a guideline was adopted, or
 * bijstellen reopened it), right after the change is committed.
 */
@Injectable()
export class ItemEvents extends ClusterListeners<EditabilityChange> {
  constructor(redis: RedisService) {
    super(redis, 'editability');
  }
}
