import { Injectable } from '@nestjs/common';

/**
 * Tells the parts of this process that hold open access (the collaboration
 * sockets) that who may edit an item changed (a guideline was adopted, or
 * bijstellen reopened it), right after the change is committed.
 */
@Injectable()
export class ItemEvents {
  private readonly listeners = new Set<(itemId: string, frozen: boolean) => void>();

  subscribe(listener: (itemId: string, frozen: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** `frozen`: nobody may edit the item now (an adopted guideline). */
  editabilityChanged(itemId: string, frozen: boolean): void {
    for (const listener of this.listeners) listener(itemId, frozen);
  }
}
