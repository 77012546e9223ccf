import request from 'supertest';
import { sql } from '../support/test-database';
import { errorCode, gql, startTestApp, TestApp } from '../support/test-app';

const REGISTER = `mutation ($input: RegisterInput!) { register(input: $input) { token user { id email displayName } } }`;
const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { token user { id email displayName } } }`;
const ME = `{ me { id email displayName } }`;

describe('accounts and sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('registers, normalises the e-mail address and stores an Argon2id hash', async () => {
    const result = await gql(t.baseUrl, REGISTER, {
      input: { email: '  Ans.Jansen@Example.NL ', password: 'lang genoeg wachtwoord', displayName: ' Ans Jansen ' },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.register.user).toMatchObject({ email: 'ans.jansen@example.nl', displayName: 'Ans Jansen' });
    expect(result.data!.register.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [row] = await sql<{ password_hash: string }>(
      t.db.url,
      `SELECT password_hash FROM users WHERE email = 'ans.jansen@example.nl'`,
    );
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    const [session] = await sql<{ token_hash: Buffer }>(t.db.url, 'SELECT token_hash FROM sessions');
    expect(session.token_hash.toString('base64url')).not.toBe(result.data!.register.token);
  });

  it('refuses a second account for the same address, in any case', async () => {
    const result = await gql(t.baseUrl, REGISTER, {
      input: { email: 'ANS.JANSEN@example.nl', password: 'nog een wachtwoord', displayName: 'Ans 2' },
    });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0].message).toMatch(/al een account/);
    const rows = await sql(t.db.url, `SELECT id FROM users WHERE email = 'ans.jansen@example.nl'`);
    expect(rows).toHaveLength(1);
  });

  it.each([
    ['a short password', { email: 'kort@example.nl', password: '123456789', displayName: 'Kort' }, /10 tekens/],
    [
      'a bad e-mail address',
      { email: 'geen-adres', password: 'lang genoeg wachtwoord', displayName: 'X' },
      /e-mailadres/,
    ],
    ['an empty name', { email: 'leeg@example.nl', password: 'lang genoeg wachtwoord', displayName: '   ' }, /naam/],
  ])('refuses %s with a clear message and stores nothing', async (_, input, message) => {
    const before = await sql(t.db.url, 'SELECT count(*)::int AS n FROM users');
    const result = await gql(t.baseUrl, REGISTER, { input });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0].message).toMatch(message);
    expect(await sql(t.db.url, 'SELECT count(*)::int AS n FROM users')).toEqual(before);
  });

  it('logs in with the bearer token and with the httpOnly cookie', async () => {
    const login = await gql(t.baseUrl, LOGIN, {
      input: { email: 'ans.jansen@EXAMPLE.nl', password: 'lang genoeg wachtwoord' },
    });
    expect(login.errors).toBeUndefined();
    const token = login.data!.login.token;

    const viaBearer = await gql(t.baseUrl, ME, {}, token);
    expect(viaBearer.data!.me.email).toBe('ans.jansen@example.nl');

    const setCookie = ([] as string[]).concat(login.headers['set-cookie'] ?? []);
    const cookie = setCookie.find((c) => c.startsWith('spiraal_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const viaCookie = await request(t.baseUrl)
      .post('/graphql')
      .set('Content-Type', 'application/json')
      .set('Cookie', cookie.split(';')[0])
      .send({ query: ME });
    expect(viaCookie.body.data.me.displayName).toBe('Ans Jansen');
  });

  it('answers a wrong password with UNAUTHENTICATED and never says which part was wrong', async () => {
    const wrongPassword = await gql(t.baseUrl, LOGIN, {
      input: { email: 'ans.jansen@example.nl', password: 'verkeerd wachtwoord' },
    });
    const unknownUser = await gql(t.baseUrl, LOGIN, {
      input: { email: 'niemand@example.nl', password: 'verkeerd wachtwoord' },
    });
    expect(errorCode(wrongPassword)).toBe('UNAUTHENTICATED');
    expect(errorCode(unknownUser)).toBe('UNAUTHENTICATED');
    expect(wrongPassword.errors![0].message).toBe(unknownUser.errors![0].message);
  });

  it('logout revokes the session', async () => {
    const login = await gql(t.baseUrl, LOGIN, {
      input: { email: 'ans.jansen@example.nl', password: 'lang genoeg wachtwoord' },
    });
    const token = login.data!.login.token;
    expect((await gql(t.baseUrl, ME, {}, token)).data!.me).not.toBeNull();
    const logout = await gql(t.baseUrl, 'mutation { logout }', {}, token);
    expect(logout.data!.logout).toBe(true);
    expect((await gql(t.baseUrl, ME, {}, token)).data!.me).toBeNull();
    expect(errorCode(await gql(t.baseUrl, '{ communities { id } }', {}, token))).toBe('UNAUTHENTICATED');
  });

  it('treats expired and made-up tokens as signed out', async () => {
    const login = await gql(t.baseUrl, LOGIN, {
      input: { email: 'ans.jansen@example.nl', password: 'lang genoeg wachtwoord' },
    });
    await sql(t.db.url, `UPDATE sessions SET expires_at = now() - interval '1 second'`);
    expect((await gql(t.baseUrl, ME, {}, login.data!.login.token)).data!.me).toBeNull();
    expect((await gql(t.baseUrl, ME, {}, 'x'.repeat(43))).data!.me).toBeNull();
    expect((await gql(t.baseUrl, ME, {}, "' OR 1=1 --")).data!.me).toBeNull();
  });

  it('rate-limits failed logins per account with RATE_LIMITED and a retry time', async () => {
    await gql(t.baseUrl, REGISTER, {
      input: { email: 'bram@example.nl', password: 'bram zijn wachtwoord', displayName: 'Bram' },
    });
    for (let i = 0; i < 5; i++) {
      expect(
        errorCode(
          await gql(t.baseUrl, LOGIN, { input: { email: 'bram@example.nl', password: `fout ${i} wachtwoord` } }),
        ),
      ).toBe('UNAUTHENTICATED');
    }
    const limited = await gql(t.baseUrl, LOGIN, {
      input: { email: 'bram@example.nl', password: 'bram zijn wachtwoord' },
    });
    expect(errorCode(limited)).toBe('RATE_LIMITED');
    expect(limited.errors![0].extensions!.retryAfter).toBeGreaterThan(0);
    // Another account from the same address is not locked out by Bram's failures.
    const other = await gql(t.baseUrl, LOGIN, {
      input: { email: 'ans.jansen@example.nl', password: 'lang genoeg wachtwoord' },
    });
    expect(other.errors).toBeUndefined();
  });

  it('needs a signed-in user for everything but register and login', async () => {
    expect(errorCode(await gql(t.baseUrl, '{ communities { id } }'))).toBe('UNAUTHENTICATED');
    expect((await gql(t.baseUrl, ME)).data!.me).toBeNull();
  });
});
