import { Distribution, summarize } from '../support/percentiles';
import { scrape, Scrape, total } from './prometheus';

// autocannon ships no types; this is the part used here.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- see the comment above
const autocannon = require('autocannon') as (options: Record<string, unknown>) => AutocannonInstance;
interface AutocannonInstance extends PromiseLike<AutocannonResult> {
  on(event: 'response', listener: (client: unknown, statusCode: number, bytes: number, ms: number) => void): void;
}
interface AutocannonResult {
  errors: number;
  timeouts: number;
  non2xx: number;
  duration: number;
}

export interface ReadScenario {
  name: string;
  query: string;
  variables: Record<string, unknown>;
  /** Checks one answer's data (e.g. that the page holds 50 items); throws when wrong. */
  expect(data: any): void;
}

export interface ReadResult {
  name: string;
  rate: number;
  latency: Distribution | null;
  /** Answers per second that came back. */
  throughput: number;
  /** Failed connections, timeouts, non-2xx answers and answers with GraphQL errors. */
  errors: number;
  requests: number;
  sqlPerRequest: number;
}

export const SQL_COUNTER = 'spiraal_sql_statements_total';

/** Statements per second the process sends while nothing asks it anything (indexer, collab, the scrape itself). */
export async function idleStatementsPerSecond(baseUrl: string, seconds = 5): Promise<number> {
  const before = await scrape(baseUrl);
  const startedAt = performance.now();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const after = await scrape(baseUrl);
  return (total(after, SQL_COUNTER) - total(before, SQL_COUNTER)) / ((performance.now() - startedAt) / 1000);
}

/**
 * One GraphQL operation at a fixed overall rate for `seconds` (after a short
 * warm-up): latency of every answer, throughput, errors, and the SQL
 * statements per request from the process's own counter, less its idle rate.
 */
export async function runRead(
  baseUrl: string,
  token: string,
  scenario: ReadScenario,
  options: { rate: number; seconds: number; warmupSeconds: number; connections: number; idleSqlPerSecond: number },
): Promise<ReadResult> {
  const body = JSON.stringify({ query: scenario.query, variables: scenario.variables });
  const check = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body,
  });
  const answer = (await check.json()) as { data?: unknown; errors?: unknown };
  if (!check.ok || answer.errors || !answer.data)
    throw new Error(`${scenario.name}: the query fails (${check.status}): ${JSON.stringify(answer.errors)}`);
  scenario.expect(answer.data);

  const run = (seconds: number, onAnswer?: (status: number, ms: number, graphqlError: boolean) => void) => {
    const instance = autocannon({
      url: `${baseUrl}/graphql`,
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body,
      connections: options.connections,
      overallRate: options.rate,
      duration: seconds,
      // Every answer's body is read, to count GraphQL errors in 200 answers too.
      setupClient: (client: { on(event: 'body', listener: (body: Buffer) => void): void }) =>
        client.on('body', (bytes) => {
          if (bytes.includes('"errors"')) graphqlErrors++;
        }),
    });
    if (onAnswer) instance.on('response', (_client, status, _bytes, ms) => onAnswer(status, ms, false));
    return instance;
  };

  let graphqlErrors = 0;
  if (options.warmupSeconds > 0) await run(options.warmupSeconds);
  graphqlErrors = 0;
  const latencies: number[] = [];
  const before: Scrape = await scrape(baseUrl);
  const startedAt = performance.now();
  const result = await run(options.seconds, (_status, ms) => latencies.push(ms));
  const elapsed = (performance.now() - startedAt) / 1000;
  const after = await scrape(baseUrl);
  const statements = total(after, SQL_COUNTER) - total(before, SQL_COUNTER) - options.idleSqlPerSecond * elapsed;
  return {
    name: scenario.name,
    rate: options.rate,
    latency: summarize(latencies),
    throughput: latencies.length / result.duration,
    errors: result.errors + result.timeouts + result.non2xx + graphqlErrors,
    requests: latencies.length,
    sqlPerRequest: latencies.length ? statements / latencies.length : Number.NaN,
  };
}
