import { Injectable } from '@nestjs/common';
import { Listeners } from '../common/listeners';

/** Tells holders of open access (the collaboration sockets) which sessions just ended, by fingerprint. */
@Injectable()
export class SessionEvents extends Listeners<string[]> {
  revoked(fingerprints: string[]): void {
    if (fingerprints.length) this.emit(fingerprints);
  }
}
