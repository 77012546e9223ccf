import { get as httpGet } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import request from 'supertest';
import { sql } from '../support/test-database';
import { errorCode, gql, registerUser, startTestApp, TestApp } from '../support/test-app';
import { communityWithPeople } from '../support/fixtures';

describe('HTTP surface', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers /health with 200 and JSON once the database is ready', async () => {
    const res = await request(t.baseUrl).get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: 'up', instance: expect.stringMatching(/^[0-9a-f]{16}$/) });
  });

  it('serves the web app at / and for its own routes', async () => {
    for (const path of ['/', '/items/3f0c2f4e-0000-4000-8000-000000000000']) {
      const res = await request(t.baseUrl).get(path).set('Accept', 'text/html');
      expect(res.status).toBe(200);
      expect(res.text).toContain('<div id="root"></div>');
    }
  });

  it('serves precompressed assets as the browser accepts them, hashed ones cached for a year, index.html never stale', async () => {
    const page = await request(t.baseUrl).get('/').set('Accept', 'text/html');
    expect(page.headers['cache-control']).toBe('no-cache');
    const script = /<script[^>]+src="(\/assets\/[^"]+\.js)"/.exec(page.text)![1];
    // Plain node http: it does not decode the body as supertest would.
    const raw = (path: string, encoding: string) =>
      new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>(
        (resolve, reject) => {
          httpGet(`${t.baseUrl}${path}`, { headers: { 'Accept-Encoding': encoding } }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () =>
              resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
            );
          }).on('error', reject);
        },
      );
    const plain = await raw(script, 'identity');
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const br = await raw(script, 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toMatch(/Accept-Encoding/);
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    expect(br.body.length).toBeLessThan(plain.body.length / 2);
    const gz = await raw(script, 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
    const index = await raw('/index.html', 'br');
    expect(index.headers['cache-control']).toBe('no-cache');
  });

  it('refuses request bodies over the limit before any work', async () => {
    const user = await registerUser(t.baseUrl);
    const res = await request(t.baseUrl)
      .post('/graphql')
      .set('Content-Type', 'application/json')
      .set('Authorization', `Bearer ${user.token}`)
      .send(JSON.stringify({ query: '{ me { id } }', variables: { pad: 'x'.repeat(5 * 1024 * 1024) } }));
    expect(res.status).toBe(413);
    expect(res.text).not.toMatch(/\n\s+at /);
  });

  it('answers malformed JSON with 400 and no internals', async () => {
    const res = await request(t.baseUrl)
      .post('/graphql')
      .set('Content-Type', 'application/json')
      .send('{"query": "{ me { id } }"');
    expect(res.status).toBe(400);
    expect(res.text).not.toMatch(/\n\s+at |node_modules/);
  });

  it('refuses a GET mutation and a simple-request POST (CSRF prevention)', async () => {
    const get = await request(t.baseUrl).get('/graphql').query({ query: 'mutation { logout }' });
    expect(get.status).toBe(400);
    const form = await request(t.baseUrl)
      .post('/graphql')
      .set('Content-Type', 'text/plain')
      .send('{"query":"mutation { logout }"}');
    expect(form.status).toBe(400);
  });

  it('hides what went wrong inside: a generic INTERNAL_SERVER_ERROR without a stack trace', async () => {
    const c = await communityWithPeople(t.baseUrl);
    await sql(t.db.url, 'ALTER TABLE items RENAME TO items_gone');
    try {
      const result = await gql(
        t.baseUrl,
        `query ($id: ID!) { items(communityId: $id) { totalCount } }`,
        { id: c.communityId },
        c.member.token,
      );
      expect(errorCode(result)).toBe('INTERNAL_SERVER_ERROR');
      expect(result.errors![0].message).toBe('Er ging iets mis aan onze kant / Something went wrong on our side');
      expect(JSON.stringify(result.errors)).not.toMatch(/items_gone|relation|stacktrace|\.ts:/);
    } finally {
      await sql(t.db.url, 'ALTER TABLE items_gone RENAME TO items');
    }
  });

  it('answers malformed GraphQL with a clear error', async () => {
    const user = await registerUser(t.baseUrl);
    const broken = await gql(t.baseUrl, '{ me { id ', {}, user.token);
    expect(errorCode(broken)).toBe('GRAPHQL_PARSE_FAILED');
    const unknownField = await gql(t.baseUrl, '{ me { password } }', {}, user.token);
    expect(errorCode(unknownField)).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
