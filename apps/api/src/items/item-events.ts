import { Injectable } from '@nestjs/common';
import { Listeners } from '../common/listeners';

export interface EditabilityChange {
  itemId: string;
  /** Nobody may edit the item now (an adopted guideline). */
  frozen: boolean;
}

/**
 * Tells the parts of this process that hold open access (the collaboration
 * sockets) that who may edit an item changed (a guideline was adopted, or
 * bijstellen reopened it), right after the change is committed.
 */
@Injectable()
export class ItemEvents extends Listeners<EditabilityChange> {}
