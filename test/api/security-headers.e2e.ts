import { execFileSync } from 'node:child_process';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, Server } from 'node:https';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { errorCode, gql, registerUser, startTestApp, TestApp } from '../support/test-app';

/**
 * The HTTP security headers on every response, the web app's pages, /graphql
 * (answers and refusals), /health and errors alike; HSTS only over HTTPS,
 * decided exactly like the session cookie's Secure flag; and no Apollo
 * landing page or introspection in production.
 */
const EXPECTED: Record<string, string> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

function expectSecurityHeaders(headers: Record<string, string | string[] | undefined>, what: string): void {
  for (const [name, value] of Object.entries(EXPECTED)) {
    if (headers[name] !== value)
      throw new Error(`${what}: ${name} is ${JSON.stringify(headers[name])}, expected ${value}`);
  }
  expect(headers['x-powered-by']).toBeUndefined();
}

const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { token } }`;

describe('HTTP security headers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('every kind of response carries them, and none carries HSTS over plain HTTP', async () => {
    const index = await request(t.baseUrl).get('/').set('Accept', 'text/html');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(index.text)?.[1];
    expect(script).toBeDefined();
    const user = await registerUser(t.baseUrl);
    const responses: [string, request.Response][] = [
      ['the start page', index],
      [
        'an app route (/items/<id>)',
        await request(t.baseUrl).get('/items/3f0c2f4e-0000-4000-8000-000000000000').set('Accept', 'text/html'),
      ],
      ['a script asset', await request(t.baseUrl).get(script!)],
      ['/health', await request(t.baseUrl).get('/health')],
      [
        'a GraphQL answer',
        await request(t.baseUrl)
          .post('/graphql')
          .set('Authorization', `Bearer ${user.token}`)
          .send({ query: '{ me { id } }' }),
      ],
      ['a GraphQL error', await request(t.baseUrl).post('/graphql').send({ query: '{ me { password } }' })],
      [
        'a refusal by the query limits',
        await request(t.baseUrl)
          .post('/graphql')
          .send([{ query: '{ me { id } }' }]),
      ],
      ['a CSRF refusal', await request(t.baseUrl).get('/graphql').query({ query: '{ me { id } }' })],
      [
        'malformed JSON',
        await request(t.baseUrl).post('/graphql').set('Content-Type', 'application/json').send('{"query": '),
      ],
      [
        'a body over the limit',
        await request(t.baseUrl)
          .post('/graphql')
          .set('Content-Type', 'application/json')
          .send(JSON.stringify({ query: '{ me { id } }', pad: 'x'.repeat(5 * 1024 * 1024) })),
      ],
      ['an unknown path', await request(t.baseUrl).post('/nothing-here')],
    ];
    expect(responses.map(([what, res]) => `${what}: ${res.status}`)).toEqual([
      'the start page: 200',
      'an app route (/items/<id>): 200',
      'a script asset: 200',
      '/health: 200',
      'a GraphQL answer: 200',
      'a GraphQL error: 400',
      'a refusal by the query limits: 400',
      'a CSRF refusal: 400',
      'malformed JSON: 400',
      'a body over the limit: 413',
      'an unknown path: 404',
    ]);
    for (const [what, res] of responses) {
      expectSecurityHeaders(res.headers, what);
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('a forwarded "https" from an untrusted client changes nothing: no HSTS and no Secure cookie, the same decision', async () => {
    const user = await registerUser(t.baseUrl);
    const res = await request(t.baseUrl)
      .post('/graphql')
      .set('X-Forwarded-Proto', 'https')
      .send({ query: LOGIN, variables: { input: { email: user.email, password: 'correct horse battery' } } });
    expect(res.status).toBe(200);
    expect(res.headers['strict-transport-security']).toBeUndefined();
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/spiraal_session=.*HttpOnly/);
    expect(cookie).not.toMatch(/;\s*Secure/i);
  });

  describe('over HTTPS', () => {
    let server: Server;
    let httpsUrl: string;
    beforeAll(async () => {
      // A throwaway self-signed certificate; the app itself, served by Node's HTTPS server.
      const dir = mkdtempSync(join(tmpdir(), 'spiraal-tls-'));
      try {
        execFileSync(
          'openssl',
          [
            'req',
            '-x509',
            '-newkey',
            'rsa:2048',
            '-nodes',
            '-subj',
            '/CN=127.0.0.1',
            '-days',
            '1',
            '-keyout',
            join(dir, 'key.pem'),
            '-out',
            join(dir, 'cert.pem'),
          ],
          { stdio: 'ignore' },
        );
        server = createServer(
          { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) },
          t.app.getHttpAdapter().getInstance(),
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      httpsUrl = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('HSTS comes with every response, with the Secure session cookie and a wss:// ticket', async () => {
      // The certificate is our own throwaway one: not checked.
      const agent = {
        get: (path: string) => request(httpsUrl).get(path).disableTLSCerts(),
        post: (path: string) => request(httpsUrl).post(path).disableTLSCerts(),
      };
      const user = await registerUser(t.baseUrl);
      const page = await agent.get('/').set('Accept', 'text/html');
      const health = await agent.get('/health');
      const login = await agent
        .post('/graphql')
        .send({ query: LOGIN, variables: { input: { email: user.email, password: 'correct horse battery' } } });
      for (const [what, res] of [
        ['the start page', page],
        ['/health', health],
        ['login', login],
      ] as const) {
        expectSecurityHeaders(res.headers, `${what} over HTTPS`);
        expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      }
      expect(String(login.headers['set-cookie'])).toMatch(/spiraal_session=.*;\s*Secure/i);

      const community = await gql(
        t.baseUrl,
        `mutation { createCommunity(input: { name: "Via HTTPS" }) { id } }`,
        {},
        user.token,
      );
      const item = await gql(
        t.baseUrl,
        `mutation ($c: ID!) { createItem(input: { communityId: $c, kind: NOTE, title: "Notitie" }) { id } }`,
        { c: community.data!.createCommunity.id },
        user.token,
      );
      const ticket = await agent
        .post('/graphql')
        .set('Authorization', `Bearer ${login.body.data.login.token}`)
        .send({
          query: `mutation ($id: ID!) { collabTicket(itemId: $id) { url } }`,
          variables: { id: item.data!.createItem.id },
        });
      expect(ticket.body.data.collabTicket.url).toBe(`${httpsUrl.replace('https', 'wss')}/collab`);
    });
  });

  describe('in production', () => {
    let production: TestApp;
    beforeAll(async () => {
      production = await startTestApp({ NODE_ENV: 'production' });
    });
    afterAll(() => production.close());

    it('serves no Apollo landing page: /graphql in a browser is a refusal, not a page', async () => {
      // As a browser asks (refused as a possible CSRF), and with the header that gets past that check.
      const plain = await request(production.baseUrl).get('/graphql').set('Accept', 'text/html');
      const preflighted = await request(production.baseUrl)
        .get('/graphql')
        .set('Accept', 'text/html')
        .set('Apollo-Require-Preflight', 'true');
      expect([plain.status, preflighted.status]).toEqual([400, 406]);
      expect(plain.body.errors[0].extensions.code).toBe('BAD_REQUEST');
      for (const res of [plain, preflighted]) {
        expect(res.headers['content-type']).not.toMatch(/html/);
        expect(res.text).not.toMatch(/<html|<script|landing|sandbox|studio/i);
        expectSecurityHeaders(res.headers, 'GET /graphql in production');
      }
    });

    it('answers no introspection', async () => {
      const result = await gql(production.baseUrl, '{ __schema { queryType { name } } }');
      expect(errorCode(result)).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(result.data ?? null).toBeNull();
    });
  });
});
