import MiniSearch from 'minisearch';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { DataSource } from 'typeorm';
import { builtApi } from './built-api';
import type { BenchItem } from './corpus';
import { withClient } from './database';
import { MINISEARCH_OPTIONS } from './peers';

export interface SpiraalIndexing {
  items: number;
  ms: number;
  batches: number;
  passages: number;
  terms: number;
  /** search_passages, search_bodies and search_terms with their indexes and TOAST. */
  bytes: number;
}

/**
 * Drains the search outbox through the real indexer: SearchIndexer with the
 * PostgresSearchEngine on a TypeORM DataSource with the API's options, one
 * `deliverBatch()` after another until nothing is left, as the API's
 * indexer does after a NOTIFY.
 */
export async function drainOutbox(databaseUrl: string, progress: (message: string) => void): Promise<SpiraalIndexing> {
  const { dataSource, engine, indexer, mirror } = builtApi();
  const db = new DataSource(dataSource.dataSourceOptions(databaseUrl));
  await db.initialize();
  try {
    const worker = new indexer.SearchIndexer(db, [new engine.PostgresSearchEngine(db, new mirror.SearchMirror(db))]);
    const [{ pending }] = await db.query(`SELECT count(*)::int AS pending FROM search_outbox`);
    const started = performance.now();
    let batches = 0;
    let delivered = 0;
    for (let claimed = await worker.deliverBatch(); claimed > 0; claimed = await worker.deliverBatch()) {
      batches += 1;
      delivered += claimed;
      if (batches % 50 === 0)
        progress(
          `  indexed ${delivered} of ${pending} (${(delivered / ((performance.now() - started) / 1000)).toFixed(0)} items/s)`,
        );
    }
    const ms = performance.now() - started;
    // deliverBatch() answers 0 after a failure too (the rows wait for a retry): that is not "done".
    const [left] = await db.query(`SELECT count(*)::int AS n, max(last_error) AS error FROM search_outbox`);
    if (left.n) throw new Error(`${left.n} outbox rows were not delivered: ${left.error}`);
    const [size] = await db.query(
      `SELECT (SELECT count(*) FROM search_passages)::int AS passages, (SELECT count(*) FROM search_terms)::int AS terms,
              (pg_total_relation_size('search_passages') + pg_total_relation_size('search_bodies') + pg_total_relation_size('search_terms'))::bigint AS bytes`,
    );
    return { items: pending, ms, batches, passages: size.passages, terms: size.terms, bytes: Number(size.bytes) };
  } finally {
    await db.destroy();
  }
}

/** What autovacuum would have done a minute after the bulk load: statistics for the planner, a visibility map. */
export async function vacuumAnalyze(databaseUrl: string): Promise<number> {
  const started = performance.now();
  await withClient(databaseUrl, async (client) => {
    for (const table of ['items', 'search_passages', 'search_bodies', 'search_terms', 'search_outbox'])
      await client.query(`VACUUM ANALYZE ${table}`);
  });
  return performance.now() - started;
}

export interface MiniSearchIndexing {
  index: MiniSearch<BenchItem>;
  ms: number;
  /** Heap growth, measured after a full garbage collection on both sides. */
  heapBytes: number;
}

/** The same items into MiniSearch (from memory: no database to read). */
export function buildMiniSearch(items: BenchItem[]): MiniSearchIndexing {
  const before = heapAfterGc();
  const started = performance.now();
  const index = new MiniSearch<BenchItem>(MINISEARCH_OPTIONS);
  index.addAll(items);
  const ms = performance.now() - started;
  return { index, ms, heapBytes: heapAfterGc() - before };
}

let gc: (() => void) | null = null;

/** A full garbage collection, twice (weak references and finalizers free more the second time). */
export function collectGarbage(): void {
  if (!gc) {
    // The bench runs without --expose-gc (tsx starts it); this makes gc() reachable all the same.
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
  gc();
}

function heapAfterGc(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed;
}
