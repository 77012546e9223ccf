import type { QueryClass, QuerySet } from './queries';

export interface SearchOutcome {
  /** Wall time as the caller saw it. */
  ms: number;
  /** What the server reported it spent (Spiraal's tookMs), when it reports it. */
  serverMs?: number;
  total: number;
}

/** A search engine under measurement. */
export interface SearchTarget {
  label: string;
  search(query: string): Promise<SearchOutcome>;
}

export interface ClassTimings {
  ms: number[];
  serverMs: number[];
  /** Total hits per query (from the first measured round). */
  totals: number[];
}

export interface TargetTimings {
  label: string;
  /** Measured passes over the query list (after the warm-up). */
  rounds: number;
  byClass: Record<QueryClass, ClassTimings>;
}

const CLASSES: QueryClass[] = ['selective', 'common'];
/**
 * The warm-up runs each query once, or as many as fit in this time: an
 * engine that scans the whole table for every query (ILIKE) is warm after
 * one query, and a full pass of it would take minutes at 100,000 items.
 */
const WARMUP_BUDGET_MS = 20_000;

/**
 * Each target warms up (see WARMUP_BUDGET_MS), then runs the whole query
 * list `rounds` times, targets taking turns per round so drift on the
 * machine spreads over all of them. A target whose queries are slow gets
 * fewer rounds (at least one), to stay within about `budgetMs`.
 */
export async function measureTargets(
  targets: SearchTarget[],
  queries: QuerySet,
  options: { rounds: number; budgetMs: number; progress(message: string): void },
): Promise<TargetTimings[]> {
  const results: TargetTimings[] = [];
  for (const target of targets) {
    const perQueryMs = await warmUp(target, queries);
    const passMs = perQueryMs * CLASSES.reduce((n, cls) => n + queries[cls].length, 0);
    const rounds = Math.max(1, Math.min(options.rounds, Math.floor(options.budgetMs / passMs)));
    options.progress(`${target.label}: warmed up, ${perQueryMs.toFixed(1)} ms per query, ${rounds} measured round(s)`);
    const empty = (): ClassTimings => ({ ms: [], serverMs: [], totals: [] });
    results.push({ label: target.label, rounds, byClass: { selective: empty(), common: empty() } });
  }
  for (let round = 0; round < options.rounds; round++) {
    for (const [i, target] of targets.entries()) {
      if (round >= results[i].rounds) continue;
      for (const cls of CLASSES) {
        const timings = results[i].byClass[cls];
        for (const query of queries[cls]) {
          const outcome = await target.search(query.text);
          timings.ms.push(outcome.ms);
          if (outcome.serverMs !== undefined) timings.serverMs.push(outcome.serverMs);
          if (round === 0) timings.totals.push(outcome.total);
        }
      }
    }
  }
  return results;
}

/** Runs the queries once (both classes in turn) until done or out of warm-up time; returns the mean ms per query. */
async function warmUp(target: SearchTarget, queries: QuerySet): Promise<number> {
  const longest = Math.max(...CLASSES.map((cls) => queries[cls].length));
  const order = Array.from({ length: longest }, (_, i) => CLASSES.flatMap((cls) => queries[cls][i] ?? [])).flat();
  const started = performance.now();
  let done = 0;
  for (const query of order) {
    await target.search(query.text);
    done += 1;
    if (done >= 2 && performance.now() - started > WARMUP_BUDGET_MS) break;
  }
  return (performance.now() - started) / done;
}
