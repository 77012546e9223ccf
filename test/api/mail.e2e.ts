import type { INestApplication } from '@nestjs/common';
import { createServer } from 'node:net';
import { createApp } from '../../apps/api/src/app';
import { ConfigError, loadConfig } from '../../apps/api/src/config/config';
import { MailOutboxWorker } from '../../apps/api/src/mail/mail-outbox.worker';
import { MailService } from '../../apps/api/src/mail/mail.service';
import { communityWithPeople, createItem } from '../support/fixtures';
import { isAddressConfirmation, MailCatcher, mailedInvitationToken, startMailCatcher } from '../support/mail-catcher';
import { startServer } from '../support/server-process';
import { sql } from '../support/test-database';
import { startTestApp, TestApp } from '../support/test-app';

const message = (n: number) => ({
  to: `anna${n}@example.nl`,
  subject: `Bericht ${n} — één`,
  text: `Tekst ${n}`,
  html: `<p>Tekst <b>${n}</b></p>`,
  headers: {
    'List-Unsubscribe': `<http://localhost/unsubscribe?token=t${n}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  },
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

describe('Mail outbox (real SMTP server)', () => {
  let catcher: MailCatcher;
  let api: TestApp;
  let mail: MailService;
  let worker: MailOutboxWorker;

  beforeAll(async () => {
    catcher = await startMailCatcher();
    api = await startTestApp({
      SMTP_URL: catcher.url,
      MAIL_FROM: 'Spiraal <noreply@spiraal.test>',
      PUBLIC_URL: 'http://spiraal.test:8080',
      MAIL_POLL_MS: '100',
      MAIL_RETRY_BASE_MS: '200',
    });
    mail = api.app.get(MailService);
    worker = api.app.get(MailOutboxWorker);
  });
  afterAll(async () => {
    await api?.close();
    await catcher?.close();
  });
  beforeEach(() => {
    catcher.mails.length = 0;
    catcher.setResponder(null);
  });

  it('sends a plain-SMTP mail with its text and HTML parts, From, stable Message-ID and the given headers', async () => {
    const id = await mail.enqueue(message(1));
    const [caught] = await catcher.waitFor(1);
    expect(caught.envelopeTo).toEqual(['anna1@example.nl']);
    expect(caught.parsed.subject).toBe('Bericht 1 — één');
    expect(caught.parsed.text?.trim()).toBe('Tekst 1');
    expect(caught.parsed.html).toContain('<b>1</b>');
    expect(caught.parsed.from?.value).toEqual([{ name: 'Spiraal', address: 'noreply@spiraal.test' }]);
    expect(caught.parsed.messageId).toMatch(new RegExp(`^<outbox-${id}-\\d+@spiraal\\.test>$`));
    expect(caught.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
    expect(caught.raw).toMatch(/^List-Unsubscribe: <http:\/\/localhost\/unsubscribe\?token=t1>/m);
    await worker.drain(); // the SMTP server answers before the worker commits
    const [row] = await sql<{ sent_at: Date | null; attempts: number }>(
      api.db.url,
      `SELECT sent_at, attempts FROM mail_outbox WHERE id = $1`,
      [id],
    );
    expect(row.sent_at).not.toBeNull();
    expect(row.attempts).toBe(1);
  });

  it("is enqueued inside the caller's transaction: rolled back, nothing is sent", async () => {
    const dataSource = api.app.get(MailService)['db'] as import('typeorm').DataSource;
    await expect(
      dataSource.transaction(async (manager) => {
        await mail.enqueue(message(2), { manager });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await dataSource.transaction((manager) => mail.enqueue(message(3), { manager }));
    await catcher.waitFor(1);
    await worker.drain();
    expect(catcher.mails.map((m) => m.parsed.subject)).toEqual(['Bericht 3 — één']);
  });

  it('refuses a message that would inject headers or carry several recipients, storing nothing', async () => {
    const before = await sql(api.db.url, `SELECT count(*)::int AS n FROM mail_outbox`);
    await expect(mail.enqueue({ ...message(4), to: 'a@example.nl, b@example.nl' })).rejects.toThrow();
    await expect(mail.enqueue({ ...message(4), subject: 'x\r\nBcc: evil@example.nl' })).rejects.toThrow();
    await expect(mail.enqueue({ ...message(4), headers: { 'X-Evil': 'a\r\nBcc: x@y' } })).rejects.toThrow();
    expect(await sql(api.db.url, `SELECT count(*)::int AS n FROM mail_outbox`)).toEqual(before);
  });

  it('retries a temporary refusal with backoff and delivers once; a permanent refusal ends the row', async () => {
    let refusals = 2;
    catcher.setResponder((raw) =>
      raw.includes('anna5@') && refusals-- > 0 ? 421 : raw.includes('anna6@') ? 550 : null,
    );
    const [five, six] = [await mail.enqueue(message(5)), await mail.enqueue(message(6))];
    await catcher.waitFor(1);
    await new Promise((r) => setTimeout(r, 600));
    expect(catcher.mails.map((m) => m.parsed.subject)).toEqual(['Bericht 5 — één']);
    const rows = await sql<{
      id: string;
      attempts: number;
      sent_at: Date | null;
      failed_at: Date | null;
      last_error: string | null;
    }>(
      api.db.url,
      `SELECT id::text, attempts, sent_at, failed_at, last_error FROM mail_outbox WHERE id = ANY($1::bigint[]) ORDER BY id`,
      [[five, six]],
    );
    expect(rows[0]).toMatchObject({ attempts: 3, failed_at: null });
    expect(rows[0].sent_at).not.toBeNull();
    expect(rows[1]).toMatchObject({ attempts: 1, sent_at: null });
    expect(rows[1].failed_at).not.toBeNull();
    expect(rows[1].last_error).toContain('550');
  });

  it('cancels a notification mail whose recipient may no longer read its item', async () => {
    const people = await communityWithPeople(api.baseUrl, 'PRIVATE', mailedInvitationToken(catcher));
    const item = await createItem(api.baseUrl, people.member.token, {
      communityId: people.communityId,
      kind: 'CASE',
      title: 'Casus',
    });
    await mail.enqueue(message(7), { readCheck: { userId: people.outsider.id, itemIds: [item.id] } });
    await mail.enqueue(message(8), { readCheck: { userId: people.reader.id, itemIds: [item.id] } });
    await catcher.waitFor(1);
    await worker.drain();
    // The fixture's members joined by invitation; those mails are not the subject here.
    const subjects = catcher.mails
      .filter((m) => !isAddressConfirmation(m))
      .map((m) => m.parsed.subject)
      .filter((s) => !s?.startsWith('Uitnodiging'));
    expect(subjects).toEqual(['Bericht 8 — één']);
    const [cancelled] = await sql<{ n: number }>(
      api.db.url,
      `SELECT count(*)::int AS n FROM mail_outbox WHERE cancelled_at IS NOT NULL AND to_address = 'anna7@example.nl'`,
    );
    expect(cancelled.n).toBe(1);
  });

  it('sends every mail exactly once when a second API process works the same outbox', async () => {
    const second: INestApplication = await createApp(
      loadConfig({
        NODE_ENV: 'test',
        LOG_LEVEL: 'error',
        SMTP_URL: catcher.url,
        MAIL_POLL_MS: '50',
        DATABASE_URL: api.db.url,
      }),
      api.db.url,
    );
    await second.init();
    try {
      await mail.enqueueMany(Array.from({ length: 40 }, (_, n) => message(100 + n)));
      await catcher.waitFor(40);
      await Promise.all([worker.drain(), second.get(MailOutboxWorker).drain()]);
      await new Promise((r) => setTimeout(r, 300));
      const subjects = catcher.mails.map((m) => m.parsed.subject);
      expect(subjects).toHaveLength(40);
      expect(new Set(subjects).size).toBe(40);
    } finally {
      await second.close();
    }
  });

  it('sends a mail exactly once when the process sending it is killed with SIGKILL mid-send', async () => {
    catcher.setResponder(() => 'hang');
    const env = {
      NODE_ENV: 'test',
      LOG_LEVEL: 'error',
      DATABASE_URL: api.db.url,
      SMTP_URL: catcher.url,
      MAIL_POLL_MS: '50',
      SPIRAAL_WEB_DIR: '/nonexistent',
    };
    // This test's own app must not take the row: it only sends when drained or polled, so the row is made just before.
    await api.app.close();
    try {
      const first = await startServer({ ...env, PORT: String(await freePort()) });
      const [{ id }] = await sql<{ id: string }>(
        api.db.url,
        `INSERT INTO mail_outbox (to_address, subject, text_body, html_body) VALUES ('kill@example.nl', 'Na kill -9', 'x', '<p>x</p>') RETURNING id::text`,
      );
      // Wait until the first process is in the middle of sending it (its SMTP DATA arrived and hangs).
      const hanging = new Promise<void>((resolve) => catcher.setResponder(() => (resolve(), 'hang')));
      await hanging;
      first.child.kill('SIGKILL');
      await first.exited;
      catcher.setResponder(null);
      const second = await startServer({ ...env, PORT: String(await freePort()) });
      try {
        await catcher.waitFor(1);
        await new Promise((r) => setTimeout(r, 500));
        expect(catcher.mails.map((m) => m.parsed.subject)).toEqual(['Na kill -9']);
        const [row] = await sql<{ sent_at: Date | null; attempts: number }>(
          api.db.url,
          `SELECT sent_at, attempts FROM mail_outbox WHERE id = $1`,
          [id],
        );
        expect(row.sent_at).not.toBeNull();
        expect(row.attempts).toBe(1); // the killed attempt left no trace: its transaction never committed
      } finally {
        second.child.kill('SIGTERM');
        await second.exited;
      }
    } finally {
      await api.restart();
    }
  }, 120_000);
});

describe('Mail configuration', () => {
  it('accepts plain smtp://host:port, smtps:// with credentials and an http:// PUBLIC_URL', () => {
    expect(
      loadConfig({ SMTP_URL: 'smtp://relay.local:25', PUBLIC_URL: 'http://spiraal.local:3000/' }).mail,
    ).toMatchObject({
      smtpUrl: 'smtp://relay.local:25',
      publicUrl: 'http://spiraal.local:3000',
    });
    expect(loadConfig({ SMTP_URL: 'smtps://user:geheim@mail.example.nl' }).mail.smtpUrl).toBe(
      'smtps://user:geheim@mail.example.nl',
    );
    expect(loadConfig({}).mail.smtpUrl).toBeNull();
  });

  it('refuses other schemes and a malformed MAIL_FROM, without repeating a password', () => {
    let error: unknown;
    try {
      loadConfig({ SMTP_URL: 'http://user:geheim@mail.example.nl', MAIL_FROM: 'a\nBcc: b@c', PUBLIC_URL: 'ftp://x' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/SMTP_URL/);
    expect(problems).toMatch(/MAIL_FROM/);
    expect(problems).toMatch(/PUBLIC_URL/);
    expect(problems).not.toContain('geheim');
  });

  it('sends through a server that requires credentials from the URL', async () => {
    const catcher = await startMailCatcher({ auth: { user: 'spiraal', pass: 'p@ss wørd' } });
    const api = await startTestApp({ SMTP_URL: catcher.url, MAIL_POLL_MS: '50' });
    try {
      await api.app.get(MailService).enqueue(message(9));
      const [caught] = await catcher.waitFor(1);
      expect(caught.parsed.subject).toBe('Bericht 9 — één');
    } finally {
      await api.close();
      await catcher.close();
    }
  });

  it('without SMTP_URL stores and sends nothing', async () => {
    const api = await startTestApp();
    try {
      expect(await api.app.get(MailService).enqueue(message(10))).toBeNull();
      expect(await sql(api.db.url, `SELECT * FROM mail_outbox`)).toEqual([]);
    } finally {
      await api.close();
    }
  });
});
