import request from 'supertest';
import { ConfigError, loadConfig } from '../../apps/api/src/config/config';
import { gql, registerUser, startTestApp, TestApp } from '../support/test-app';

/**
 * Behind the reverse proxy of docker-compose.yml (TLS ends there): with
 * TRUST_PROXY the API takes the protocol and client address from the proxy's
 * X-Forwarded-* headers, so HSTS, the Secure cookie and wss:// tickets follow
 * the browser's HTTPS, and rate limits count the real client, not the proxy.
 * Without it (tested in test/api/security-headers.e2e.ts too) those headers
 * are ignored, whoever sends them.
 */
const REGISTER = `mutation ($input: RegisterInput!) { register(input: $input) { token } }`;
const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { token } }`;
let counter = 0;

function registerFrom(baseUrl: string, forwardedFor: string) {
  const input = {
    email: `proxy${++counter}-${Date.now()}@example.nl`,
    password: 'correct horse battery',
    displayName: 'Achter de proxy',
  };
  return request(baseUrl)
    .post('/graphql')
    .set('X-Forwarded-For', forwardedFor)
    .send({ query: REGISTER, variables: { input } });
}

describe('TRUST_PROXY', () => {
  describe('set to the proxy in front (here: this test, on loopback)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ TRUST_PROXY: 'loopback', RATE_REGISTRATIONS_PER_HOUR: '2' });
    });
    afterAll(() => t?.close());

    it('a request the proxy forwarded from HTTPS gets HSTS, the Secure cookie and a wss:// ticket for the public host', async () => {
      const user = await registerUser(t.baseUrl);
      const login = await request(t.baseUrl)
        .post('/graphql')
        .set('X-Forwarded-Proto', 'https')
        .set('X-Forwarded-For', '203.0.113.7')
        .send({ query: LOGIN, variables: { input: { email: user.email, password: 'correct horse battery' } } });
      expect(login.status).toBe(200);
      expect(login.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(String(login.headers['set-cookie'])).toMatch(/spiraal_session=.*;\s*Secure/i);

      const community = await gql(
        t.baseUrl,
        `mutation { createCommunity(input: { name: "Achter de proxy" }) { id } }`,
        {},
        user.token,
      );
      const item = await gql(
        t.baseUrl,
        `mutation ($c: ID!) { createItem(input: { communityId: $c, kind: NOTE, title: "Notitie" }) { id } }`,
        { c: community.data!.createCommunity.id },
        user.token,
      );
      const ticket = await request(t.baseUrl)
        .post('/graphql')
        .set('Host', 'spiraal.example.nl')
        .set('X-Forwarded-Proto', 'https')
        .set('Authorization', `Bearer ${login.body.data.login.token}`)
        .send({
          query: `mutation ($id: ID!) { collabTicket(itemId: $id) { url } }`,
          variables: { id: item.data!.createItem.id },
        });
      expect(ticket.body.data.collabTicket.url).toBe('wss://spiraal.example.nl/collab');
    });

    it('plain HTTP through the proxy stays plain: no HSTS, no Secure cookie', async () => {
      const res = await registerFrom(t.baseUrl, '203.0.113.99').set('X-Forwarded-Proto', 'http');
      expect(res.body.data?.register.token).toBeDefined();
      expect(res.headers['strict-transport-security']).toBeUndefined();
      expect(String(res.headers['set-cookie'])).not.toMatch(/;\s*Secure/i);
    });

    it('registrations are limited per client address the proxy reports, not per proxy', async () => {
      const first = [await registerFrom(t.baseUrl, '198.51.100.1'), await registerFrom(t.baseUrl, '198.51.100.1')];
      expect(first.map((res) => res.body.errors?.[0]?.extensions?.code ?? 'ok')).toEqual(['ok', 'ok']);
      const third = await registerFrom(t.baseUrl, '198.51.100.1');
      expect(third.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
      // Another client behind the same proxy is not held back by the first one.
      const other = await registerFrom(t.baseUrl, '198.51.100.2');
      expect(other.body.data?.register.token).toBeDefined();
    });
  });

  describe('unset', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ RATE_REGISTRATIONS_PER_HOUR: '2' });
    });
    afterAll(() => t?.close());

    it('a client cannot dodge the registration limit by claiming other addresses in X-Forwarded-For', async () => {
      const results = [];
      for (const address of ['198.51.100.1', '198.51.100.2', '198.51.100.3'])
        results.push((await registerFrom(t.baseUrl, address)).body);
      expect(results.map((body) => body.errors?.[0]?.extensions?.code ?? 'ok')).toEqual(['ok', 'ok', 'RATE_LIMITED']);
    });
  });

  it('refuses values that would believe anyone, or that are not addresses', () => {
    for (const value of ['true', 'yes', '11', 'loopback,not-an-ip', '10.0.0.0/33', '::1/129']) {
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(ConfigError);
    }
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'uniquelocal, 127.0.0.1, fd00::/8' }).trustProxy).toEqual([
      'uniquelocal',
      '127.0.0.1',
      'fd00::/8',
    ]);
    expect(loadConfig({}).trustProxy).toBe(false);
  });
});
