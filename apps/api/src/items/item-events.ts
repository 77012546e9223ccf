import { Injectable } from '@nestjs/common';

/**
 * Tells the parts of this process that hold open access (the collaboration
 * sockets) that who may edit an item changed (a guideline was adopted, or
 * bijstellen reopened it), right after the change is committed.
 */
@Injectable()
export class ItemEvents {
  private readonly listeners = new Set<(itemId: string) => void>();

  subscribe(listener: (itemId: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  editabilityChanged(itemId: string): void {
    for (const listener of this.listeners) listener(itemId);
  }
}
