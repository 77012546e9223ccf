import request from 'supertest';
import { freePort } from '../../apps/api/src/database/embedded-postgres';
import { connectClient, typeParagraph, waitFor } from '../support/collab-client';
import { communityWithPeople, CommunityFixture, createItem } from '../support/fixtures';
import { startServer, ServerProcess } from '../support/server-process';
import { gql, gqlData, startTestApp, TestApp } from '../support/test-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/** The value of one sample in a Prometheus text exposition (labels must match exactly, in any order); undefined when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels)
    .map(([k, v]) => `${k}="${v}"`)
    .sort()
    .join(',');
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = (match[2] ?? '')
      .split(/,(?=[a-zA-Z_]+=")/)
      .filter(Boolean)
      .sort()
      .join(',');
    if (have === wanted) return Number(match[3]);
  }
  return undefined;
}

async function scrape(baseUrl: string): Promise<string> {
  const res = await request(baseUrl).get('/metrics');
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/plain/);
  return res.text;
}

const SEARCH = `query Zoeken($input: SearchInput!) { search(input: $input) { totalHits engine } }`;

describe('metrics and readiness', () => {
  let app: TestApp;
  let people: CommunityFixture;

  beforeAll(async () => {
    app = await startTestApp({ METRICS_PUBLIC: 'true' });
    people = await communityWithPeople(app.baseUrl);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('names every metric the operators and the load benchmark read', async () => {
    const text = await scrape(app.baseUrl);
    for (const name of [
      'spiraal_collab_open_sockets',
      'spiraal_collab_loaded_documents',
      'spiraal_collab_update_stored_seconds',
      'spiraal_search_duration_seconds',
      'spiraal_graphql_duration_seconds',
      'spiraal_graphql_errors_total',
      'spiraal_search_outbox_backlog',
      'spiraal_sql_statements_total',
      'process_resident_memory_bytes',
      'nodejs_heap_size_used_bytes',
      'nodejs_eventloop_lag_p99_seconds',
    ]) {
      expect(text).toContain(`# TYPE ${name} `);
    }
    expect(sample(text, 'spiraal_search_outbox_backlog')).toBeGreaterThanOrEqual(0);
  });

  it('counts open sockets, loaded documents and stored updates of live editing', async () => {
    const item = await createItem(app.baseUrl, people.member.token, {
      communityId: people.communityId,
      kind: 'NOTE',
      title: 'Gemeten',
      body: 'Begin.',
    });
    const before = await scrape(app.baseUrl);
    const storedBefore = sample(before, 'spiraal_collab_update_stored_seconds_count') ?? 0;
    expect(sample(before, 'spiraal_collab_open_sockets')).toBe(0);
    const client = await connectClient(app.baseUrl, people.member.token, item.id);
    try {
      const open = await scrape(app.baseUrl);
      expect(sample(open, 'spiraal_collab_open_sockets')).toBe(1);
      expect(sample(open, 'spiraal_collab_loaded_documents')).toBeGreaterThanOrEqual(1);
      typeParagraph(client.doc, 'Een zin die opgeslagen wordt.');
      await waitFor(
        async () =>
          (sample(await scrape(app.baseUrl), 'spiraal_collab_update_stored_seconds_count') ?? 0) > storedBefore,
        10_000,
        'the update to be stored',
      );
    } finally {
      client.destroy();
    }
    await waitFor(
      async () => sample(await scrape(app.baseUrl), 'spiraal_collab_open_sockets') === 0,
      5_000,
      'the socket to be counted as closed',
    );
  });

  it('times searches by engine and GraphQL operations by name, and counts SQL statements', async () => {
    const before = await scrape(app.baseUrl);
    const searches = (t: string) => sample(t, 'spiraal_search_duration_seconds_count', { engine: 'postgresql' }) ?? 0;
    const named = (t: string) => sample(t, 'spiraal_graphql_duration_seconds_count', { operation: 'Zoeken' }) ?? 0;
    const anonymous = (t: string) =>
      sample(t, 'spiraal_graphql_duration_seconds_count', { operation: 'anonymous' }) ?? 0;
    const failed = (t: string) => sample(t, 'spiraal_graphql_errors_total', { operation: 'anonymous' }) ?? 0;
    const statements = (t: string) => sample(t, 'spiraal_sql_statements_total')!;

    await gqlData(app.baseUrl, SEARCH, { input: { query: 'wijkteam' } }, people.member.token);
    await gqlData(app.baseUrl, `{ me { id } }`, {}, people.member.token);
    const refused = await gql(
      app.baseUrl,
      `{ item(id: "00000000-0000-4000-8000-000000000000") { id } }`,
      {},
      people.member.token,
    );
    expect(refused.errors).toBeDefined();

    const after = await scrape(app.baseUrl);
    expect(searches(after)).toBe(searches(before) + 1);
    expect(named(after)).toBe(named(before) + 1);
    expect(anonymous(after)).toBe(anonymous(before) + 2);
    expect(failed(after)).toBe(failed(before) + 1);
    expect(statements(after)).toBeGreaterThan(statements(before));
  });

  it('bounds the operation label: a client cannot create a series per request', async () => {
    for (let i = 0; i < 105; i++) await gql(app.baseUrl, `query Op${i} { me { id } }`, {}, people.member.token);
    const text = await scrape(app.baseUrl);
    const operations = new Set(
      [...text.matchAll(/spiraal_graphql_duration_seconds_count\{operation="([^"]*)"\}/g)].map((m) => m[1]),
    );
    expect(operations.size).toBeLessThanOrEqual(100 + 2); // the names, "anonymous" and "other"
    expect(operations).toContain('other');
  });

  it('is ready when the database and search answer', async () => {
    const res = await request(app.baseUrl).get('/ready');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ready', components: { database: { status: 'up' }, search: { status: 'up' } } });
    expect((await request(app.baseUrl).get('/health')).status).toBe(200);
  });
});

describe('the built server: JSON logs, request ids, a protected /metrics, not ready without Meilisearch', () => {
  const METRICS_TOKEN = 'metrics-token-0123456789abcdef';
  let db: TestDatabase;
  let server: ServerProcess;
  let meiliPort: number;

  beforeAll(async () => {
    db = await createTestDatabase();
    meiliPort = await freePort(); // nothing listens there
    server = await startServer({
      DATABASE_URL: db.url,
      PORT: String(await freePort()),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      METRICS_TOKEN,
      MEILI_URL: `http://127.0.0.1:${meiliPort}`,
    });
  }, 60_000);

  afterAll(async () => {
    server?.child.kill('SIGTERM');
    await server?.exited;
    await db?.drop();
  });

  /** The JSON lines the server wrote so far; every line must be JSON. */
  function logLines(): Record<string, any>[] {
    return server
      .output()
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => {
        try {
          return JSON.parse(line);
        } catch {
          throw new Error(`Not a JSON log line: ${line}`);
        }
      });
  }

  it('writes JSON lines with level, time and the Nest context', () => {
    const lines = logLines();
    expect(lines.length).toBeGreaterThan(0);
    const started = lines.find((l) => /Spiraal draait op/.test(l.msg));
    expect(started).toMatchObject({ level: 30, context: 'Spiraal' });
    expect(typeof started!.time).toBe('number');
  });

  it('logs each request with its id: the client`s X-Request-Id when sane, a new one otherwise, echoed in the response', async () => {
    const given = await request(server.baseUrl)
      .post('/graphql')
      .set('Content-Type', 'application/json')
      .set('X-Request-Id', 'obs-req-42')
      .send({ query: '{ me { id } }' });
    expect(given.headers['x-request-id']).toBe('obs-req-42');
    const hostile = await request(server.baseUrl)
      .post('/graphql')
      .set('Content-Type', 'application/json')
      .set('X-Request-Id', 'x"} {"level":60')
      .send({ query: '{ me { id } }' });
    expect(hostile.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    await waitFor(
      () => logLines().some((l) => l.requestId === hostile.headers['x-request-id']),
      5_000,
      'the request log line',
    );
    const line = logLines().find((l) => l.requestId === 'obs-req-42');
    expect(line).toMatchObject({ req: { method: 'POST', url: '/graphql' }, res: { statusCode: 200 } });
    expect(typeof line!.responseTime).toBe('number');
    expect(logLines().some((l) => l.level === 60)).toBe(false);
  });

  it('puts the request id on what is logged while serving that request', async () => {
    const people = await communityWithPeople(server.baseUrl);
    const res = await request(server.baseUrl)
      .post('/graphql')
      .set('Content-Type', 'application/json')
      .set('Authorization', `Bearer ${people.member.token}`)
      .set('X-Request-Id', 'search-req-7')
      .send({ query: SEARCH, variables: { input: { query: 'wijkteam' } } });
    expect(res.body.data.search.engine).toBe('postgresql');
    await waitFor(() => logLines().some((l) => l.requestId === 'search-req-7' && l.res), 5_000, 'the request log line');
    const warning = logLines().find(
      (l) => l.requestId === 'search-req-7' && /searching PostgreSQL instead/.test(l.msg),
    );
    expect(warning).toMatchObject({ level: 40, context: 'SearchService' });
  });

  it('never logs passwords, session tokens, cookies or collab tickets', async () => {
    const people = await communityWithPeople(server.baseUrl); // registers with a password
    const item = await createItem(server.baseUrl, people.member.token, {
      communityId: people.communityId,
      kind: 'NOTE',
      title: 'Geheim',
      body: 'Tekst.',
    });
    await request(server.baseUrl)
      .post('/graphql')
      .set('Content-Type', 'application/json')
      .set('Cookie', `spiraal_session=${people.reader.token}`)
      .send({ query: '{ me { id } }' });
    const client = await connectClient(server.baseUrl, people.member.token, item.id);
    const ticket = client.provider.params.ticket;
    client.destroy();
    // A ticket in the address of an ordinary request is blanked out too.
    await request(server.baseUrl).get(`/collab/${item.id}?ticket=${people.facilitator.token}`);
    await waitFor(
      () => logLines().some((l) => l.req?.url?.startsWith(`/collab/${item.id}?ticket=[redacted]`)),
      5_000,
      'the request log line',
    );
    const output = server.output();
    expect(ticket).toBeTruthy();
    for (const secret of [
      'correct horse battery',
      people.member.token,
      people.reader.token,
      people.facilitator.token,
      ticket!,
    ]) {
      expect(output).not.toContain(secret);
    }
  });

  it('requires the METRICS_TOKEN for /metrics when one is set', async () => {
    expect((await request(server.baseUrl).get('/metrics')).status).toBe(401);
    expect(
      (await request(server.baseUrl).get('/metrics').set('Authorization', 'Bearer wrong-token-0123456789abcdef'))
        .status,
    ).toBe(401);
    const res = await request(server.baseUrl).get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('spiraal_sql_statements_total');
  });

  it('is alive but not ready while Meilisearch does not answer, and says which component is down', async () => {
    expect((await request(server.baseUrl).get('/health')).status).toBe(200);
    const res = await request(server.baseUrl).get('/ready');
    expect(res.status).toBe(503);
    expect(res.body.status).toBe('unavailable');
    expect(res.body.components.database).toEqual({ status: 'up' });
    expect(res.body.components.search).toEqual({ status: 'up' });
    expect(res.body.components.meilisearch.status).toBe('down');
    expect(res.body.components.meilisearch.reason).toMatch(/ECONNREFUSED|no answer/);
    expect(JSON.stringify(res.body)).not.toMatch(/\n\s+at |127\.0\.0\.1/);
  });
});

describe('readiness with Redis (REDIS_URL)', () => {
  it('is ready while Redis answers, and names Redis when it does not', async () => {
    const up = await startTestApp({ REDIS_URL: 'redis://127.0.0.1:6379' });
    try {
      const res = await request(up.baseUrl).get('/ready');
      expect(res.status).toBe(200);
      expect(res.body.components.redis).toEqual({ status: 'up' });
    } finally {
      await up.close();
    }
    const down = await startTestApp({ REDIS_URL: `redis://127.0.0.1:${await freePort()}` });
    try {
      const res = await request(down.baseUrl).get('/ready');
      expect(res.status).toBe(503);
      expect(res.body.components.database).toEqual({ status: 'up' });
      expect(res.body.components.redis.status).toBe('down');
    } finally {
      await down.close();
    }
  });
});
