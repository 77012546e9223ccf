import type { INestApplication } from '@nestjs/common';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { createApp } from '../../apps/api/src/app';
import { restoreBackup } from '../../apps/api/src/backup/restore';
import { writeBackup } from '../../apps/api/src/backup/backup-writer';
import { loadConfig } from '../../apps/api/src/config/config';
import { connectClient, textOf, typeParagraph, waitFor } from '../support/collab-client';
import { communityWithPeople, CommunityFixture, createItem } from '../support/fixtures';
import { gql, gqlData, startTestApp, TestApp } from '../support/test-app';
import { sql } from '../support/test-database';
import { indexed } from '../search/search-contract';

const run = promisify(execFile);
const CLI = join(__dirname, '../../apps/api/dist/cli');

/** A database with nothing in it, not even the schema: what an operator restores into. */
async function emptyDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `spiraal_restore_${randomBytes(6).toString('hex')}`;
  const server = process.env.DATABASE_URL!;
  await sql(server, `CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => sql(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).then(() => undefined),
  };
}

/** Every table's row count and an order-independent hash of its rows. */
async function tableDigests(url: string): Promise<Record<string, { rows: number; hash: string }>> {
  const tables = await sql<{ name: string }>(
    url,
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`,
  );
  // search_changes logs this cluster's transactions for the search index in each process: never backed up.
  const excluded = new Set(['search_changes']);
  const digests: Record<string, { rows: number; hash: string }> = {};
  for (const { name } of tables.filter((t) => !excluded.has(t.name))) {
    const [row] = await sql<{ rows: number; hash: string | null }>(
      url,
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(md5(t::text), '' ORDER BY md5(t::text)), '')) AS hash FROM "${name}" t`,
    );
    digests[name] = { rows: row.rows, hash: row.hash ?? '' };
  }
  return digests;
}

async function cli(
  script: string,
  args: string[],
  databaseUrl: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(CLI, script), ...args], {
      env: { PATH: process.env.PATH, DATABASE_URL: databaseUrl },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { token user { id displayName } } }`;

describe('backup and restore', () => {
  let source: TestApp;
  let people: CommunityFixture;
  let dir: string;
  let backupFile: string;
  let sourceDigests: Record<string, { rows: number; hash: string }>;
  const ids: Record<string, string> = {};
  const cleanup: (() => Promise<unknown>)[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'spiraal-backup-'));
    backupFile = join(dir, 'round-trip.backup');
    // Documents unload (and are compacted, with a revision) as soon as their last editor leaves.
    source = await startTestApp({ COLLAB_IDLE_UNLOAD_MS: '0' });
    people = await communityWithPeople(source.baseUrl);
    const { communityId, facilitator, member, reader } = people;
    ids.story = (
      await createItem(source.baseUrl, member.token, {
        communityId,
        kind: 'STORY',
        title: 'De koffie die klaarstond',
        body: 'Hij wilde dat ik bleef zitten.',
        tags: ['zorgmijding'],
      })
    ).id;
    ids.case = (
      await createItem(source.baseUrl, member.token, {
        communityId,
        kind: 'CASE',
        title: 'Casus: de gesloten deur',
        body: 'We komen terug op een vaste dag.',
      })
    ).id;

    // Live editing, then the editor leaves: the document is compacted into a snapshot, with a revision.
    const first = await connectClient(source.baseUrl, member.token, ids.story);
    typeParagraph(first.doc, 'Pas daarna vertelde hij over zijn vrouw.');
    await waitFor(
      async () => (await sql(source.db.url, 'SELECT 1 FROM yjs_updates WHERE item_id = $1', [ids.story])).length > 0,
      10_000,
      'the first edit to be stored',
    );
    first.destroy();
    await waitFor(
      async () =>
        (await sql(source.db.url, 'SELECT 1 FROM yjs_snapshots WHERE item_id = $1', [ids.story])).length > 0 &&
        (await sql(source.db.url, 'SELECT 1 FROM item_revisions WHERE item_id = $1', [ids.story])).length > 0 &&
        (await sql(source.db.url, 'SELECT 1 FROM yjs_updates WHERE item_id = $1', [ids.story])).length === 0,
      10_000,
      'the document to be compacted on unload',
    );
    // Editing again, and staying: updates after the snapshot.
    const second = await connectClient(source.baseUrl, member.token, ids.story);
    cleanup.push(async () => second.destroy());
    typeParagraph(second.doc, 'Toen kwam de thee.');
    await waitFor(
      async () =>
        (
          await sql<{ text: string }>(source.db.url, 'SELECT text FROM items WHERE id = $1', [ids.story])
        )[0].text.includes('Toen kwam de thee.'),
      10_000,
      'the second edit to reach the item',
    );

    // The spiral: a guideline from both, adopted (a frozen version), a practice reflection, a comment.
    const promoted = await gqlData<{ promoteToGuideline: { id: string } }>(
      source.baseUrl,
      `mutation ($input: PromoteToGuidelineInput!) { promoteToGuideline(input: $input) { id } }`,
      { input: { sourceItemIds: [ids.story, ids.case], title: 'Richtlijn: contact leggen' } },
      facilitator.token,
    );
    ids.guideline = promoted.promoteToGuideline.id;
    const status = `mutation ($input: SetGuidelineStatusInput!) { setGuidelineStatus(input: $input) { id } }`;
    await gqlData(
      source.baseUrl,
      status,
      { input: { id: ids.guideline, status: 'IN_UITPROBEERFASE' } },
      facilitator.token,
    );
    await gqlData(
      source.baseUrl,
      status,
      { input: { id: ids.guideline, status: 'VASTGESTELD', reviewDate: '2027-11-01T00:00:00.000Z' } },
      facilitator.token,
    );
    await gqlData(
      source.baseUrl,
      `mutation ($input: RecordApplicationInput!) { recordApplication(input: $input) { id } }`,
      { input: { guidelineId: ids.guideline, body: 'Het werkte bij ons.' } },
      reader.token,
    );
    await gqlData(
      source.baseUrl,
      `mutation ($input: AddCommentInput!) { addComment(input: $input) { id } }`,
      { input: { itemId: ids.case, kind: 'QUESTION', body: 'Wat maakte dat de deur dicht bleef?' } },
      reader.token,
    );
    await indexed(source);
    sourceDigests = await tableDigests(source.db.url);
  }, 90_000);

  afterAll(async () => {
    for (const step of cleanup.reverse()) await step().catch(() => undefined);
    await source?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  }, 60_000);

  it('has something of every kind to back up', () => {
    const kinds = [
      'users',
      'sessions',
      'communities',
      'memberships',
      'items',
      'yjs_snapshots',
      'yjs_updates',
      'item_revisions',
      'stage_changes',
      'item_sources',
      'guideline_versions',
      'comments',
      'audit_log',
      'search_passages',
      'search_terms',
    ];
    expect(kinds.filter((table) => !(sourceDigests[table]?.rows > 0))).toEqual([]);
  });

  it('npm run backup writes one gzip file, with a header, while Spiraal runs; npm run restore brings every row back into an empty database', async () => {
    const backup = await cli('backup.js', ['--file', backupFile], source.db.url);
    expect(backup).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^Backup written: .*round-trip\.backup \(\d+ rows in \d+ tables/),
    });
    // Nothing changed meanwhile, so the backup must equal these digests.
    expect(await tableDigests(source.db.url)).toEqual(sourceDigests);

    const raw = gunzipSync(await readFile(backupFile)).toString('utf8');
    const header = JSON.parse(raw.slice(0, raw.indexOf('\n')));
    expect(header).toMatchObject({
      format: 'spiraal-backup',
      version: 1,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(header.migrations.length).toBeGreaterThan(0);
    expect(header.tables.map((t: { name: string }) => t.name)).not.toContain('migrations');
    expect(Object.fromEntries(header.tables.map((t: { name: string; rows: number }) => [t.name, t.rows]))).toEqual(
      Object.fromEntries(
        Object.entries(sourceDigests)
          .filter(([name]) => name !== 'migrations')
          .map(([name, d]) => [name, d.rows]),
      ),
    );

    const target = await emptyDatabase();
    cleanup.push(target.drop);
    ids.targetUrl = target.url;
    const restore = await cli('restore.js', ['--file', backupFile], target.url);
    expect(restore).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^Restored \d+ rows in \d+ tables from the backup of /),
    });
    const restored = await tableDigests(target.url);
    expect(restored).toEqual(sourceDigests);
    // Every sequence continues after the restored rows.
    const sequences = await sql<{ table: string; column: string; sequence: string }>(
      target.url,
      `SELECT c.relname AS table, a.attname AS column, pg_get_serial_sequence(c.relname, a.attname) AS sequence
         FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND pg_get_serial_sequence(c.relname, a.attname) IS NOT NULL`,
    );
    expect(sequences.map((s) => s.table)).toContain('yjs_updates');
    for (const { table, column, sequence } of sequences) {
      const [{ max }] = await sql<{ max: string | null }>(
        target.url,
        `SELECT max("${column}")::text AS max FROM "${table}"`,
      );
      const [{ next }] = await sql<{ next: string }>(
        target.url,
        `SELECT (CASE WHEN is_called THEN last_value + 1 ELSE last_value END)::text AS next FROM ${sequence}`,
      );
      if (max !== null) expect([table, BigInt(next) > BigInt(max)]).toEqual([table, true]);
    }
  });

  it('the restored database serves: people sign in, documents load and take new edits', async () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'error',
      DATABASE_URL: ids.targetUrl,
      SPIRAAL_WEB_DIR: join(__dirname, '../../apps/web/dist'),
    });
    const app: INestApplication = await createApp(config, ids.targetUrl);
    try {
      await app.listen(0, '127.0.0.1');
      await servesRestored(`http://127.0.0.1:${app.getHttpServer().address().port}`);
    } finally {
      await app.close();
    }
  });

  async function servesRestored(baseUrl: string): Promise<void> {
    const login = await gqlData<{ login: { token: string; user: { id: string } } }>(baseUrl, LOGIN, {
      input: { email: people.member.email, password: 'correct horse battery' },
    });
    expect(login.login.user.id).toBe(people.member.id);
    // An old session too: sessions are data.
    const me = await gql(baseUrl, `{ me { id } }`, {}, people.reader.token);
    expect(me.data?.me?.id).toBe(people.reader.id);

    const item = await gqlData<{ item: { text: string } }>(
      baseUrl,
      `query ($id: ID!) { item(id: $id) { text } }`,
      { id: ids.story },
      login.login.token,
    );
    expect(item.item.text).toContain('Toen kwam de thee.');

    const client = await connectClient(baseUrl, login.login.token, ids.story);
    try {
      expect(textOf(client.doc)).toContain('Pas daarna vertelde hij over zijn vrouw.');
      expect(textOf(client.doc)).toContain('Toen kwam de thee.');
      const before = (await sql<{ n: number }>(ids.targetUrl, 'SELECT count(*)::int AS n FROM yjs_updates')).at(0)!.n;
      typeParagraph(client.doc, 'Na het terugzetten.');
      // A new row with an id after the restored ones: the sequences were set.
      await waitFor(
        async () =>
          (await sql<{ n: number }>(ids.targetUrl, 'SELECT count(*)::int AS n FROM yjs_updates')).at(0)!.n > before,
        10_000,
        'the new edit to be stored',
      );
    } finally {
      client.destroy();
    }
    // The search index came back too (nothing was reindexed).
    const found = await gqlData<{ search: { hits: { item: { id: string } }[] } }>(
      baseUrl,
      `query ($input: SearchInput!) { search(input: $input) { hits { item { id } } } }`,
      { input: { query: 'koffie' } },
      login.login.token,
    );
    expect(found.search.hits.map((h) => h.item.id)).toContain(ids.story);
  }

  it('refuses a database that holds data, and changes nothing there', async () => {
    const before = await tableDigests(source.db.url);
    const refused = await cli('restore.js', ['--file', backupFile], source.db.url);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^This database is not empty \(\d+ users, 1 communities, \d+ items\)\. A backup is restored only into an empty database; nothing was changed\./,
    );
    expect(refused.stderr).not.toMatch(/\n\s+at /);
    expect(await tableDigests(source.db.url)).toEqual(before);
  });

  it('refuses a cut-off or damaged file before writing anything', async () => {
    const bytes = await readFile(backupFile);
    const target = await emptyDatabase();
    cleanup.push(target.drop);

    const truncated = join(dir, 'truncated.backup');
    await writeFile(truncated, bytes.subarray(0, bytes.length - 200));
    const cut = await cli('restore.js', ['--file', truncated], target.url);
    expect(cut.code).toBe(1);
    expect(cut.stderr).toMatch(/^The backup file is incomplete/);
    expect(cut.stderr).not.toMatch(/\n\s+at /);

    // Same length, one byte of the body changed: the gzip check or the checksum catches it.
    const damaged = join(dir, 'damaged.backup');
    const copy = Buffer.from(bytes);
    copy[copy.length - 300] ^= 0xff;
    await writeFile(damaged, copy);
    await expect(restoreBackup(target.url, damaged)).rejects.toThrow(/damaged|incomplete/);

    await writeFile(join(dir, 'not-a-backup.backup'), 'hello');
    await expect(restoreBackup(target.url, join(dir, 'not-a-backup.backup'))).rejects.toThrow(/not a Spiraal backup/);
    await expect(restoreBackup(target.url, join(dir, 'missing.backup'))).rejects.toThrow(/There is no such file/);

    // Not even the migrations ran: the database is as empty as it was.
    expect(await sql(target.url, `SELECT tablename FROM pg_tables WHERE schemaname = 'public'`)).toEqual([]);
  });

  it('never overwrites a file, and leaves no half file behind when the backup fails midway', async () => {
    await expect(writeBackup(source.db.url, backupFile)).rejects.toThrow(/already exists/);
    // A role that may read every table but one: the backup fails after it has written others.
    const role = `spiraal_backup_${randomBytes(4).toString('hex')}`;
    await sql(source.db.url, `CREATE ROLE ${role} LOGIN PASSWORD 'backup-test'`);
    cleanup.push(() => sql(source.db.url, `DROP OWNED BY ${role}; DROP ROLE ${role}`));
    await sql(
      source.db.url,
      `GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${role}; REVOKE SELECT ON yjs_updates FROM ${role}`,
    );
    const url = new URL(source.db.url);
    url.username = role;
    url.password = 'backup-test';
    const failed = join(dir, 'failed.backup');
    await expect(writeBackup(url.toString(), failed)).rejects.toThrow(/permission denied/);
    expect((await readdir(dir)).filter((f) => f.startsWith('failed'))).toEqual([]);
  });
});
