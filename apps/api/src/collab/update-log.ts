import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { performance } from 'node:perf_hooks';
import { AppConfig } from '../config/config';

const MAX_RETRY_DELAY_MS = 5_000;

/** A batch the log has just made durable, for the next step of the write path (collab.service.ts). */
export interface WrittenBatch {
  itemId: string;
  /** Rows written (one per batch). */
  rows: number;
  /** The highest mark appended with this batch (the relay's sequence number; 0 without a relay). */
  mark: number;
  /** Seconds from each update's arrival to now, when it is durable. */
  waitedSeconds: number[];
}

interface Batch {
  updates: Uint8Array[];
  /** Who contributed (null: the server itself). */
  userIds: Set<string | null>;
  /** When each update arrived (performance.now()), for the arrival-to-durable metric. */
  arrivals: number[];
  /** The highest mark appended (the relay's sequence number): durable with this batch. */
  mark: number;
}

/**
 * Appends accepted document updates to `yjs_updates`, batched: at most
 * the flush interval (COLLAB_FLUSH_INTERVAL_MS, 100 ms) after an update arrives it is written, one row per
 * accepted update (the row names its contributor when the batch had just one; who
 * contributed is tracked for authorship elsewhere). Rows are not joined with
 * `Y.mergeUpdates`: the merge of unusual but valid updates once gave bytes
 * that could not be read back; compaction keeps the number of rows small.
 *
 * Group commit (issue 20, finding 8): one write in flight per process, and
 * each write is one multi-row INSERT of every document with pending updates
 * (one statement, no transaction around it), so ten busy documents cost one
 * round trip per flush instead of ten competing ones. What arrives while a
 * write is in flight goes in the next, which starts as soon as the oldest of
 * it is due. A failed write keeps its batches and retries with backoff;
 * nothing is dropped (except the updates of an item deleted meanwhile). Once a batch is written, `written` hands it to the
 * next step of the write path (`CollabService.durable`).
 */
export class UpdateLog {
  private readonly logger = new Logger(UpdateLog.name);
  private readonly pending = new Map<string, Batch>();
  /** The one write in flight, and the documents it holds. */
  private inFlight: Promise<void> | null = null;
  private inFlightItems = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private failures = 0;
  private readonly flushIntervalMs: number;

  constructor(
    private readonly db: DataSource,
    config: AppConfig,
    private readonly written: (batch: WrittenBatch) => void = () => undefined,
  ) {
    this.flushIntervalMs = config.collab.flushIntervalMs;
  }

  get pendingDocuments(): number {
    return this.pending.size;
  }

  /** `mark` is handed back through `written` once the update is durable. */
  append(itemId: string, update: Uint8Array, userId: string | null, mark = 0): void {
    let batch = this.pending.get(itemId);
    if (!batch) this.pending.set(itemId, (batch = { updates: [], userIds: new Set(), arrivals: [], mark: 0 }));
    batch.updates.push(update);
    batch.arrivals.push(performance.now());
    batch.userIds.add(userId);
    batch.mark = Math.max(batch.mark, mark);
    if (!this.inFlight) this.schedule(this.flushIntervalMs);
  }

  /** Resolves when everything appended for this document so far is written. */
  async flush(itemId: string): Promise<void> {
    while (this.inFlightItems.has(itemId) || this.pending.has(itemId)) {
      if (this.inFlight) await this.inFlight;
      else await this.write();
    }
  }

  async flushAll(): Promise<void> {
    while (this.inFlight || this.pending.size) {
      if (this.inFlight) await this.inFlight;
      else await this.write();
    }
  }

  private schedule(delay: number): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.write().catch(() => undefined);
    }, delay);
  }

  /** Writes every pending batch in one statement; while a write is in flight, that one. */
  private write(): Promise<void> {
    if (this.inFlight) return this.inFlight;
    if (!this.pending.size) return Promise.resolve();
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const batches = [...this.pending];
    this.pending.clear();
    this.inFlightItems = new Set(batches.map(([itemId]) => itemId));
    const promise = this.insert(batches)
      .then((stored) => {
        this.failures = 0;
        const now = performance.now();
        for (const [itemId, batch] of batches) {
          if (!stored.has(itemId)) {
            this.logger.warn(`Dropped ${batch.updates.length} update(s) of ${itemId}: the item is gone`);
            continue;
          }
          this.written({
            itemId,
            rows: 1,
            mark: batch.mark,
            waitedSeconds: batch.arrivals.map((arrived) => (now - arrived) / 1000),
          });
        }
      })
      .catch((error: unknown) => {
        for (const [itemId, batch] of batches) this.requeue(itemId, batch);
        this.failures += 1;
        const delay = Math.min(this.flushIntervalMs * 2 ** this.failures, MAX_RETRY_DELAY_MS);
        this.logger.error(
          `Writing updates of ${batches.length} document(s) failed (${String(error)}); retrying in ${delay} ms`,
        );
        this.schedule(delay);
        throw error;
      })
      .finally(() => {
        this.inFlight = null;
        this.inFlightItems = new Set();
        // What arrived meanwhile goes next, as soon as its oldest update is due.
        if (this.pending.size) this.schedule(Math.max(0, this.flushIntervalMs - this.oldestPendingAgeMs()));
      });
    this.inFlight = promise;
    return promise;
  }

  private oldestPendingAgeMs(): number {
    let oldest = Infinity;
    for (const batch of this.pending.values()) oldest = Math.min(oldest, batch.arrivals[0] ?? Infinity);
    return Number.isFinite(oldest) ? performance.now() - oldest : 0;
  }

  /** One row per update, all in one INSERT; the ids of the documents stored (an item deleted meanwhile is skipped). */
  private async insert(batches: [string, Batch][]): Promise<Set<string>> {
    const itemIds: string[] = [];
    const userIds: (string | null)[] = [];
    const updates: Buffer[] = [];
    for (const [itemId, batch] of batches) {
      const userId = batch.userIds.size === 1 ? [...batch.userIds][0] : null;
      for (const update of batch.updates) {
        itemIds.push(itemId);
        userIds.push(userId);
        updates.push(Buffer.from(update));
      }
    }
    const rows: { item_id: string }[] = await this.db.query(
      `INSERT INTO yjs_updates (item_id, user_id, update)
       SELECT u.item_id, u.user_id, u.update
         FROM unnest($1::uuid[], $2::uuid[], $3::bytea[]) WITH ORDINALITY AS u(item_id, user_id, update, n)
        WHERE EXISTS (SELECT 1 FROM items WHERE items.id = u.item_id)
        ORDER BY u.n
       RETURNING item_id`,
      [itemIds, userIds, updates],
    );
    return new Set(rows.map((row) => String(row.item_id)));
  }

  /** Puts a failed batch back in front of whatever arrived meanwhile. */
  private requeue(itemId: string, failed: Batch): void {
    const newer = this.pending.get(itemId);
    if (newer) {
      failed.updates.push(...newer.updates);
      failed.arrivals.push(...newer.arrivals);
      failed.mark = Math.max(failed.mark, newer.mark);
      for (const userId of newer.userIds) failed.userIds.add(userId);
    }
    this.pending.set(itemId, failed);
  }
}
