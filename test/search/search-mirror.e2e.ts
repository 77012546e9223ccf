import type { INestApplication } from '@nestjs/common';
import { createApp } from '../../apps/api/src/app';
import { loadConfig } from '../../apps/api/src/config/config';
import { SearchMirror } from '../../apps/api/src/search/search-mirror';
import { communityWithPeople, CommunityFixture, createItem } from '../support/fixtures';
import { gqlData, startTestApp, TestApp } from '../support/test-app';
import { sql } from '../support/test-database';
import { indexed, SEARCH, SearchResultData } from './search-contract';

/**
 * Each API process ranks over its own in-memory copy of the passages
 * (docs/decisions/search-in-memory.md). Two processes on one database must
 * answer alike after every kind of change, at once, without waiting for a
 * background round.
 */
describe('in-memory search index across API processes', () => {
  let first: TestApp;
  let second: INestApplication;
  let secondUrl: string;
  let ours: CommunityFixture;

  const search = async (baseUrl: string, query: string): Promise<SearchResultData> =>
    (await gqlData<{ search: SearchResultData }>(baseUrl, SEARCH, { input: { query } }, ours.member.token)).search;

  /** What a user sees, but the time taken and the engine's own score rounding. */
  const seen = (r: SearchResultData) => ({
    totalHits: r.totalHits,
    missingWords: r.missingWords,
    facets: r.facets,
    hits: r.hits.map((h) => ({ id: h.item.id, highlights: h.highlights, score: h.score.toFixed(9) })),
  });

  async function bothAnswer(query: string): Promise<SearchResultData> {
    const [a, b] = await Promise.all([search(first.baseUrl, query), search(secondUrl, query)]);
    expect({ query, ...seen(b) }).toEqual({ query, ...seen(a) });
    return a;
  }

  const update = (id: string, input: Record<string, unknown>) =>
    gqlData(
      first.baseUrl,
      `mutation ($input: UpdateItemInput!) { updateItem(input: $input) { id } }`,
      { input: { id, ...input } },
      ours.member.token,
    );

  beforeAll(async () => {
    first = await startTestApp();
    ours = await communityWithPeople(first.baseUrl);
    for (let i = 0; i < 12; i++) {
      await createItem(first.baseUrl, ours.member.token, {
        communityId: ours.communityId,
        kind: i % 2 ? 'NOTE' : 'CASE',
        title: `Teamoverleg in de wijk ${i}`,
        body: `Het overleg over mantelzorg en weerstand, deel ${i}. ${'Bewoners spreken elkaar. '.repeat(i)}`,
      });
    }
    await indexed(first);
    // Started after the items exist: it reads them all when it first searches.
    second = await createApp(
      loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'error', DATABASE_URL: first.db.url }),
      first.db.url,
    );
    await second.listen(0, '127.0.0.1');
    await second.get(SearchMirror).current();
    secondUrl = `http://127.0.0.1:${second.getHttpServer().address().port}`;
  });

  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  it('loads what is there and ranks it the same in both processes', async () => {
    const found = await bothAnswer('hoe ga je om met weerstand bij mantelzorg ');
    expect(found.totalHits).toBe(12);
    expect(found.hits[0].highlights.text).toContain('<mark>');
  });

  it('shows an edit, a new item and an archived one in the other process at once', async () => {
    const [item] = (await search(first.baseUrl, 'teamoverleg ')).hits;
    await update(item.item.id, { title: 'Fietsgroep van de buurt' });
    const extra = await createItem(first.baseUrl, ours.member.token, {
      communityId: ours.communityId,
      kind: 'NOTE',
      title: 'Fietsgroep op zaterdag',
      body: 'Wie fietst er mee?',
    });
    await indexed(first);
    // No pause: the second process catches up before it answers.
    const cyclists = await bothAnswer('fietsgroep ');
    expect(cyclists.hits.map((h) => h.item.id).sort()).toEqual([item.item.id, extra.id].sort());
    expect((await bothAnswer('teamoverleg ')).totalHits).toBe(11);

    await gqlData(
      first.baseUrl,
      `mutation ($id: ID!) { archiveItem(id: $id) { id } }`,
      { id: extra.id },
      ours.member.token,
    );
    await indexed(first);
    expect((await bothAnswer('fietsgroep ')).hits.map((h) => h.item.id)).toEqual([item.item.id]);
  });

  it('follows passages deleted and emptied in the database itself', async () => {
    await sql(
      first.db.url,
      `DELETE FROM search_passages WHERE item_id IN (SELECT id FROM items WHERE title LIKE '%wijk 3')`,
    );
    expect((await bothAnswer('teamoverleg ')).totalHits).toBe(10);
    await sql(first.db.url, 'TRUNCATE search_passages CASCADE');
    const empty = await bothAnswer('teamoverleg ');
    expect(empty.totalHits).toBe(0);
    expect(empty.missingWords).toEqual(['teamoverleg']);
  });
});
