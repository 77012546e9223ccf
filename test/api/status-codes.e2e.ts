import type { INestApplication } from '@nestjs/common';
import { createServer, Server, Socket } from 'node:net';
import { join } from 'node:path';
import request from 'supertest';
import { createApp } from '../../apps/api/src/app';
import { loadConfig } from '../../apps/api/src/config/config';
import { communityWithPeople, CommunityFixture } from '../support/fixtures';
import { gql, registerUser, startTestApp, TestApp } from '../support/test-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/**
 * Issue 20, findings 4, 5 and 7: refusals answer with the status that says
 * what happened (one mapping for GraphQL and the REST routes), production
 * errors give no schema hints, and /metrics is closed unless opened.
 */

const CREATE_COMMUNITY = `mutation ($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`;
const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { token } }`;
const IMPORT = `mutation ($input: ImportDocumentInput!) { importDocument(input: $input) { status } }`;

/** A TCP hop in front of PostgreSQL that can be cut, as a database outage is seen from the API. */
class CuttableLink {
  private readonly sockets = new Set<Socket>();
  private server: Server | null = null;
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async open(port = 0): Promise<void> {
    this.server = createServer((client) => {
      const upstream = new Socket();
      upstream.connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('error', () => undefined);
        s.on('close', () => this.sockets.delete(s));
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
  }

  async cut(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
    this.server = null;
  }
}

describe('status codes say what happened (finding 4)', () => {
  let t: TestApp;
  let c: CommunityFixture;

  beforeAll(async () => {
    t = await startTestApp();
    c = await communityWithPeople(t.baseUrl);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers validation 400, not signed in 401, forbidden 403, unknown 404', async () => {
    const invalid = await gql(t.baseUrl, CREATE_COMMUNITY, { input: { name: '   ' } }, c.facilitator.token);
    expect([invalid.status, invalid.errors?.[0].extensions?.code]).toEqual([400, 'BAD_USER_INPUT']);

    const anonymous = await gql(t.baseUrl, CREATE_COMMUNITY, { input: { name: 'Zonder account' } });
    expect([anonymous.status, anonymous.errors?.[0].extensions?.code]).toEqual([401, 'UNAUTHENTICATED']);

    const reader = await gql(
      t.baseUrl,
      `mutation ($input: CreateItemInput!) { createItem(input: $input) { id } }`,
      { input: { communityId: c.communityId, kind: 'NOTE', title: 'Lezers schrijven niet' } },
      c.reader.token,
    );
    expect([reader.status, reader.errors?.[0].extensions?.code]).toEqual([403, 'FORBIDDEN']);

    const missing = await gql(
      t.baseUrl,
      `{ item(id: "00000000-0000-4000-8000-000000000000") { id } }`,
      {},
      c.member.token,
    );
    expect([missing.status, missing.errors?.[0].extensions?.code]).toEqual([404, 'NOT_FOUND']);

    const unknownField = await gql(t.baseUrl, `{ me { nietBestaand } }`, {}, c.member.token);
    expect([unknownField.status, unknownField.errors?.[0].extensions?.code]).toEqual([
      400,
      'GRAPHQL_VALIDATION_FAILED',
    ]);
  });

  it('answers a throttled sign-in with 429 and Retry-After', async () => {
    const user = await registerUser(t.baseUrl);
    let last = await gql(t.baseUrl, LOGIN, { input: { email: user.email, password: 'fout wachtwoord 1' } });
    expect([last.status, last.errors?.[0].extensions?.code]).toEqual([401, 'UNAUTHENTICATED']);
    for (let i = 0; i < 5; i++)
      last = await gql(t.baseUrl, LOGIN, { input: { email: user.email, password: 'fout wachtwoord 1' } });
    expect([last.status, last.errors?.[0].extensions?.code]).toEqual([429, 'RATE_LIMITED']);
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('rate limits and a database outage (finding 4)', () => {
  let db: TestDatabase;
  let link: CuttableLink;
  let app: INestApplication;
  let baseUrl: string;
  let c: CommunityFixture;

  beforeAll(async () => {
    db = await createTestDatabase();
    const target = new URL(db.url);
    link = new CuttableLink({ host: target.hostname, port: Number(target.port || 5432) });
    await link.open();
    const viaLink = new URL(db.url);
    viaLink.hostname = '127.0.0.1';
    viaLink.port = String(link.port);
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'error',
      SPIRAAL_WEB_DIR: join(__dirname, '../../apps/web/dist'),
      RATE_REGISTRATIONS_PER_HOUR: '100000',
      RATE_MUTATIONS_PER_MINUTE: '12',
      RATE_TICKETS_PER_MINUTE: '100000',
      DATABASE_URL: viaLink.toString(),
    });
    app = await createApp(config, viaLink.toString());
    await app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${app.getHttpServer().address().port}`;
    c = await communityWithPeople(baseUrl); // 1 + 2 mutations of the facilitator
  });

  afterAll(async () => {
    await link?.cut();
    await app?.close().catch(() => undefined);
    await db?.drop();
  });

  it('answers a rate-limited import 429 with Retry-After, over GraphQL and the restore route alike', async () => {
    const input = { communityId: c.communityId, filename: 'notitie.md', content: '# Notitie\n\nTekst.' };
    const statuses: number[] = [];
    let last = await gql(baseUrl, IMPORT, { input }, c.facilitator.token);
    for (let i = 0; i < 12 && last.status === 200; i++) {
      statuses.push(last.status);
      last = await gql(
        baseUrl,
        IMPORT,
        { input: { ...input, content: `# Notitie ${i}\n\nTekst.` } },
        c.facilitator.token,
      );
    }
    expect([last.status, last.errors?.[0].extensions?.code]).toEqual([429, 'RATE_LIMITED']);
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);

    const restore = await request(baseUrl)
      .post(`/export/communities/${c.communityId}/import`)
      .set('Authorization', `Bearer ${c.facilitator.token}`)
      .set('Content-Type', 'application/zip')
      .send(Buffer.from('PK'));
    expect([restore.status, restore.body.errors?.[0].extensions?.code]).toEqual([429, 'RATE_LIMITED']);
    expect(Number(restore.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('answers 503 with Retry-After while the database is unreachable, sign-in included, and recovers', async () => {
    await link.cut();
    const login = await gql(baseUrl, LOGIN, { input: { email: c.member.email, password: 'correct horse battery' } });
    expect([login.status, login.errors?.[0].extensions?.code]).toEqual([503, 'SERVICE_UNAVAILABLE']);
    expect(Number(login.headers['retry-after'])).toBeGreaterThan(0);
    expect(JSON.stringify(login.errors)).not.toMatch(/ECONNREFUSED|5432|stack/i);

    const signedIn = await gql(baseUrl, `{ communities { id } }`, {}, c.member.token);
    expect([signedIn.status, signedIn.errors?.[0].extensions?.code]).toEqual([503, 'SERVICE_UNAVAILABLE']);

    const download = await request(baseUrl)
      .get(`/export/communities/${c.communityId}`)
      .set('Authorization', `Bearer ${c.facilitator.token}`);
    expect([download.status, download.body.errors?.[0].extensions?.code]).toEqual([503, 'SERVICE_UNAVAILABLE']);

    await link.open(link.port);
    const again = await gql(baseUrl, LOGIN, { input: { email: c.member.email, password: 'correct horse battery' } });
    expect(again.status).toBe(200);
    expect(again.data?.login.token).toBeTruthy();
  });
});

describe('no schema hints in production (finding 5)', () => {
  const TYPO = `mutation ($input: LoginInput!) { login(input: $input) { tokn } }`;
  let production: TestApp;
  let development: TestApp;

  beforeAll(async () => {
    [production, development] = await Promise.all([
      startTestApp({ NODE_ENV: 'production' }),
      startTestApp({ NODE_ENV: 'development' }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([production?.close(), development?.close()]);
  });

  it('says "Did you mean" in development only', async () => {
    const variables = { input: { email: 'a@example.nl', password: 'x' } };
    const prod = await gql(production.baseUrl, TYPO, variables);
    expect(prod.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(prod.errors)).not.toMatch(/did you mean|"token"/i);
    const argTypo = await gql(production.baseUrl, `mutation { login(inptu: {}) { token } }`);
    expect(JSON.stringify(argTypo.errors)).not.toMatch(/did you mean|"input"/i);

    const dev = await gql(development.baseUrl, TYPO, variables);
    expect(dev.errors?.[0].message).toMatch(/Did you mean "token"\?/);
  });
});

describe('/metrics closed by default (finding 7)', () => {
  const TOKEN = 'metrics-token-0123456789abcdef';
  let closed: TestApp;
  let open: TestApp;
  let tokened: TestApp;

  beforeAll(async () => {
    [closed, open, tokened] = await Promise.all([
      startTestApp(),
      startTestApp({ METRICS_PUBLIC: 'true' }),
      startTestApp({ METRICS_TOKEN: TOKEN }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([closed?.close(), open?.close(), tokened?.close()]);
  });

  it('answers 404 without METRICS_TOKEN or METRICS_PUBLIC=true, and opens only as configured', async () => {
    const shut = await request(closed.baseUrl).get('/metrics');
    expect(shut.status).toBe(404);
    expect(shut.text).not.toContain('# TYPE');
    expect((await request(open.baseUrl).get('/metrics')).status).toBe(200);
    expect((await request(tokened.baseUrl).get('/metrics')).status).toBe(401);
    expect((await request(tokened.baseUrl).get('/metrics').set('Authorization', `Bearer ${TOKEN}`)).status).toBe(200);
  });

  it('refuses a METRICS_PUBLIC that is not true or false', () => {
    expect(() => loadConfig({ METRICS_PUBLIC: 'ja' })).toThrow(/METRICS_PUBLIC/);
  });
});
