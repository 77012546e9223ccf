import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
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
 * the flush interval (COLLAB_FLUSH_INTERVAL_MS, 100 ms) after an update arrives it is written, merged into one row
 * per document (the row names its contributor when there was just one; who
 * contributed is tracked for authorship elsewhere). Few rows keep loading and
 * compaction cheap. A failed write keeps the batch and retries with backoff;
 * nothing is dropped. Once a batch is written, `written` hands it to the
 * next step of the write path (`CollabService.durable`).
 */
export class UpdateLog {
  private readonly logger = new Logger(UpdateLog.name);
  private readonly pending = new Map<string, Batch>();
  private readonly writing = new Map<string, Promise<void>>();
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
    this.schedule(this.flushIntervalMs);
  }

  /** Resolves when everything appended for this document so far is written. */
  async flush(itemId: string): Promise<void> {
    for (;;) {
      const inFlight = this.writing.get(itemId);
      if (inFlight) await inFlight;
      else if (this.pending.has(itemId)) await this.write(itemId);
      else return;
    }
  }

  async flushAll(): Promise<void> {
    const names = new Set([...this.pending.keys(), ...this.writing.keys()]);
    await Promise.all([...names].map((name) => this.flush(name)));
  }

  private schedule(delay: number): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      for (const itemId of [...this.pending.keys()])
        if (!this.writing.has(itemId)) void this.write(itemId).catch(() => undefined);
    }, delay);
  }

  private write(itemId: string): Promise<void> {
    const batch = this.pending.get(itemId);
    if (!batch) return Promise.resolve();
    this.pending.delete(itemId);
    const promise = this.insert(itemId, batch)
      .then((rows) => {
        this.failures = 0;
        const now = performance.now();
        this.written({
          itemId,
          rows,
          mark: batch.mark,
          waitedSeconds: batch.arrivals.map((arrived) => (now - arrived) / 1000),
        });
      })
      .catch((error: unknown) => {
        this.requeue(itemId, batch);
        this.failures += 1;
        const delay = Math.min(this.flushIntervalMs * 2 ** this.failures, MAX_RETRY_DELAY_MS);
        this.logger.error(`Writing updates of ${itemId} failed (${String(error)}); retrying in ${delay} ms`);
        this.schedule(delay);
        throw error;
      })
      .finally(() => {
        this.writing.delete(itemId);
        // Updates that arrived meanwhile were passed over by the timer (one write per document at a time): write them next.
        if (this.pending.has(itemId)) this.schedule(this.flushIntervalMs);
      });
    this.writing.set(itemId, promise);
    return promise;
  }

  private async insert(itemId: string, batch: Batch): Promise<number> {
    const update = batch.updates.length === 1 ? batch.updates[0] : Y.mergeUpdates(batch.updates);
    const userId = batch.userIds.size === 1 ? [...batch.userIds][0] : null;
    await this.db.query('INSERT INTO yjs_updates (item_id, user_id, update) VALUES ($1, $2, $3)', [
      itemId,
      userId,
      Buffer.from(update),
    ]);
    return 1;
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
