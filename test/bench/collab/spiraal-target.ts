import { Client } from 'pg';
import { collabTicket, waitFor } from '../../support/collab-client';
import { createItem } from '../../support/fixtures';
import { startServer } from '../../support/server-process';
import { addMember, gql, registerUser, TestUser } from '../../support/graphql-client';
import { freePort } from '../../../apps/api/src/database/embedded-postgres';
import { BenchDatabase, createBenchDatabase } from './bench-database';
import { scrapeHistogram } from './server-histogram';
import type { Endpoint } from './client';
import type { CollabTarget, PreparedRoom } from './target';

/** Accounts to spread editors over: registering hashes a password (Argon2), so there are few. */
const ACCOUNTS = 10;

/** Starts the built server (`node apps/api/dist/main.js`) on a fresh database, with a community of editors. */
export async function startSpiraal(
  extraEnv: Record<string, string> = {},
): Promise<CollabTarget & { database: BenchDatabase; output(): string }> {
  const database = await createBenchDatabase();
  const port = await freePort();
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    // The load registers and connects hundreds of editors from one address.
    const unlimited = {
      RATE_REGISTRATIONS_PER_HOUR: '1000000',
      RATE_MUTATIONS_PER_MINUTE: '1000000',
      RATE_TICKETS_PER_MINUTE: '1000000',
      RATE_INVITATIONS_PER_HOUR: '1000000',
    };
    server = await startServer(
      {
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        METRICS_PUBLIC: 'true',
        ...unlimited,
        ...database.serverEnv,
        ...extraEnv,
      },
      180_000,
    );
  } catch (error) {
    await database.remove().catch(() => undefined);
    throw error;
  }
  const { baseUrl, child } = server;

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await server.exited;
      clearTimeout(timer);
    }
  };

  let users: TestUser[];
  let communityId: string;
  try {
    users = await Promise.all(Array.from({ length: ACCOUNTS }, (_, i) => registerUser(baseUrl, `Redacteur ${i + 1}`)));
    const created = await gql(
      baseUrl,
      `mutation ($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`,
      { input: { name: 'Benchmark leernetwerk', visibility: 'PRIVATE' } },
      users[0].token,
    );
    if (!created.data) throw new Error(`createCommunity failed: ${JSON.stringify(created.errors)}`);
    communityId = created.data.createCommunity.id as string;
    for (const user of users.slice(1)) {
      await addMember(baseUrl, users[0].token, { communityId, user, role: 'MEMBER', perspective: 'PROFESSIONAL' });
    }
  } catch (error) {
    await stop();
    await database.remove().catch(() => undefined);
    throw new Error(`${String(error)}\n${server.output()}`, { cause: error });
  }

  let itemCounter = 0;

  return {
    label: 'Spiraal',
    pid: child.pid!,
    database,
    output: () => server.output(),
    get databaseUrl() {
      return database.url();
    },
    async prepareRooms(count: number, markdown: string): Promise<PreparedRoom[]> {
      const rooms: PreparedRoom[] = [];
      // A few at a time: the server converts each body (up to 1 MB) while handling the request.
      for (let start = 0; start < count; start += 8) {
        const batch = Array.from({ length: Math.min(8, count - start) }, () =>
          createItem(baseUrl, users[0].token, {
            communityId,
            kind: 'CASE',
            title: `Casus ${++itemCounter}`,
            body: markdown,
          }),
        );
        for (const item of await Promise.all(batch)) rooms.push({ room: item.id, seed: null });
      }
      return rooms;
    },
    async endpoint(room: string, editor: number): Promise<Endpoint> {
      const user = users[editor % users.length];
      // Tickets are single-use: one per connection.
      const ticket = await collabTicket(baseUrl, user.token, room);
      return { serverUrl: ticket.url, room, params: { ticket: ticket.token } };
    },
    async settle(rooms: readonly string[]) {
      // Rooms unload 30 s after their last editor left and compact their update rows away then;
      // waiting for that keeps the compaction of one phase out of the next phase's measurement.
      if (!rooms.length) return;
      const client = new Client({ connectionString: database.url() });
      await client.connect();
      try {
        await waitFor(
          async () => {
            const { rows } = await client.query(
              'SELECT count(*)::int AS n FROM yjs_updates WHERE item_id = ANY($1::uuid[])',
              [rooms],
            );
            return rows[0].n === 0;
          },
          60_000,
          'earlier rooms to be unloaded and compacted',
        ).catch((error: unknown) => console.warn(`  (settle: ${String(error)}; measuring anyway)`));
      } finally {
        await client.end();
      }
    },
    storedHistogram: () => scrapeHistogram(baseUrl),
    stop,
  };
}
