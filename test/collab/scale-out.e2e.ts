import { randomBytes } from 'node:crypto';
import { createConnection, createServer, Server, Socket } from 'node:net';
import Redis from 'ioredis';
import * as awarenessProtocol from 'y-protocols/awareness';
import { freePort } from '../../apps/api/src/database/embedded-postgres';
import { CollabClient, connectClient, textOf, typeParagraph, waitFor } from '../support/collab-client';
import { communityWithPeople, CommunityFixture, createItem } from '../support/fixtures';
import { ServerProcess, startServer } from '../support/server-process';
import { gql } from '../support/test-app';
import { createTestDatabase, storedDocument, TestDatabase } from '../support/test-database';

/**
 * Two API processes (the built server) on one PostgreSQL, relaying live
 * editing over the machine's Redis (`.ci/run` makes sure it runs). Each test
 * gets its own channel prefix, so parallel runs do not hear each other.
 */
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

const lines = (client: CollabClient) => new Set(textOf(client.doc).split('\n'));
const hasAll = (client: CollabClient, wanted: string[]) => {
  const have = lines(client);
  return wanted.every((line) => have.has(line));
};

describe('several API processes over Redis', () => {
  let db: TestDatabase;
  const servers: ServerProcess[] = [];
  const clients: CollabClient[] = [];

  beforeAll(async () => {
    // Fails loudly when Redis is missing: CI starts it, and this is what the test is about.
    const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
    await redis.quit();
    db = await createTestDatabase();
  });

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    for (const server of servers.splice(0)) {
      server.child.kill('SIGKILL');
      await server.exited;
    }
  });

  afterAll(() => db?.drop());

  async function start(prefix: string, env: Record<string, string> = {}): Promise<ServerProcess> {
    const server = await startServer({
      DATABASE_URL: db.url,
      PORT: String(await freePort()),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'test',
      REDIS_URL,
      REDIS_PREFIX: prefix,
      RATE_REGISTRATIONS_PER_HOUR: '100000',
      RATE_TICKETS_PER_MINUTE: '100000',
      RATE_MUTATIONS_PER_MINUTE: '100000',
      ...env,
    });
    servers.push(server);
    return server;
  }

  async function connect(
    server: ServerProcess,
    token: string,
    itemId: string,
    options: Parameters<typeof connectClient>[3] = {},
  ): Promise<CollabClient> {
    const client = await connectClient(server.baseUrl, token, itemId, options);
    clients.push(client);
    return client;
  }

  async function caseIn(server: ServerProcess, people: CommunityFixture): Promise<string> {
    return (
      await createItem(server.baseUrl, people.facilitator.token, {
        communityId: people.communityId,
        kind: 'CASE',
        title: 'Casus in de intervisie',
        body: 'Begin.',
      })
    ).id;
  }

  const prefix = () => `test-${randomBytes(6).toString('hex')}`;

  it('lets editors on different processes see each other’s edits and presence live', async () => {
    const channel = prefix();
    const [a, b] = await Promise.all([start(channel), start(channel)]);
    const people = await communityWithPeople(a.baseUrl);
    const itemId = await caseIn(a, people);
    const fenna = await connect(a, people.facilitator.token, itemId);
    const mo = await connect(b, people.member.token, itemId);

    typeParagraph(fenna.doc, 'Fenna via proces A');
    typeParagraph(mo.doc, 'Mo via proces B');
    for (const client of [fenna, mo])
      await waitFor(
        () => hasAll(client, ['Fenna via proces A', 'Mo via proces B']),
        5_000,
        'both edits on both processes',
      );
    expect(textOf(fenna.doc)).toBe(textOf(mo.doc));

    // Presence: Mo's caret on B reaches Fenna on A, stamped with Mo's name by B.
    mo.provider.awareness.setLocalStateField('cursor', { anchor: 1 });
    await waitFor(
      () =>
        [...fenna.provider.awareness.getStates().values()].some(
          (state) => (state as { user?: { name?: string } }).user?.name === 'Mo Lid',
        ),
      5_000,
      "Mo's presence on process A",
    );
    // And leaves with Mo.
    const moClient = mo.doc.clientID;
    awarenessProtocol.removeAwarenessStates(mo.provider.awareness, [moClient], 'test');
    mo.provider.disconnect();
    await waitFor(() => !fenna.provider.awareness.getStates().has(moClient), 5_000, "Mo's presence to leave process A");

    // Each process stored its own editor's change: all of it is in PostgreSQL.
    await waitFor(
      async () => {
        const stored = textOf(await storedDocument(db.url, itemId));
        return stored.includes('Fenna via proces A') && stored.includes('Mo via proces B');
      },
      5_000,
      'both edits stored',
    );
  });

  it('loses nothing when a process is killed: its editors reconnect to the other and find every edit', async () => {
    const channel = prefix();
    // A writes its updates late (a minute), so at the kill they exist only in memory: A's own and B's relayed copy.
    const a = await start(channel, { COLLAB_FLUSH_INTERVAL_MS: '60000' });
    const b = await start(channel, { COLLAB_RELAY_ADOPT_MS: '1000' });
    const people = await communityWithPeople(a.baseUrl);
    const itemId = await caseIn(a, people);
    const fenna = await connect(a, people.facilitator.token, itemId);
    const mo = await connect(b, people.member.token, itemId);

    const typed: string[] = [];
    for (let i = 0; i < 20; i++) {
      const line = `Fenna regel ${i}`;
      typeParagraph(fenna.doc, line);
      typed.push(line);
      const other = `Mo regel ${i}`;
      typeParagraph(mo.doc, other);
      typed.push(other);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await waitFor(() => hasAll(mo, typed) && hasAll(fenna, typed), 10_000, 'both editors to have every line');

    a.child.kill('SIGKILL');
    await a.exited;
    // Typed while the connection is down: kept by the editor, sent on reconnecting.
    typeParagraph(fenna.doc, 'Fenna offline');
    typed.push('Fenna offline');
    fenna.provider.disconnect();

    // The load balancer sends Fenna's editor to B; she keeps her document.
    const again = await connect(b, people.facilitator.token, itemId, { doc: fenna.doc });
    typeParagraph(again.doc, 'Fenna via proces B');
    typed.push('Fenna via proces B');
    await waitFor(() => hasAll(mo, typed) && hasAll(again, typed), 10_000, 'every edit on both editors after the kill');
    expect(textOf(mo.doc)).toBe(textOf(again.doc));

    // B stores what A never confirmed (after COLLAB_RELAY_ADOPT_MS), and what Fenna sends it now.
    await waitFor(
      async () => {
        const stored = new Set(textOf(await storedDocument(db.url, itemId)).split('\n'));
        return typed.every((line) => stored.has(line));
      },
      10_000,
      'every edit stored in PostgreSQL',
    );

    // A fresh process, loading only from PostgreSQL, has it all too.
    const fresh = await start(prefix());
    const reader = await connect(fresh, people.reader.token, itemId);
    expect(typed.filter((line) => !lines(reader).has(line))).toEqual([]);
  });

  it('a process that loads a document late catches up on edits not yet stored', async () => {
    const channel = prefix();
    const a = await start(channel, { COLLAB_FLUSH_INTERVAL_MS: '60000' });
    const b = await start(channel);
    const people = await communityWithPeople(a.baseUrl);
    const itemId = await caseIn(a, people);
    const fenna = await connect(a, people.facilitator.token, itemId);
    typeParagraph(fenna.doc, 'Nog niet opgeslagen');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(textOf(await storedDocument(db.url, itemId))).not.toContain('Nog niet opgeslagen');

    // B loads the document from PostgreSQL (without the line) and asks A for the rest.
    const mo = await connect(b, people.member.token, itemId);
    await waitFor(() => lines(mo).has('Nog niet opgeslagen'), 5_000, 'the late process to catch up');
  });

  it('a process started while Redis does not answer opens documents and joins in once Redis answers', async () => {
    const channel = prefix();
    const a = await start(channel);
    // B reaches Redis through a port that answers nothing yet.
    const port = await freePort();
    const b = await start(channel, { REDIS_URL: `redis://127.0.0.1:${port}` });
    const people = await communityWithPeople(a.baseUrl);
    const itemId = await caseIn(a, people);
    const mo = await connect(b, people.member.token, itemId); // local work goes on without Redis

    const proxy = await redisProxy(port);
    try {
      const fenna = await connect(a, people.facilitator.token, itemId);
      await waitFor(
        async () => {
          typeParagraph(fenna.doc, 'Via A');
          await new Promise((resolve) => setTimeout(resolve, 200));
          return lines(mo).has('Via A');
        },
        15_000,
        "A's edit to reach B once Redis answers",
      );
      typeParagraph(mo.doc, 'Via B');
      await waitFor(() => lines(fenna).has('Via B'), 5_000, "B's edit to reach A");

      // B subscribed to the membership events late, but it did.
      const closed = new Promise<number>((resolve) =>
        mo.provider.ws!.addEventListener('close', (event) => resolve((event as { code: number }).code)),
      );
      await gql(
        a.baseUrl,
        `mutation ($input: RemoveMemberInput!) { removeMember(input: $input) }`,
        { input: { communityId: people.communityId, userId: people.member.id } },
        people.facilitator.token,
      );
      expect(await closed).toBe(4403);
    } finally {
      await proxy.close();
    }
  });

  it('takes access away on every process: a member removed on A loses the socket on B', async () => {
    const channel = prefix();
    const [a, b] = await Promise.all([start(channel), start(channel)]);
    const people = await communityWithPeople(a.baseUrl);
    const itemId = await caseIn(a, people);
    const mo = await connect(b, people.member.token, itemId);
    const closed = new Promise<number>((resolve) =>
      mo.provider.ws!.addEventListener('close', (event) => resolve((event as { code: number }).code)),
    );
    const removed = await gql(
      a.baseUrl,
      `mutation ($input: RemoveMemberInput!) { removeMember(input: $input) }`,
      { input: { communityId: people.communityId, userId: people.member.id } },
      people.facilitator.token,
    );
    expect(removed.data?.removeMember).toBe(true);
    expect(await closed).toBe(4403);
  });
});

/** Forwards a port to the real Redis: Redis, as B sees it, starting to answer. */
async function redisProxy(port: number): Promise<{ close(): Promise<void> }> {
  const target = new URL(REDIS_URL);
  const sockets = new Set<Socket>();
  const server: Server = createServer((inbound) => {
    const outbound = createConnection(Number(target.port || 6379), target.hostname);
    for (const socket of [inbound, outbound]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => sockets.delete(socket));
    }
    inbound.pipe(outbound).pipe(inbound);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
