import { Injectable } from '@nestjs/common';
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
export class MembershipEvents {
  private readonly listeners = new Set<(change: MembershipChange) => void>();

  subscribe(listener: (change: MembershipChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(change: MembershipChange): void {
    for (const listener of this.listeners) listener(change);
  }
}
