import { median, summarize } from '../support/percentiles';
import { renderTable } from '../support/table';
import type { MiniSearchIndexing, SpiraalIndexing } from './indexing';
import type { LagResult } from './lag';
import type { MemoryIndexLoad } from './api';
import type { ClassTimings, TargetTimings } from './measure';
import type { QueryClass, QuerySet } from './queries';

/** The goal at 100,000 items: p95 per query class, Spiraal as a client sees it. */
export const GOAL = { size: 100_000, selective: 30, common: 150 };

export interface SizeResult {
  size: number;
  communities: { private: number; network: number };
  words: number;
  /** Distinct folded words in the corpus. */
  vocabulary: number;
  textBytes: number;
  insertMs: number;
  vacuumMs: number;
  spiraalIndexing: SpiraalIndexing;
  miniSearchIndexing: Omit<MiniSearchIndexing, 'index'>;
  queries: QuerySet;
  timings: TargetTimings[];
  lag: LagResult;
  memoryIndex: MemoryIndexLoad;
  plantedRanks: { query: string; spiraal: number | null; miniSearch: number | null }[];
}

const CLASSES: QueryClass[] = ['selective', 'common'];

export function ms(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  return `${value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0)} ms`;
}

const p = (values: number[], which: 'p50' | 'p95') => summarize(values)?.[which] ?? Number.NaN;
const ratio = (a: number, b: number) =>
  Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${Number((a / b).toPrecision(2))}x` : 'n/a';
const thousands = (n: number) => Math.round(n).toLocaleString('en-US');
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

export function printSize(result: SizeResult): void {
  const byLabel = new Map(result.timings.map((t) => [t.label, t]));
  const spiraal = byLabel.get('Spiraal')!;
  console.log('');
  console.log(`== ${thousands(result.size)} items ==`);
  console.log(
    `corpus: ${thousands(result.size)} items in ${result.communities.private + result.communities.network} communities ` +
      `(${result.communities.private} PRIVATE, ${result.communities.network} NETWORK; the bench user is FACILITATOR of all), ` +
      `${thousands(result.words)} body words (${(result.words / result.size).toFixed(0)} per item), ${thousands(result.vocabulary)} distinct words, ${mb(result.textBytes)} of text`,
  );
  for (const cls of CLASSES) {
    const forms = countBy(result.queries[cls].map((q) => q.form));
    console.log(
      `${cls} queries (${result.queries[cls].length}: ${forms}): ${result.queries[cls].map((q) => JSON.stringify(q.text)).join(' ')}`,
    );
  }
  console.log('');
  const rows = [
    row('Spiraal (client)', spiraal, (t) => t.ms),
    row('Spiraal (server tookMs)', spiraal, (t) => t.serverMs),
    ...result.timings.filter((t) => t !== spiraal).map((t) => row(t.label, t, (c) => c.ms)),
  ];
  console.log(
    renderTable(
      [
        'engine',
        'selective p50',
        'selective p95',
        'common p50',
        'common p95',
        'hits selective (median)',
        'hits common (median)',
        'rounds',
      ],
      rows,
    ),
  );
  console.log('');
  for (const peer of result.timings.filter((t) => t !== spiraal)) {
    const parts = CLASSES.map(
      (cls) =>
        `${cls} ${ratio(p(peer.byClass[cls].ms, 'p95'), p(spiraal.byClass[cls].ms, 'p95'))} ` +
        `(p50 ${ratio(p(peer.byClass[cls].ms, 'p50'), p(spiraal.byClass[cls].ms, 'p50'))})`,
    );
    console.log(`ratio ${peer.label} / Spiraal (client) p95: ${parts.join(', ')}`);
  }
  printIndexing(result);
  printLag(result.lag);
  console.log(
    `planted old items (older than all others; the one right answer to a common two-word query), rank among the first 20 (goal: top 5): ` +
      result.plantedRanks
        .map((r) => `${JSON.stringify(r.query)} Spiraal ${r.spiraal ?? '-'}, MiniSearch ${r.miniSearch ?? '-'}`)
        .join('; '),
  );
}

function row(label: string, target: TargetTimings, values: (timings: ClassTimings) => number[]): string[] {
  const [sel, com] = CLASSES.map((cls) => target.byClass[cls]);
  return [
    label,
    ms(p(values(sel), 'p50')),
    ms(p(values(sel), 'p95')),
    ms(p(values(com), 'p50')),
    ms(p(values(com), 'p95')),
    thousands(median(sel.totals)),
    thousands(median(com.totals)),
    String(target.rounds),
  ];
}

function printIndexing(result: SizeResult): void {
  const s = result.spiraalIndexing;
  const m = result.miniSearchIndexing;
  console.log(
    `indexing Spiraal: ${thousands(s.items)} items in ${(s.ms / 1000).toFixed(1)} s = ${thousands(s.items / (s.ms / 1000))} items/s ` +
      `(SearchIndexer.deliverBatch() x ${s.batches} on the PostgreSQL engine; ${thousands(s.passages)} passages, ${thousands(s.terms)} terms, ${mb(s.bytes)} on disk); ` +
      `before it: bulk INSERT of the items with the outbox trigger ${(result.insertMs / 1000).toFixed(1)} s; after it: VACUUM ANALYZE ${(result.vacuumMs / 1000).toFixed(1)} s`,
  );
  console.log(
    `indexing MiniSearch: ${thousands(s.items)} items in ${(m.ms / 1000).toFixed(1)} s = ${thousands(s.items / (m.ms / 1000))} items/s ` +
      `(from memory), heap +${mb(m.heapBytes)}; ratio Spiraal / MiniSearch time ${ratio(s.ms, m.ms)}`,
  );
  const l = result.memoryIndex;
  console.log(
    `in-memory search index (per API process): loaded from PostgreSQL in ${(l.ms / 1000).toFixed(1)} s, ` +
      `${thousands(l.passages)} passages, ${thousands(l.terms)} terms, postings ${mb(l.arrayBytes)}, heap and buffers +${mb(l.heapBytes)}`,
  );
}

function printLag(lag: LagResult): void {
  const d = summarize(lag.lags);
  const missed = lag.missed ? `, ${lag.missed} not found within 30 s` : '';
  console.log(
    `edit-to-searchable (Spiraal, updateItem response to item found by search, polled every 20 ms, n=${lag.lags.length}${missed}): ` +
      (d ? `p50 ${ms(d.p50)}, p95 ${ms(d.p95)}, max ${ms(d.max)}` : 'n/a'),
  );
}

/** PASS/FAIL lines against the goal, for the run at the goal's size (if any). */
export function printGoal(results: SizeResult[]): void {
  console.log('');
  const result = results.find((r) => r.size === GOAL.size);
  if (!result) {
    console.log(
      `goal (p95 <= ${GOAL.selective} ms selective, <= ${GOAL.common} ms common at ${thousands(GOAL.size)} items): not judged, no ${thousands(GOAL.size)}-item run`,
    );
    return;
  }
  const spiraal = result.timings.find((t) => t.label === 'Spiraal')!;
  for (const cls of CLASSES) {
    const limit = GOAL[cls];
    const client = p(spiraal.byClass[cls].ms, 'p95');
    const server = p(spiraal.byClass[cls].serverMs, 'p95');
    console.log(
      `goal: ${cls} p95 <= ${limit} ms at ${thousands(GOAL.size)} items: ${client <= limit ? 'PASS' : 'FAIL'} ` +
        `(client ${ms(client)}, server tookMs ${ms(server)})`,
    );
  }
}

function countBy(values: string[]): string {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].map(([value, n]) => `${n} ${value}`).join(', ');
}
