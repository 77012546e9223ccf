import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PoolClient } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
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

  /**
   * Rebuilds every engine from PostgreSQL (`npm run search:reindex`): every
   * item is delivered again, Meilisearch starts empty, and the vocabulary is
   * rebuilt from what is indexed. Searching keeps working on PostgreSQL meanwhile.
   */
  async reindexAll(): Promise<{ items: number; terms: number; pending: number }> {
    for (const engine of this.engines) if (engine.external) await engine.clear();
    const [{ items }] = await this.db.query(
      `WITH queued AS (INSERT INTO search_outbox (item_id) SELECT id FROM items RETURNING 1) SELECT count(*)::int AS items FROM queued`,
    );
    // Rows another process holds are skipped here; wait until they are delivered (or failed) there.
    for (;;) {
      while ((await this.deliverBatch()) > 0);
      const [{ waiting }] = await this.db.query(
        `SELECT count(*)::int AS waiting FROM search_outbox WHERE attempts = 0`,
      );
      if (!waiting) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const terms = await this.db.transaction(async (tx) => {
      await tx.query('DELETE FROM search_terms');
      const [{ count }] = await tx.query(
        `WITH added AS (
           INSERT INTO search_terms (term)
           SELECT DISTINCT term FROM search_bodies b JOIN search_passages p USING (item_id, ordinal),
                  unnest(tsvector_to_array(to_tsvector('spiraal_simple', b.title || ' ' || array_to_string(p.tags, ' ') || ' ' || b.body))) AS term
            WHERE term ~ '^[[:alpha:]]{2,40}$'
           ON CONFLICT DO NOTHING RETURNING 1)
         SELECT count(*)::int AS count FROM added`,
      );
      return count as number;
    });
    // Deliveries that failed (an engine down) wait in the outbox for their retry.
    const [{ pending }] = await this.db.query(`SELECT count(*)::int AS pending FROM search_outbox WHERE attempts > 0`);
    return { items, terms, pending };
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
        await tx.query(
          `SELECT pg_advisory_xact_lock(hashtext('search:' || id)) FROM unnest($1::text[]) AS id ORDER BY id`,
          [itemIds],
        );
        const { documents, removed } = await loadSearchDocuments(tx, itemIds);
        const failures: string[] = [];
        for (const engine of this.engines) {
          try {
            await engine.remove(removed, tx);
            await engine.index(documents, tx);
          } catch (error) {
            if (!engine.external) throw error;
            failures.push(`${engine.name}: ${String(error)}`);
          }
        }
        const ids = claimed.map((row) => row.id);
        if (failures.length) {
          // PostgreSQL's index commits; the rows stay for the engine that failed.
          await this.retryLater(tx, claimed, failures.join('; '));
        } else {
          await tx.query('DELETE FROM search_outbox WHERE id = ANY($1::bigint[])', [ids]);
        }
        return claimed.length;
      });
    } catch (error) {
      if (!claimed.length) throw error;
      await this.retryLater(this.db.manager, claimed, String(error));
      return 0;
    }
  }

  private async retryLater(
    db: EntityManager,
    claimed: { id: string; attempts: number }[],
    error: string,
  ): Promise<void> {
    const attempts = Math.max(...claimed.map((row) => row.attempts)) + 1;
    this.logger.warn(
      `Search indexing of ${claimed.length} change(s) failed (attempt ${attempts}), retrying in ${backoffMs(attempts)} ms: ${error}`,
    );
    await db.query(
      `UPDATE search_outbox SET attempts = attempts + 1, last_error = left($2, 1000),
              available_at = now() + make_interval(secs => $3::double precision / 1000)
        WHERE id = ANY($1::bigint[])`,
      [claimed.map((row) => row.id), error, backoffMs(attempts)],
    );
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
