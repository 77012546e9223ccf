import { Injectable } from '@nestjs/common';
import { ClusterListeners } from '../common/cluster-listeners';
import { RedisService } from '../redis/redis.service';

export interface EditabilityChange {
  itemId: string;
  communityId: string;
  /** Nobody may edit the item now (an adopted guideline); false: who may edit is checked again. */
  frozen: boolean;
}

/**
 * Tells the parts of every API process that hold open access (the collaboration
 * sockets, the live channel) that an item's status changed and with it perhaps
 * who may edit it (a guideline was adopted, bijstellen reopened it, a stage
 * moved), right after the change is committed.
 */
@Injectable()
export class ItemEvents extends ClusterListeners<EditabilityChange> {
  constructor(redis: RedisService) {
    super(redis, 'editability');
  }
}
