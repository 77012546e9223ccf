/**
 * Search benchmark: Spiraal's search (the real API, in this process, over
 * GraphQL) against two peers on the same corpus and queries: a plain ILIKE
 * query on PostgreSQL and MiniSearch (in-process JavaScript).
 *
 *   npm run bench:search
 *
 * Environment: SEARCH_BENCH_SIZES (items per corpus, default 10000,100000),
 * DATABASE_URL (a PostgreSQL server to create the bench databases on; without
 * it an embedded PostgreSQL runs), SEARCH_BENCH_KEEP=1 (keep the databases).
 * Prints a table per corpus size; FAIL on a goal line is a finding, not an
 * exit code.
 */
import { cpus, loadavg } from 'node:os';
import { spiraalSqlTarget, spiraalTarget, startApi } from './search/api';
import { buildCorpus, Corpus } from './search/corpus';
import {
  BenchServer,
  dutchStems,
  insertItems,
  readableCommunityIds,
  seedCorpus,
  startBenchServer,
  withClient,
} from './search/database';
import { buildMiniSearch, drainOutbox, vacuumAnalyze } from './search/indexing';
import { measureLag } from './search/lag';
import { measureTargets } from './search/measure';
import { iLikeTarget, miniSearchOptions, miniSearchTarget } from './search/peers';
import { plantItems } from './search/planted';
import { searchSpiraal } from './search/api';
import { pickQueries, wordStats } from './search/queries';
import { GOAL, printGoal, printSize, SizeResult } from './search/report';
import { seededRng } from './search/rng';
import { loadSentences, SentencePool } from './search/sentences';

/** Measured passes over the query list per engine, after the warm-up. */
const ROUNDS = 5;
/** An engine whose queries are slow gets fewer rounds, to keep to about this much time per engine. */
const ENGINE_BUDGET_MS = 120_000;
const LAG_EDITS = 20;
/** Everything stops by itself after this, whatever happens. */
const HARD_LIMIT_MS = 120 * 60_000;

const progress = (message: string): void => {
  process.stderr.write(`[bench] ${message}\n`);
};

function envSizes(): number[] {
  const raw = process.env.SEARCH_BENCH_SIZES?.trim() || `10000,${GOAL.size}`;
  const sizes = raw.split(',').map((part) => Number(part.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1_000 || n > 1_000_000)) {
    throw new Error(`SEARCH_BENCH_SIZES must be item counts from 1000 to 1000000, separated by commas, got "${raw}"`);
  }
  return sizes;
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  const loadAtStart = loadavg();
  const sizes = envSizes();
  const keep = process.env.SEARCH_BENCH_KEEP === '1';
  const pool = loadSentences();
  progress(`text: ${pool.description}`);

  const cleanUps = new CleanUps();
  const cleanUp = () => cleanUps.runAll();
  const interrupted = () => void cleanUp().finally(() => process.exit(130));
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  const watchdog = setTimeout(() => {
    progress(`still running after ${HARD_LIMIT_MS / 60_000} min: stopping`);
    void cleanUp().finally(() => process.exit(1));
  }, HARD_LIMIT_MS);
  watchdog.unref();

  const results: SizeResult[] = [];
  try {
    const server = await startBenchServer(process.env.DATABASE_URL, keep);
    cleanUps.add(() => server.stop());
    printHeader(server.describe, keep, pool, loadAtStart);
    for (const size of sizes) {
      const result = await benchmarkSize(server, pool, size, keep, cleanUps);
      printSize(result);
      results.push(result);
    }
  } finally {
    await cleanUp();
    clearTimeout(watchdog);
  }
  printGoal(results);
  console.log(
    `load average (1/5/15 min) at end: ${fmtLoad(loadavg())}; duration: ${((Date.now() - startedAt) / 1000).toFixed(0)} s`,
  );
}

function printHeader(database: string, keep: boolean, pool: SentencePool, loadAtStart: number[]): void {
  console.log(
    'Search benchmark: Spiraal (GraphQL search, PostgreSQL engine) vs ILIKE on PostgreSQL vs MiniSearch 7.2.0 (in process)',
  );
  console.log(
    `node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model.trim() ?? 'unknown'}); load average (1/5/15 min) at start: ${fmtLoad(loadAtStart)}`,
  );
  console.log(
    `database: ${database}, a fresh database per corpus${keep ? ' (kept)' : ' (dropped afterwards)'}; text: ${pool.description}`,
  );
  console.log(
    `each engine: a warm-up (every query once, at most 20 s), then up to ${ROUNDS} rounds of all queries (fewer when an engine is slow); Spiraal in this process, ` +
      'client latency is the fetch() round trip of the search query (hits with highlights, four facets)',
  );
}

async function benchmarkSize(
  server: BenchServer,
  pool: SentencePool,
  size: number,
  keep: boolean,
  cleanUps: CleanUps,
): Promise<SizeResult> {
  progress(`${size} items: building the corpus`);
  const corpus = buildCorpus(size, pool);
  const database = await server.createDatabase();
  const dropDatabase = cleanUps.add(
    keep ? async () => progress(`kept database ${database.name}`) : () => database.drop(),
  );
  progress(`${size} items: inserting into ${database.name}`);
  const { token, insertMs } = await seedCorpus(database.url, corpus);

  const stems = await dutchStems(database.url, corpus.vocabulary);
  const queries = pickQueries(corpus, wordStats(corpus, stems), seededRng(size));
  // Old items that are the one right answer to a common-word query: they must rank in the top 5 however old.
  const planted = plantItems(corpus, queries, seededRng(size + 2));
  await withClient(database.url, (client) => insertItems(client, planted.items, corpus.userId));

  progress(`${size} items: draining the search outbox with SearchIndexer`);
  const spiraalIndexing = await drainOutbox(database.url, progress);
  const vacuumMs = await vacuumAnalyze(database.url);
  progress(`${size} items: indexing MiniSearch`);
  const { index, ...miniSearchIndexing } = buildMiniSearch([...corpus.items, ...planted.items]);
  const readable = await readableCommunityIds(database.url, corpus.userId);

  progress(`${size} items: starting the API`);
  const api = await startApi(database.url);
  const stopApi = cleanUps.add(() => api.stop());
  progress(`${size} items: loading the in-memory search index`);
  const memoryIndex = await api.loadSearchIndex();
  const iLike = await iLikeTarget(database.url, readable);
  const closeILike = cleanUps.add(() => iLike.close());
  const timings = await measureTargets(
    [spiraalTarget(api, token), spiraalSqlTarget(api, token), iLike, miniSearchTarget(index, readable)],
    queries,
    {
      rounds: ROUNDS,
      budgetMs: ENGINE_BUDGET_MS,
      progress: (message) => progress(`${size} items: ${message}`),
    },
  );
  const plantedRanks = [];
  for (const c of planted.cases) {
    const { ids } = await searchSpiraal(api.baseUrl, token, c.query);
    const mini = index.search(c.query, miniSearchOptions(c.query, new Set(readable))).map((hit) => hit.id);
    const rank = (list: unknown[]) => (list.indexOf(c.itemId) >= 0 ? list.indexOf(c.itemId) + 1 : null);
    plantedRanks.push({ query: c.query, spiraal: rank(ids), miniSearch: rank(mini.slice(0, 20)) });
  }
  progress(`${size} items: edit-to-searchable lag`);
  const lag = await measureLag(api, token, corpus.items, LAG_EDITS, seededRng(size + 1));

  // This corpus is done: free the connection, the server and the database before the next one.
  await closeILike();
  await stopApi();
  await dropDatabase();
  return {
    size,
    communities: countVisibility(corpus),
    words: corpus.wordCount,
    vocabulary: corpus.vocabulary.length,
    textBytes: corpus.textBytes,
    insertMs,
    vacuumMs,
    spiraalIndexing,
    miniSearchIndexing,
    memoryIndex,
    queries,
    timings,
    lag,
    plantedRanks,
  };
}

/** Clean-up steps, each run at most once: when its corpus is done, or at the end (also on failure or a signal). */
class CleanUps {
  private readonly steps: (() => Promise<void>)[] = [];

  /** Registers a step; the returned function runs it now (once). */
  add(step: () => Promise<void>): () => Promise<void> {
    let running: Promise<void> | null = null;
    const once = () => (running ??= step());
    this.steps.push(once);
    return once;
  }

  /** Runs every step not yet run, the last registered first. */
  async runAll(): Promise<void> {
    for (const step of [...this.steps].reverse())
      await step().catch((error: unknown) => progress(`clean-up: ${String(error)}`));
  }
}

function countVisibility(corpus: Corpus): { private: number; network: number } {
  const network = corpus.communities.filter((c) => c.visibility === 'NETWORK').length;
  return { private: corpus.communities.length - network, network };
}

function fmtLoad(load: number[]): string {
  return load.map((value) => value.toFixed(2)).join(' / ');
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
