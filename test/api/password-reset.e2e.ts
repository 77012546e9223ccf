import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { MailOutboxWorker } from '../../apps/api/src/mail/mail-outbox.worker';
import { MailCatcher, startMailCatcher } from '../support/mail-catcher';
import { sql } from '../support/test-database';
import { TEST_PASSWORD } from '../support/graphql-client';
import { errorCode, gql, gqlData, registerUser, startTestApp, TestApp } from '../support/test-app';

const REQUEST = `mutation ($email: String!) { requestPasswordReset(email: $email) }`;
const RESET = `mutation ($input: ResetPasswordInput!) { resetPassword(input: $input) { token user { id email } } }`;
const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { token } }`;
const ME = `{ me { id } }`;
const NEW_PASSWORD = 'een nieuw lang wachtwoord';
const RESET_CLI = join(__dirname, '../../apps/api/dist/cli/reset-password.js');

describe('forgotten passwords', () => {
  let catcher: MailCatcher;
  let t: TestApp;
  let worker: MailOutboxWorker;

  beforeAll(async () => {
    catcher = await startMailCatcher();
    t = await startTestApp({
      SMTP_URL: catcher.url,
      MAIL_FROM: 'Spiraal <noreply@spiraal.test>',
      PUBLIC_URL: 'http://spiraal.test:8080',
      MAIL_POLL_MS: '100',
    });
    worker = t.app.get(MailOutboxWorker);
  });
  afterAll(async () => {
    await t?.close();
    await catcher?.close();
  });

  const tokenFrom = (text: string) =>
    /http:\/\/spiraal\.test:8080\/wachtwoord-herstellen\?token=([A-Za-z0-9_-]{43})/.exec(text)![1];

  it('mails a single-use link to an account, answers every address the same, and ends all other sessions', async () => {
    const user = await registerUser(t.baseUrl, 'Vera Vergeetachtig');
    await worker.drain(); // the address confirmation of registering is not the mail under test
    catcher.mails.length = 0;
    const otherSession = (await gqlData(t.baseUrl, LOGIN, { input: { email: user.email, password: TEST_PASSWORD } }))
      .login.token as string;

    const known = await gql(t.baseUrl, REQUEST, { email: user.email.toUpperCase() });
    const unknown = await gql(t.baseUrl, REQUEST, { email: 'niemand@example.nl' });
    expect(known).toMatchObject({ status: 200, data: { requestPasswordReset: true } });
    expect(unknown).toMatchObject({ status: 200, data: { requestPasswordReset: true } });
    expect(known.errors).toBeUndefined();
    expect(unknown.errors).toBeUndefined();

    await worker.drain();
    const [mail] = await catcher.waitFor(1);
    expect(catcher.mails).toHaveLength(1);
    expect(mail.envelopeTo).toEqual([user.email]);
    expect(mail.parsed.subject).toMatch(/^Wachtwoord herstellen/);
    const token = tokenFrom(mail.parsed.text!);
    // Stored only as its hash.
    const stored = await sql<{ token_hash: Buffer; minutes: number }>(
      t.db.url,
      `SELECT token_hash, extract(epoch FROM expires_at - created_at) / 60 AS minutes FROM password_resets`,
    );
    expect(stored).toHaveLength(1);
    expect(stored[0].token_hash.toString('utf8')).not.toContain(token);
    expect(Number(stored[0].minutes)).toBeCloseTo(30, 0);

    const tooShort = await gql(t.baseUrl, RESET, { input: { token, password: 'kort' } });
    expect(errorCode(tooShort)).toBe('BAD_USER_INPUT');
    const reset = await gqlData(t.baseUrl, RESET, { input: { token, password: NEW_PASSWORD } });
    expect(reset.resetPassword.user).toEqual({ id: user.id, email: user.email });
    // Every earlier session ends; the new one works; the old password no longer does.
    for (const old of [user.token, otherSession]) expect((await gqlData(t.baseUrl, ME, {}, old)).me).toBeNull();
    expect((await gqlData(t.baseUrl, ME, {}, reset.resetPassword.token)).me).toEqual({ id: user.id });
    expect(errorCode(await gql(t.baseUrl, LOGIN, { input: { email: user.email, password: TEST_PASSWORD } }))).toBe(
      'UNAUTHENTICATED',
    );
    expect(
      (await gql(t.baseUrl, LOGIN, { input: { email: user.email, password: NEW_PASSWORD } })).errors,
    ).toBeUndefined();

    // Single use.
    const again = await gql(t.baseUrl, RESET, { input: { token, password: 'nog een ander wachtwoord' } });
    expect(errorCode(again)).toBe('BAD_USER_INPUT');
    expect(again.errors![0].message).toMatch(
      /^Deze link om je wachtwoord te herstellen is ongeldig, al gebruikt of verlopen .* \/ This reset link/,
    );
  });

  it('refuses an expired or made-up token', async () => {
    const user = await registerUser(t.baseUrl);
    await worker.drain();
    catcher.mails.length = 0;
    await gqlData(t.baseUrl, REQUEST, { email: user.email });
    await worker.drain();
    const [mail] = await catcher.waitFor(1);
    const token = tokenFrom(mail.parsed.text!);
    await sql(t.db.url, `UPDATE password_resets SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [
      user.id,
    ]);
    expect(errorCode(await gql(t.baseUrl, RESET, { input: { token, password: NEW_PASSWORD } }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await gql(t.baseUrl, RESET, { input: { token: 'x'.repeat(43), password: NEW_PASSWORD } }))).toBe(
      'BAD_USER_INPUT',
    );
    expect((await gqlData(t.baseUrl, ME, {}, user.token)).me).toEqual({ id: user.id });
  });

  it('prints a link for an administrator with npm run user:reset-password', async () => {
    const user = await registerUser(t.baseUrl);
    const run = promisify(execFile);
    const env = {
      PATH: process.env.PATH,
      DATABASE_URL: t.db.url,
      PUBLIC_URL: 'https://spiraal.example.nl',
      PORT: new URL(t.baseUrl).port,
    };
    const { stdout } = await run(process.execPath, [RESET_CLI, '--email', user.email], { env });
    const token = /^https:\/\/spiraal\.example\.nl\/wachtwoord-herstellen\?token=([A-Za-z0-9_-]{43})$/m.exec(
      stdout,
    )![1];
    expect((await gql(t.baseUrl, RESET, { input: { token, password: NEW_PASSWORD } })).errors).toBeUndefined();
    const unknown = await run(process.execPath, [RESET_CLI, '--email', 'niemand@example.nl'], { env }).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(unknown).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^Er is geen account met e-mailadres niemand@example.nl/),
    });
    const usage = await run(process.execPath, [RESET_CLI], { env }).catch((e: { code: number; stderr: string }) => e);
    expect(usage).toMatchObject({ code: 1, stderr: expect.stringMatching(/npm run user:reset-password -- --email/) });
  });
});
