import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../../apps/api/src/database/embedded-postgres';
import { connectClient, typeParagraph, waitFor } from '../support/collab-client';
import { communityWithPeople, CommunityFixture, createItem } from '../support/fixtures';
import { gqlData, startTestApp, TestApp } from '../support/test-app';
import { startServer } from '../support/server-process';
import { createTestDatabase, sql } from '../support/test-database';
import { indexed, SEARCH, SearchResultData } from './search-contract';

const run = promisify(execFile);
const REINDEX = join(__dirname, '../../apps/api/dist/cli/search-reindex.js');

async function search(baseUrl: string, token: string, query: string): Promise<SearchResultData> {
  return (await gqlData<{ search: SearchResultData }>(baseUrl, SEARCH, { input: { query } }, token)).search;
}

describe('search indexing', () => {
  let app: TestApp;
  let people: CommunityFixture;

  beforeAll(async () => {
    app = await startTestApp();
    people = await communityWithPeople(app.baseUrl);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('makes what is typed in the live editor searchable', async () => {
    const item = await createItem(app.baseUrl, people.member.token, {
      communityId: people.communityId,
      kind: 'CASE',
      title: 'Casus in wording',
      body: 'Eerste zin.',
    });
    const client = await connectClient(app.baseUrl, people.member.token, item.id);
    try {
      typeParagraph(client.doc, 'Tijdens het overleg noemde de moeder het woord schuldhulpmaatje.');
      await waitFor(
        async () => (await search(app.baseUrl, people.reader.token, 'schuldhulpmaatje ')).totalHits === 1,
        10_000,
        'the typed word to be found',
      );
      const [hit] = (await search(app.baseUrl, people.reader.token, 'schuldhulpmaatje ')).hits;
      expect(hit.highlights.text).toContain('<mark>schuldhulpmaatje</mark>');
    } finally {
      client.destroy();
    }
  });

  it('indexes a change however it reaches the items table: the outbox row comes from a trigger in the same transaction', async () => {
    const item = await createItem(app.baseUrl, people.member.token, {
      communityId: people.communityId,
      kind: 'NOTE',
      title: 'Voor de trigger',
      body: 'Tekst.',
    });
    await indexed(app);
    await sql(app.db.url, `UPDATE items SET text = 'Nu over de fietsenmaker op de hoek' WHERE id = $1`, [item.id]);
    await indexed(app);
    expect((await search(app.baseUrl, people.member.token, 'fietsenmaker ')).hits.map((h) => h.item.id)).toEqual([
      item.id,
    ]);
    // A rolled-back change leaves no outbox row behind.
    await expect(
      sql(
        app.db.url,
        `DO $$ BEGIN UPDATE items SET title = 'Nooit' WHERE id = '${item.id}'; RAISE EXCEPTION 'undo'; END $$`,
      ),
    ).rejects.toThrow(/undo/);
    const [{ pending }] = await sql<{ pending: number }>(
      app.db.url,
      'SELECT count(*)::int AS pending FROM search_outbox',
    );
    expect(pending).toBe(0);
  });

  it('rebuilds a lost index from PostgreSQL with npm run search:reindex', async () => {
    const item = await createItem(app.baseUrl, people.member.token, {
      communityId: people.communityId,
      kind: 'STORY',
      title: 'Het verhaal van de bakfiets',
      body: 'Over de wijkbus.',
    });
    await indexed(app);
    await sql(app.db.url, 'DELETE FROM search_passages');
    await sql(app.db.url, 'DELETE FROM search_terms');
    expect((await search(app.baseUrl, people.member.token, 'bakfiets ')).totalHits).toBe(0);
    const { stdout } = await run(process.execPath, [REINDEX], {
      env: { PATH: process.env.PATH, DATABASE_URL: app.db.url },
    });
    expect(stdout).toMatch(/Reindexed \d+ items/);
    expect((await search(app.baseUrl, people.member.token, 'bakfiets ')).hits.map((h) => h.item.id)).toEqual([item.id]);
    // The vocabulary is back too: a typo is forgiven again.
    expect((await search(app.baseUrl, people.member.token, 'bakfeits ')).hits.map((h) => h.item.id)).toEqual([item.id]);
  });
});

describe('search when Meilisearch does not answer', () => {
  it('answers from PostgreSQL, says so in the log, and retries the delivery with backoff', async () => {
    const db = await createTestDatabase();
    const closed = await freePort();
    const server = await startServer({
      DATABASE_URL: db.url,
      PORT: String(await freePort()),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      MEILI_URL: `http://127.0.0.1:${closed}`,
    });
    try {
      const people = await communityWithPeople(server.baseUrl);
      const item = await createItem(server.baseUrl, people.member.token, {
        communityId: people.communityId,
        kind: 'NOTE',
        title: 'Terugvallen op PostgreSQL',
        body: 'De reservezoekmachine.',
      });
      await waitFor(
        async () => (await search(server.baseUrl, people.member.token, 'reservezoekmachine ')).totalHits === 1,
        10_000,
        'the PostgreSQL index',
      );
      const result = await search(server.baseUrl, people.member.token, 'reservezoekmachine ');
      expect(result.engine).toBe('postgresql');
      expect(result.hits[0].item.id).toBe(item.id);
      expect(server.output()).toMatch(/meilisearch did not answer .*; searching PostgreSQL instead/);
      const rows = await sql<{ attempts: number; last_error: string; due_in: number }>(
        db.url,
        `SELECT attempts, last_error, extract(epoch FROM available_at - now()) AS due_in FROM search_outbox WHERE item_id = $1`,
        [item.id],
      );
      expect(rows.length).toBe(1);
      expect(rows[0].attempts).toBeGreaterThanOrEqual(1);
      expect(rows[0].last_error).toMatch(/meilisearch/);
      expect(server.output()).toMatch(/Search indexing of \d+ change\(s\) failed \(attempt \d+\), retrying in \d+ ms/);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
      await db.drop();
    }
  });
});
