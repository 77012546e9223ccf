/**
 * Memory of refusing hostile restore archives (issue 20, finding 3): the built
 * API as its own process, a community, and zip bombs sent to the restore
 * route; the server's resident memory before and its peak while refusing
 * (VmHWM, reset through /proc/<pid>/clear_refs before each upload).
 *
 *   npm run bench:archive
 *
 * Environment: DATABASE_URL (a PostgreSQL server for the bench database).
 * Baseline (the attack report, before the fix): 137 MB -> 746 MB for one
 * 300 MB entry of zeros, so about +609 MB. Goal: less than +100 MB.
 */
import { freePort } from '../../apps/api/src/database/embedded-postgres';
import { zeroBomb } from '../support/hostile-zip';
import { startServer } from '../support/server-process';
import { createTestDatabase } from '../support/test-database';
import { peakRssBytes, resetPeakRss, rssBytes } from './support/process-stats';
import { renderTable } from './support/table';

const MB = 1024 * 1024;
const GOAL_MB = 100;

async function gql(baseUrl: string, query: string, variables: Record<string, unknown>, token?: string) {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data: any; errors?: unknown[] };
}

async function main(): Promise<void> {
  process.env.DATABASE_URL ??= 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
  const db = await createTestDatabase();
  const server = await startServer({
    DATABASE_URL: db.url,
    PORT: String(await freePort()),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    RATE_MUTATIONS_PER_MINUTE: '100000',
  });
  const pid = server.child.pid!;
  try {
    const registered = await gql(
      server.baseUrl,
      `mutation ($input: RegisterInput!) { register(input: $input) { token } }`,
      {
        input: { email: 'bench-archive@example.nl', password: 'correct horse battery', displayName: 'Bench' },
      },
    );
    const token = registered.data.register.token as string;
    const community = await gql(
      server.baseUrl,
      `mutation { createCommunity(input: { name: "Bench" }) { id } }`,
      {},
      token,
    );
    const communityId = community.data.createCommunity.id as string;

    const scenarios: [string, string, number][] = [
      ['warm-up: 1 KB manifest of zeros', 'manifest.json', 1024],
      ['300 MB of zeros as manifest.json', 'manifest.json', 300 * MB],
      ['300 MB of zeros as an item file', 'items/notitie.md', 300 * MB],
      ['300 MB of zeros as manifest.json, again', 'manifest.json', 300 * MB],
    ];
    const rows: string[][] = [];
    let worst = 0;
    for (const [what, name, size] of scenarios) {
      const zip = await zeroBomb(name, size);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const before = rssBytes(pid);
      resetPeakRss(pid);
      const started = performance.now();
      const res = await fetch(`${server.baseUrl}/export/communities/${communityId}/import`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/zip' },
        body: zip,
      });
      const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
      const ms = performance.now() - started;
      const peak = peakRssBytes(pid);
      const growth = (peak - before) / MB;
      if (!what.startsWith('warm-up')) worst = Math.max(worst, growth);
      rows.push([
        what,
        `${(zip.length / 1024).toFixed(0)} KB`,
        `${res.status} ${body.errors?.[0]?.extensions?.code ?? ''}`,
        `${(before / MB).toFixed(0)} MB`,
        `${(peak / MB).toFixed(0)} MB`,
        `${growth.toFixed(0)} MB`,
        `${ms.toFixed(0)} ms`,
      ]);
    }
    console.log(renderTable(['upload', 'zip', 'answer', 'RSS before', 'peak RSS', 'growth', 'time'], rows));
    console.log(
      `\nBaseline (attack report, before the fix): +609 MB for one 300 MB entry. Goal: < ${GOAL_MB} MB growth.`,
    );
    console.log(`${worst < GOAL_MB ? 'PASS' : 'FAIL'}: largest growth while refusing ${worst.toFixed(0)} MB`);
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
    await db.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
