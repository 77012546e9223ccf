/**
 * Load and soak: GraphQL reads at a fixed rate, and hundreds of live editors
 * for a long stretch, against the built API (`node apps/api/dist/main.js`).
 *
 *   npm run bench:load
 *
 * Environment: DATABASE_URL (a PostgreSQL server to create the bench database
 * on; without it the server runs its embedded PostgreSQL), LOAD_RATE (requests
 * per second per read scenario, default 20), LOAD_SECONDS (per read scenario,
 * default 20), SOAK_SECONDS (default 600), SOAK_EDITORS (200), SOAK_DOCUMENTS
 * (20), SOAK_KEYSTROKE_MS (mean pause between one editor's keystrokes, 1000),
 * LOAD_PROCESSES (API processes, default 1; more need REDIS_URL: editors are
 * spread over them and the processes relay over Redis). Prints tables.
 */
import { cpus, loadavg } from 'node:os';
import { idleStatementsPerSecond, ReadResult, ReadScenario, runRead } from './load/reads';
import { collectGarbage } from './load/heap';
import { seedCommunity } from './load/seed';
import { startLoadServers } from './load/servers';
import { runSoak, Sample, SoakResult } from './load/soak';
import { renderTable } from './support/table';

function envNumber(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max)
    throw new Error(`${name} must be a number from ${min} to ${max}, got "${raw}"`);
  return value;
}

const settings = {
  rate: envNumber('LOAD_RATE', 20, 1, 10_000),
  readSeconds: envNumber('LOAD_SECONDS', 20, 0, 600),
  soakSeconds: envNumber('SOAK_SECONDS', 600, 0, 24 * 3600),
  editors: envNumber('SOAK_EDITORS', 200, 1, 2000),
  documents: envNumber('SOAK_DOCUMENTS', 20, 1, 200),
  keystrokeMs: envNumber('SOAK_KEYSTROKE_MS', 1000, 50, 60_000),
  processes: envNumber('LOAD_PROCESSES', 1, 1, 8),
};
const ITEMS = 60;
const ACCOUNTS = 20;
/** Everything stops by itself after this, whatever happens. */
const HARD_LIMIT_MS = (settings.soakSeconds + 20 * 60) * 1000;

const progress = (message: string) => process.stderr.write(`[load] ${message}\n`);
// Every y-websocket provider adds a process 'exit' listener.
process.setMaxListeners(0);

/**
 * A list page that shows items with their relations (within the API's cost
 * limit of 10,000 for a page of 50): each relation is one batched query per
 * page, however long the page.
 */
const LIST = `query List($communityId: ID!, $first: Int!) {
  items(communityId: $communityId, first: $first) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node {
      id kind stage title tags updatedAt guidelineStatus guidelineVersion
      community { name }
      createdBy { displayName }
      authors { displayName }
      comments { kind author { displayName } }
      sources { title }
      applicationCount
      attention { needed }
    } }
  }
}`;

/** The item page of the web app (apps/web/src/entities/items/item-queries.ts) with its klankbord. */
const ITEM = `query Item($id: ID!) {
  item(id: $id) {
    id kind stage title tags updatedAt archivedAt guidelineStatus guidelineVersion createdAt reviewDate markdown
    community { id name myRole }
    createdBy { id }
    authors { id displayName }
    stageHistory { from to reason at by { displayName } }
    derivedItems { id title guidelineStatus }
    appliesTo { guideline { id title } version }
    sources { id kind stage title tags }
    applications { id title createdAt authors { displayName } }
    guidelineVersions { number title adoptedBy { displayName } adoptedAt reviewDate }
    attention { needed reasons { code message item { id title } } }
    comments { id kind body createdAt author { displayName } }
  }
}`;

function listOf(size: number, communityId: string): ReadScenario {
  return {
    name: `list of ${size} items`,
    query: LIST,
    variables: { communityId, first: size },
    expect: (data) => {
      if (data.items.edges.length !== size) throw new Error(`list of ${size}: got ${data.items.edges.length} items`);
    },
  };
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  const load = [loadavg()[0]];
  progress(`starting ${settings.processes} API process(es)`);
  const servers = await startLoadServers(settings.processes, process.env.REDIS_URL);
  const watchdog = setTimeout(() => {
    progress('hard time limit reached: stopping');
    void servers.stop().finally(() => process.exit(1));
  }, HARD_LIMIT_MS);
  watchdog.unref();
  const interrupted = () =>
    void servers
      .stop()
      .then(() => servers.database.remove())
      .finally(() => process.exit(130));
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);

  const reads: ReadResult[] = [];
  let soak: SoakResult | null = null;
  let idle: number;
  try {
    const [main] = servers.processes;
    progress(`seeding ${ITEMS} items (comments, guidelines with sources) and ${ACCOUNTS} accounts`);
    const seeded = await seedCommunity(main.baseUrl, ACCOUNTS, ITEMS);
    // Let the search indexer and the body follow-ups finish, so they do not count as the reads' statements.
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    idle = await idleStatementsPerSecond(main.baseUrl);
    const token = seeded.users[0].token;
    const scenarios: ReadScenario[] = [
      listOf(5, seeded.communityId),
      listOf(50, seeded.communityId),
      {
        name: 'item page (a guideline)',
        query: ITEM,
        variables: { id: seeded.guidelineId },
        expect: (data) => void data.item.id,
      },
    ];
    for (const scenario of settings.readSeconds > 0 ? scenarios : []) {
      progress(`${scenario.name}: ${settings.rate}/s for ${settings.readSeconds} s`);
      reads.push(
        await runRead(main.baseUrl, token, scenario, {
          rate: settings.rate,
          seconds: settings.readSeconds,
          warmupSeconds: 3,
          connections: 10,
          idleSqlPerSecond: idle,
        }),
      );
    }
    load.push(loadavg()[0]);

    if (settings.soakSeconds > 0) {
      // The soak's memory readings start from a fresh heap, not from what seeding and the reads left.
      progress('restarting the API process(es)');
      await servers.restart();
      progress(`soak: ${settings.editors} editors over ${settings.documents} documents for ${settings.soakSeconds} s`);
      soak = await runSoak(
        servers.processes.map((p) => p.baseUrl),
        servers.processes.map((p) => p.pid),
        () => Promise.all(servers.processes.map((p) => collectGarbage(p.output()))).then(() => undefined),
        seeded.users,
        seeded.itemIds,
        servers.database.url(),
        {
          editors: settings.editors,
          documents: settings.documents,
          seconds: settings.soakSeconds,
          keystrokeMs: settings.keystrokeMs,
          sampleSeconds: 5,
          settleSeconds: 20,
          afterSeconds: 60,
        },
        progress,
      );
      load.push(loadavg()[0]);
    }
  } catch (error) {
    for (const p of servers.processes) progress(`server output (${p.baseUrl}):\n${p.output().slice(-3000)}`);
    throw error;
  } finally {
    clearTimeout(watchdog);
    progress('stopping');
    await servers.stop();
    await servers.database
      .remove()
      .catch((error: unknown) => progress(`could not remove the bench database: ${String(error)}`));
  }
  report(reads, soak, { idle, load, seconds: (Date.now() - startedAt) / 1000, database: servers.database.describe });
  const failed = reads.some((r) => r.errors > 0) || (soak && (soak.mismatches.length > 0 || soak.connectFailures > 0));
  if (failed) process.exitCode = 1;
}

const ms = (value: number) =>
  Number.isFinite(value)
    ? `${value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0)} ms`
    : 'n/a';
const mb = (bytes: number) => (Number.isFinite(bytes) ? `${(bytes / 2 ** 20).toFixed(1)} MB` : 'n/a');

function report(
  reads: ReadResult[],
  soak: SoakResult | null,
  facts: { idle: number; load: number[]; seconds: number; database: string },
): void {
  console.log('');
  console.log(`Load and soak benchmark: ${settings.processes} API process(es), built server, ${facts.database}`);
  console.log(
    `node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model.trim() ?? 'unknown'}); load average (1 min) ${facts.load.map((l) => l.toFixed(2)).join(' -> ')}`,
  );
  if (reads.length) {
    console.log('');
    console.log(
      `GraphQL reads at a fixed rate (autocannon, 10 connections, ${settings.readSeconds} s after 3 s warm-up; ${ITEMS} items with 3 comments each, every sixth a guideline with 2 sources)`,
    );
    console.log(
      renderTable(
        ['scenario', 'rate', 'answers/s', 'p50', 'p95', 'p99', 'errors', 'SQL statements/request'],
        reads.map((r) => [
          r.name,
          `${r.rate}/s`,
          r.throughput.toFixed(1),
          ms(r.latency?.p50 ?? NaN),
          ms(r.latency?.p95 ?? NaN),
          ms(r.latency?.p99 ?? NaN),
          `${r.errors} of ${r.requests}`,
          r.sqlPerRequest.toFixed(2),
        ]),
      ),
    );
    const [five, fifty] = reads;
    if (five && fifty) {
      const grows = fifty.sqlPerRequest > five.sqlPerRequest + 0.5;
      console.log(
        `N+1 check: ${fifty.sqlPerRequest.toFixed(2)} statements for 50 items vs ${five.sqlPerRequest.toFixed(2)} for 5: ${grows ? 'FAIL (grows with the list)' : 'PASS (does not grow with the list)'}`,
      );
    }
    console.log(
      `(statements counted by spiraal_sql_statements_total, less the idle rate of ${facts.idle.toFixed(2)}/s measured before the reads)`,
    );
  }

  if (soak) {
    console.log('');
    console.log(
      `Soak: ${settings.editors} editors over ${settings.documents} documents, one keystroke per ${settings.keystrokeMs} ms each (+ caret presence), ${settings.soakSeconds} s; /metrics sampled every 5 s`,
    );
    // Memory readings each follow a full garbage collection (load/heap.ts).
    const rows: string[][] = [];
    soak.start.rss.forEach((_, i) => {
      const label = settings.processes > 1 ? ` (process ${i + 1})` : '';
      for (const [metric, pick] of [
        ['RSS', (s: Sample) => s.rss[i]],
        ['heap used', (s: Sample) => s.heap[i]],
      ] as const) {
        rows.push([
          `${metric} after a full GC${label}`,
          mb(pick(soak.start)),
          mb(pick(soak.end)),
          mb(pick(soak.end) - pick(soak.start)),
          mb(pick(soak.afterLeaving)),
        ]);
      }
      // The first and last readings follow a forced collection: its pause is not the server's.
      const lags = soak.samples
        .slice(1, -1)
        .map((s) => s.lagP99[i] * 1000)
        .filter(Number.isFinite)
        .sort((a, b) => a - b);
      rows.push([
        `event-loop lag p99 (per 5 s sample): median / max${label}`,
        ms(lags[Math.floor(lags.length / 2)]),
        ms(lags[lags.length - 1]),
        '',
        '',
      ]);
      rows.push([
        `open sockets / loaded documents${label}`,
        `${soak.start.sockets[i]} / ${soak.start.documents[i]}`,
        `${soak.end.sockets[i]} / ${soak.end.documents[i]}`,
        '',
        `${soak.afterLeaving.sockets[i]} / ${soak.afterLeaving.documents[i]}`,
      ]);
      rows.push([`CPU while typing${label}`, '', `${soak.serverCpu[i].toFixed(0)} %`, '', '']);
    });
    console.log(
      renderTable(
        [
          'server',
          'editors connected',
          `after ${settings.soakSeconds} s typing`,
          'growth',
          'editors gone, docs unloaded',
        ],
        rows,
      ),
    );
    console.log('');
    console.log(
      renderTable(
        ['soak result', 'value'],
        [
          ['keystrokes typed', String(soak.keystrokes)],
          ['documents at the end (encoded Yjs state, all)', mb(soak.documentBytes)],
          [
            'update-to-stored p50 / p95 / p99',
            `${ms(soak.storedMs.p50)} / ${ms(soak.storedMs.p95)} / ${ms(soak.storedMs.p99)} (${soak.storedMs.count} batches, spiraal_collab_update_stored_seconds)`,
          ],
          ['editors that could not connect', String(soak.connectFailures)],
          ['unexpected socket closes / connection errors', `${soak.unexpectedCloses} / ${soak.connectionErrors}`],
          ['documents converged across their editors', `${soak.converged} of ${settings.documents}`],
          ['documents a fresh client loads identically', `${soak.reloadedEqual} of ${settings.documents}`],
          ['documents stored identically', `${soak.storedEqual} of ${settings.documents}`],
          [
            'bench editors: CPU / event-loop delay p99',
            `${soak.benchCpu.toFixed(0)} % of one core / ${ms(soak.benchLagP99Ms)}`,
          ],
        ],
      ),
    );
    for (const mismatch of soak.mismatches.slice(0, 10)) console.log(`mismatch: ${mismatch}`);
  }
  console.log(`duration: ${facts.seconds.toFixed(0)} s`);
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
