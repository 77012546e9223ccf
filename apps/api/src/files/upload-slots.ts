import { appError } from '../common/errors';

/**
 * Uploads one process takes in at once. Each holds a database connection
 * for its transaction (nothing half stored) and, for images, libvips'
 * working memory; a slow or hostile client cannot tie up the whole pool
 * (10 connections). One more is refused at once (RATE_LIMITED, 429 with
 * Retry-After) before its body is read.
 */
export const UPLOADS_AT_ONCE = 4;
const RETRY_SECONDS = 5;

export class UploadSlots {
  private running = 0;

  constructor(private readonly capacity = UPLOADS_AT_ONCE) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.capacity) {
      throw appError(
        'RATE_LIMITED',
        `Er worden nu al veel bestanden geüpload; probeer het over ${RETRY_SECONDS} seconden opnieuw / Many files are being uploaded right now; try again in ${RETRY_SECONDS} seconds`,
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
