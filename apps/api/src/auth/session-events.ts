import { Injectable } from '@nestjs/common';

/** Tells holders of open access (the collaboration sockets) which sessions just ended. */
@Injectable()
export class SessionEvents {
  private readonly listeners = new Set<(fingerprints: string[]) => void>();

  subscribe(listener: (fingerprints: string[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  revoked(fingerprints: string[]): void {
    if (!fingerprints.length) return;
    for (const listener of this.listeners) listener(fingerprints);
  }
}
