/**
 * Notifications benchmark, on the real API (the build, in this process) and
 * a real PostgreSQL:
 *  1. a klankbord comment on an item followed by 1,000 members: the time from
 *     sending `addComment` until every one of their inbox rows exists, over
 *     NOTIFY_BENCH_REPEATS comments (each on a fresh item the same 1,000 follow);
 *  2. the daily digest for 10,000 users (3 pending notifications each, over
 *     two communities): the time to compose and put every mail in the outbox,
 *     with heap and RSS, and then the time for the outbox to hand them all to a
 *     local SMTP server (npm smtp-server, accepting everything).
 *
 *   npm run bench:notify
 *
 * Environment: DATABASE_URL (else an embedded PostgreSQL), NOTIFY_BENCH_FOLLOWERS
 * (1000), NOTIFY_BENCH_USERS (10000), NOTIFY_BENCH_REPEATS (20), NOTIFY_BENCH_SEND=0
 * to skip the SMTP part.
 */
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { SMTPServer } from 'smtp-server';
import { summarize } from './support/percentiles';
import { renderTable } from './support/table';
import { startBenchServer } from './search/database';

const DIST = join(__dirname, '../../apps/api/dist');
function load<T>(relative: string): T {
  const file = join(DIST, `${relative}.js`);
  if (!existsSync(file))
    throw new Error(`${file} is missing: run \`npx nx run api:build\` first (npm run bench:notify does)`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(file) as T;
}
const { createApp } = load<typeof import('../../apps/api/src/app')>('app');
const { loadConfig } = load<typeof import('../../apps/api/src/config/config')>('config/config');
const { DigestService } =
  load<typeof import('../../apps/api/src/notifications/digest.service')>('notifications/digest.service');
const { MailOutboxWorker } =
  load<typeof import('../../apps/api/src/mail/mail-outbox.worker')>('mail/mail-outbox.worker');

const int = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number`);
  return value;
};
const FOLLOWERS = int('NOTIFY_BENCH_FOLLOWERS', 1000);
const USERS = Math.max(int('NOTIFY_BENCH_USERS', 10_000), FOLLOWERS);
const REPEATS = int('NOTIFY_BENCH_REPEATS', 20);
const SEND = process.env.NOTIFY_BENCH_SEND !== '0';

const progress = (message: string) => process.stderr.write(`[bench] ${message}\n`);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const ms = (value: number) => `${value.toFixed(1)} ms`;

async function gql(baseUrl: string, query: string, variables: Record<string, unknown>, token?: string): Promise<any> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: unknown };
  if (body.errors || !body.data) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** An SMTP server that accepts and counts every mail. */
async function smtpSink(): Promise<{ url: string; received: () => number; close: () => Promise<void> }> {
  let received = 0;
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        received++;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
    received: () => received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Samples heap and RSS while `work` runs; the peaks. */
async function withMemory<T>(
  work: () => Promise<T>,
): Promise<{ result: T; heapPeak: number; rssPeak: number; heapBefore: number; rssBefore: number }> {
  global.gc?.();
  const before = process.memoryUsage();
  let heapPeak = before.heapUsed;
  let rssPeak = before.rss;
  const timer = setInterval(() => {
    const now = process.memoryUsage();
    heapPeak = Math.max(heapPeak, now.heapUsed);
    rssPeak = Math.max(rssPeak, now.rss);
  }, 20);
  try {
    const result = await work();
    const after = process.memoryUsage();
    return {
      result,
      heapPeak: Math.max(heapPeak, after.heapUsed),
      rssPeak: Math.max(rssPeak, after.rss),
      heapBefore: before.heapUsed,
      rssBefore: before.rss,
    };
  } finally {
    clearInterval(timer);
  }
}

async function main(): Promise<void> {
  const server = await startBenchServer(process.env.DATABASE_URL);
  const database = await server.createDatabase();
  const sink = await smtpSink();
  const db = new Client({ connectionString: database.url });
  await db.connect();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'error',
    SMTP_URL: sink.url,
    MAIL_POLL_MS: '600000',
    RATE_MUTATIONS_PER_MINUTE: '1000000',
    RATE_REGISTRATIONS_PER_HOUR: '1000000',
    DATABASE_URL: database.url,
  });
  const app = await createApp(config, database.url);
  await app.listen(0, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${app.getHttpServer().address().port}`;
  try {
    progress(`${server.describe}; seeding ${USERS} users`);
    const actor = await gql(
      baseUrl,
      `mutation ($input: RegisterInput!) { register(input: $input) { token user { id } } }`,
      {
        input: { email: 'bram@bench.example', password: 'correct horse battery', displayName: 'Bram' },
      },
    );
    const token = actor.register.token as string;
    const communities: string[] = [];
    for (const name of ['Wijkzorg Oost', 'Jeugdhulp West']) {
      communities.push(
        (
          await gql(
            baseUrl,
            `mutation ($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`,
            { input: { name, visibility: 'PRIVATE' } },
            token,
          )
        ).createCommunity.id,
      );
    }
    await db.query(
      `INSERT INTO users (email, display_name, password_hash) SELECT 'lid' || n || '@bench.example', 'Lid ' || n, 'x' FROM generate_series(1, $1) n`,
      [USERS],
    );
    await db.query(
      `INSERT INTO memberships (community_id, user_id, role, perspective)
       SELECT c, u.id, 'MEMBER', 'PROFESSIONAL' FROM users u CROSS JOIN unnest($1::uuid[]) c WHERE u.email LIKE 'lid%'`,
      [communities],
    );
    const followers = (
      await db.query(`SELECT id FROM users WHERE email LIKE 'lid%' ORDER BY email LIMIT $1`, [FOLLOWERS])
    ).rows.map((r) => r.id as string);

    // 1. A comment on an item followed by FOLLOWERS members.
    progress(`${REPEATS} comments, each on an item ${FOLLOWERS} members follow`);
    const latencies: number[] = [];
    for (let repeat = 0; repeat < REPEATS + 2; repeat++) {
      const item = (
        await gql(
          baseUrl,
          `mutation ($input: CreateItemInput!) { createItem(input: $input) { id } }`,
          { input: { communityId: communities[0], kind: 'CASE', title: `Casus ${repeat}` } },
          token,
        )
      ).createItem.id;
      await db.query(`INSERT INTO follows (user_id, target_id, target_type) SELECT unnest($1::uuid[]), $2, 'ITEM'`, [
        followers,
        item,
      ]);
      const started = performance.now();
      await gql(
        baseUrl,
        `mutation ($input: AddCommentInput!) { addComment(input: $input) { id } }`,
        { input: { itemId: item, kind: 'QUESTION', body: 'Wat vinden jullie hiervan?' } },
        token,
      );
      for (;;) {
        const { rows } = await db.query(`SELECT count(*)::int AS n FROM notifications WHERE item_id = $1`, [item]);
        if (rows[0].n >= FOLLOWERS) break;
        await new Promise((r) => setTimeout(r, 2));
      }
      if (repeat >= 2) latencies.push(performance.now() - started); // two warm-up rounds
    }
    const comment = summarize(latencies)!;

    // 2. The daily digest for every user.
    await db.query(`UPDATE notifications SET mailed_at = now()`); // the comments above are not part of it
    await db.query(
      `INSERT INTO notifications (user_id, kind, community_id, item_id, actor_id, actor_ids, excerpt)
       SELECT u.id, 'COMMENT', c.community_id, c.id, $1, ARRAY[$1::uuid], 'Een reactie op iets dat je volgt'
         FROM users u CROSS JOIN LATERAL (SELECT id, community_id FROM items ORDER BY created_at LIMIT 3) c
        WHERE u.email LIKE 'lid%'`,
      [actor.register.user.id],
    );
    await db.query(
      `UPDATE notifications SET community_id = $1 WHERE id IN (SELECT id FROM notifications WHERE mailed_at IS NULL AND random() < 0.33)`,
      [communities[1]],
    );
    await db.query('VACUUM ANALYZE');
    progress(`daily digest for ${USERS} users`);
    const digests = app.get(DigestService);
    const started = performance.now();
    const digest = await withMemory(() => digests.run('DAILY'));
    const digestMs = performance.now() - started;

    let sendMs = Number.NaN;
    if (SEND) {
      progress(`sending ${digest.result} mails through the outbox to a local SMTP server`);
      const sendStart = performance.now();
      await app.get(MailOutboxWorker).drain();
      sendMs = performance.now() - sendStart;
      if (sink.received() !== digest.result) throw new Error(`sent ${sink.received()} of ${digest.result}`);
    }

    console.log(
      `\nbench:notify — ${new Date().toISOString()}, ${cpus().length} CPUs (load ${loadavg()[0].toFixed(2)}), Node ${process.version}, ${server.describe}\n`,
    );
    console.log(
      renderTable(
        ['measure', 'n', 'p50', 'p95', 'max'],
        [
          [
            `comment → ${FOLLOWERS} inbox rows (addComment sent → all rows exist)`,
            String(comment.count),
            ms(comment.p50),
            ms(comment.p95),
            ms(comment.max),
          ],
        ],
      ),
    );
    console.log('');
    console.log(
      renderTable(
        ['daily digest', 'value'],
        [
          ['users with pending notifications', String(USERS)],
          ['notifications taken into digests', String(USERS * 3)],
          ['mails put in the outbox', String(digest.result)],
          ['compose + enqueue time', ms(digestMs)],
          ['per 1,000 users', ms((digestMs / USERS) * 1000)],
          ['heap before → peak', `${mb(digest.heapBefore)} → ${mb(digest.heapPeak)}`],
          ['RSS before → peak', `${mb(digest.rssBefore)} → ${mb(digest.rssPeak)}`],
          ['outbox → SMTP, all mails', SEND ? ms(sendMs) : 'skipped'],
          ['mails per second over SMTP', SEND ? (digest.result / (sendMs / 1000)).toFixed(0) : 'skipped'],
        ],
      ),
    );
  } finally {
    await app.close();
    await db.end();
    await sink.close();
    await database.drop();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
