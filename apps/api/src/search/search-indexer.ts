import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { loadSearchDocuments } from './search-documents';
import type { SearchEngine } from './search-engine';
import { SEARCH_ENGINES } from './search.tokens';

const BATCH = 200;
/** Outbox rows are polled this often too, for retries and for a missed notification. */
const POLL_MS = 1_000;
const MAX_BACKOFF_MS = 60_000;

/** The backoff before the next attempt of a failed delivery: 0.5 s, 1 s, 2 s … at most a minute. */
export function backoffMs(attempts: number): number {
  return Math.min(MAX_BACKOFF_MS, 500 * 2 ** Math.max(0, attempts - 1));
}

/**
 * Delivers the search outbox to every engine. Rows are written by a trigger in
 * the same transaction as the change; PostgreSQL notifies every API process
 * on commit. A batch is claimed with SKIP LOCKED and the items are locked, so
 * several processes share the work and an item's state is always read and
 * delivered in order. What fails is retried with backoff; delivering twice is
 * harmless because an engine always gets the item's current state.
 */
@Injectable()
export class SearchIndexer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(SearchIndexer.name);
  private listener: PoolClient | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(SEARCH_ENGINES) private readonly engines: SearchEngine[],
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.listen();
    this.timer = setInterval(() => this.kick(), POLL_MS);
    this.kick();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
    this.listener?.release(true);
    this.listener = null;
  }

  /** Drains the outbox soon; calls while a drain runs are folded into one more round. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        this.kick();
      }
    });
  }

  /** Waits until every row that is due now has been delivered (tests, reindex). */
  async settle(): Promise<void> {
    for (;;) {
      await this.running;
      const [{ due }] = await this.db.query(`SELECT count(*)::int AS due FROM search_outbox WHERE available_at <= now()`);
      if (!due) return;
      this.kick();
      await this.running;
    }
  }

  private async drain(): Promise<void> {
    try {
      if (!this.listener) await this.listen();
      while (!this.stopped && (await this.deliverBatch()) === BATCH);
    } catch (error) {
      this.logger.error(`Search indexing failed: ${String(error)}`);
    }
  }

  /** One batch: claim, lock the items, read their state, deliver, delete. Returns how many rows it claimed. */
  async deliverBatch(): Promise<number> {
    let claimed: { id: string; item_id: string; attempts: number }[] = [];
    try {
      return await this.db.transaction(async (tx) => {
        claimed = await tx.query(
          `SELECT id, item_id, attempts FROM search_outbox
            WHERE available_at <= now() ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
        );
        if (!claimed.length) return 0;
        const itemIds = [...new Set(claimed.map((row) => row.item_id))].sort();
        // Another process delivering the same item waits here, then reads the newer state.
        await tx.query(`SELECT pg_advisory_xact_lock(hashtext('search:' || id)) FROM unnest($1::text[]) AS id ORDER BY id`, [itemIds]);
        const { documents, removed } = await loadSearchDocuments(tx, itemIds);
        for (const engine of this.engines) {
          await engine.remove(removed, tx);
          await engine.index(documents, tx);
        }
        await tx.query('DELETE FROM search_outbox WHERE id = ANY($1::bigint[])', [claimed.map((row) => row.id)]);
        return claimed.length;
      });
    } catch (error) {
      if (!claimed.length) throw error;
      const attempts = Math.max(...claimed.map((row) => row.attempts)) + 1;
      this.logger.warn(`Search indexing of ${claimed.length} change(s) failed (attempt ${attempts}), retrying in ${backoffMs(attempts)} ms: ${String(error)}`);
      await this.db.query(
        `UPDATE search_outbox SET attempts = attempts + 1, last_error = left($2, 1000),
                available_at = now() + make_interval(secs => $3::double precision / 1000)
          WHERE id = ANY($1::bigint[])`,
        [claimed.map((row) => row.id), String(error), backoffMs(attempts)],
      );
      return 0;
    }
  }

  /** A dedicated connection that hears the outbox trigger's NOTIFY. */
  private async listen(): Promise<void> {
    try {
      const pool = (this.db.driver as PostgresDriver).master as { connect(): Promise<PoolClient> };
      const client = await pool.connect();
      client.on('notification', () => this.kick());
      client.on('error', () => {
        // Polling goes on; the next drain listens again.
        if (this.listener === client) this.listener = null;
        client.release(true);
      });
      await client.query('LISTEN search_outbox');
      this.listener = client;
    } catch (error) {
      this.logger.warn(`Listening for search changes failed, polling instead: ${String(error)}`);
    }
  }
}
