import { Injectable } from '@nestjs/common';
import { appError } from '../common/errors';

/** Archive restores one process runs at once: each may hold an upload of up to 64 MB and what it inflates to. */
export const RESTORES_AT_ONCE = 2;
const RETRY_SECONDS = 10;

/**
 * A cap on concurrent archive restores in this process: a few hostile
 * uploads at once cannot add up to more memory than a small container has.
 * One more is refused at once (RATE_LIMITED, 429 with Retry-After), before
 * its upload is read.
 */
@Injectable()
export class RestoreSlots {
  private running = 0;

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= RESTORES_AT_ONCE) {
      throw appError(
        'RATE_LIMITED',
        `Er worden nu al ${RESTORES_AT_ONCE} archieven teruggezet; probeer het over ${RETRY_SECONDS} seconden opnieuw / ${RESTORES_AT_ONCE} archives are being restored already; try again in ${RETRY_SECONDS} seconds`,
        { retryAfter: RETRY_SECONDS },
      );
    }
    this.running++;
    try {
      return await work();
    } finally {
      this.running--;
    }
  }
}
