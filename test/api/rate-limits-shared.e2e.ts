import { randomBytes } from 'node:crypto';
import { errorCode, gql, startTestApp, TestApp } from '../support/test-app';

/**
 * With REDIS_URL, rate limits count over all API processes: behind a load
 * balancer, two processes must not each allow the limit. (Each app here has
 * its own database; the count is in the machine's Redis, under a prefix of
 * this test's own.)
 */
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const REGISTER = `mutation ($input: RegisterInput!) { register(input: $input) { token } }`;
const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { token } }`;

describe('rate limits shared by several API processes', () => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    const env = { REDIS_URL, REDIS_PREFIX: `test-${randomBytes(6).toString('hex')}`, RATE_REGISTRATIONS_PER_HOUR: '3' };
    [a, b] = await Promise.all([startTestApp(env), startTestApp(env)]);
  });

  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
  });

  const register = (app: TestApp, n: number) =>
    gql(app.baseUrl, REGISTER, {
      input: { email: `gedeeld${n}@example.nl`, password: 'een lang wachtwoord', displayName: `Gedeeld ${n}` },
    });

  it('counts registrations from one address on every process together', async () => {
    expect((await register(a, 1)).errors).toBeUndefined();
    expect((await register(b, 2)).errors).toBeUndefined();
    expect((await register(a, 3)).errors).toBeUndefined();
    const refused = await register(b, 4);
    expect(errorCode(refused)).toBe('RATE_LIMITED');
    expect(refused.errors![0].extensions!.retryAfter).toBeGreaterThan(0);
    expect(errorCode(await register(a, 5))).toBe('RATE_LIMITED');
  });

  it('counts failed sign-ins of one account on every process together', async () => {
    const email = `doelwit-${randomBytes(4).toString('hex')}@example.nl`;
    const attempt = (app: TestApp) => gql(app.baseUrl, LOGIN, { input: { email, password: 'fout geraden' } });
    for (const app of [a, b, a, b, a]) expect(errorCode(await attempt(app))).toBe('UNAUTHENTICATED');
    // Five failures in all: the sixth is refused on either process, before any password check.
    expect(errorCode(await attempt(b))).toBe('RATE_LIMITED');
    expect(errorCode(await attempt(a))).toBe('RATE_LIMITED');
  });
});
