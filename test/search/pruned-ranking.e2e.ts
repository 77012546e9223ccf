import { parseQuery } from '@spiraal/search';
import { PostgresSearchEngine } from '../../apps/api/src/search/postgres-search.engine';
import { communityWithPeople, CommunityFixture, createItem } from '../support/fixtures';
import { addMember, gqlData, startTestApp, TestApp, TestUser } from '../support/test-app';
import { sql } from '../support/test-database';
import { indexed, SEARCH, SearchResultData } from './search-contract';

/**
 * The pruned ranking (docs/decisions/search-speed.md) must give exactly what
 * ranking every match gives (SPIRAAL_SEARCH_RANKING=scan), after every kind
 * of change, while it ranks fewer passages.
 */
const FILLER = ['wijk', 'buurt', 'bewoner', 'gesprek', 'vrijwilliger', 'ervaring', 'verhaal', 'moment', 'afspraak'];

/** A body of about `words` words with `times` mentions of overleg, the same every run. */
function body(seed: number, words: number, times: number, extra = ''): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(FILLER[(seed * 7 + i * 3 + (i % 5)) % FILLER.length]);
  for (let t = 0; t < times; t++) out.splice(((seed + 1) * (t + 3) * 11) % out.length, 0, 'overleg');
  return `${out.join(' ')} ${extra}`.trim();
}

const QUERIES = [
  'overleg ',
  'overleg wijkteam ',
  'wijkteam overleg ',
  'teamoverleg ',
  'overl',
  'hoe gaat het overleg ',
];

describe('pruned search ranking', () => {
  let app: TestApp;
  let ours: CommunityFixture;
  let theirs: CommunityFixture;

  async function search(user: TestUser, input: Record<string, unknown>, scan = false): Promise<SearchResultData> {
    // The in-memory ranking is the default; this file compares the two SQL rankings kept as the benchmark's reference.
    process.env.SPIRAAL_SEARCH_RANKING = scan ? 'scan' : 'sql';
    try {
      return (await gqlData<{ search: SearchResultData }>(app.baseUrl, SEARCH, { input }, user.token)).search;
    } finally {
      delete process.env.SPIRAAL_SEARCH_RANKING;
    }
  }

  /** Both paths, compared on everything the user sees but the time taken. */
  async function expectSameAsScan(user: TestUser, input: Record<string, unknown>): Promise<SearchResultData> {
    const pruned = await search(user, input);
    const scanned = await search(user, input, true);
    const shown = (r: SearchResultData) => ({
      totalHits: r.totalHits,
      missingWords: r.missingWords,
      facets: r.facets,
      hits: r.hits.map((h) => ({ id: h.item.id, highlights: h.highlights, score: h.score.toFixed(9) })),
    });
    expect({ input, ...shown(pruned) }).toEqual({ input, ...shown(scanned) });
    return pruned;
  }

  async function passagesRanked(query: string, readable: string[], limit = 5): Promise<number> {
    const engine = app.app.get(PostgresSearchEngine);
    const filters = { communityIds: null, kinds: null, stages: null, tags: null };
    process.env.SPIRAAL_SEARCH_RANKING = 'sql';
    try {
      const result = await engine.search({
        plan: parseQuery(query),
        readableCommunityIds: readable,
        filters,
        limit,
        offset: 0,
        since: performance.now(),
      });
      return result.ranked!;
    } finally {
      delete process.env.SPIRAAL_SEARCH_RANKING;
    }
  }

  beforeAll(async () => {
    app = await startTestApp();
    [ours, theirs] = await Promise.all([communityWithPeople(app.baseUrl), communityWithPeople(app.baseUrl)]);
    const specs = Array.from({ length: 48 }, (_, i) => ({
      communityId: ours.communityId,
      kind: i % 3 ? 'NOTE' : 'CASE',
      title: i % 6 === 0 ? `Overleg in de wijk ${i}` : `Notitie ${i} over de buurt`,
      tags: i % 4 === 0 ? ['wijkteam'] : [],
      body: body(i, 20 + ((i * 37) % 160), 1 + (i % 3), i % 5 === 0 ? 'met het wijkteam' : ''),
    }));
    specs.push(
      ...Array.from({ length: 8 }, (_, i) => ({
        communityId: theirs.communityId,
        kind: 'NOTE',
        title: `Overleg van de anderen ${i}`,
        tags: ['wijkteam'],
        body: body(100 + i, 15, 3),
      })),
    );
    for (let i = 0; i < specs.length; i += 8) {
      await Promise.all(
        specs
          .slice(i, i + 8)
          .map((spec) =>
            createItem(
              app.baseUrl,
              spec.communityId === ours.communityId ? ours.member.token : theirs.member.token,
              spec,
            ),
          ),
      );
    }
    await indexed(app);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('gives exactly the hits, scores, totals and facets of ranking every match, while ranking fewer passages', async () => {
    for (const query of QUERIES) {
      for (const page of [
        { limit: 5, offset: 0 },
        { limit: 5, offset: 5 },
        { limit: 20, offset: 0 },
      ]) {
        await expectSameAsScan(ours.reader, { query, ...page });
      }
      await expectSameAsScan(ours.reader, { query, limit: 5, kinds: ['CASE'] });
      await expectSameAsScan(ours.reader, { query, limit: 5, tags: ['wijkteam'] });
    }
    const all = await search(ours.reader, { query: 'overleg ', limit: 5 });
    expect(all.totalHits).toBe(48);
    // Eight titles say overleg: the body-only passages cannot reach the fifth of them, so most are not ranked.
    expect(await passagesRanked('overleg ', [ours.communityId])).toBeLessThan(48);
    // A half word may complete to many words: no bound, every match is ranked.
    expect(await passagesRanked('overl', [ours.communityId])).toBe(48);
  });

  it('follows inserts, edits, deletes and permission changes, with the stored lengths kept right', async () => {
    const stale = async () =>
      (
        await sql<{ n: number }>(app.db.url, 'SELECT count(*)::int AS n FROM search_passages WHERE len <> length(tsv)')
      )[0].n;
    const ids = async (user: TestUser, limit = 5) =>
      (await expectSameAsScan(user, { query: 'overleg ', limit })).hits.map((h) => h.item.id);

    // Insert: a new item with the word in its title and a short body ranks among the first.
    const fresh = await createItem(app.baseUrl, ours.member.token, {
      communityId: ours.communityId,
      kind: 'NOTE',
      title: 'Overleg overleg',
      body: 'overleg',
    });
    await indexed(app);
    expect(await ids(ours.reader)).toContain(fresh.id);

    // Edit the body (however it reaches the items table): a body-only item gets the word in a long text.
    const [quiet] = await sql<{ id: string }>(
      app.db.url,
      `SELECT id FROM items WHERE community_id = $1 AND title LIKE 'Notitie 1 %'`,
      [ours.communityId],
    );
    await sql(app.db.url, `UPDATE items SET text = $2 WHERE id = $1`, [quiet.id, body(1, 400, 12)]);
    await indexed(app);
    expect(await stale()).toBe(0);
    await ids(ours.reader);

    // Edit the title: the same item now says overleg where it weighs most, and comes first.
    await gqlData(
      app.baseUrl,
      `mutation ($input: UpdateItemInput!) { updateItem(input: $input) { id } }`,
      { input: { id: quiet.id, title: 'Overleg' } },
      ours.member.token,
    );
    await indexed(app);
    expect(await ids(ours.reader)).toContain(quiet.id);
    expect(await stale()).toBe(0);

    // Delete (archive): gone from the first page and the count.
    await gqlData(
      app.baseUrl,
      `mutation ($id: ID!) { archiveItem(id: $id) { id } }`,
      { id: fresh.id },
      ours.member.token,
    );
    await indexed(app);
    expect(await ids(ours.reader)).not.toContain(fresh.id);
    expect((await search(ours.reader, { query: 'overleg ' })).totalHits).toBe(48);

    // Permissions: the other community's items appear (in hits, count and facets) only while our reader may read it.
    const theirIds = (
      await sql<{ id: string }>(app.db.url, 'SELECT id FROM items WHERE community_id = $1', [theirs.communityId])
    ).map((r) => r.id);
    expect((await ids(ours.reader, 50)).filter((id) => theirIds.includes(id))).toEqual([]);
    await addMember(app.baseUrl, theirs.facilitator.token, {
      communityId: theirs.communityId,
      user: ours.reader,
      role: 'READER',
      perspective: 'STUDENT',
    });
    expect((await ids(ours.reader, 50)).filter((id) => theirIds.includes(id)).length).toBe(8);
    expect((await search(ours.reader, { query: 'overleg ' })).totalHits).toBe(56);
    const [{ id: readerId }] = await sql<{ id: string }>(app.db.url, 'SELECT id FROM users WHERE email = $1', [
      ours.reader.email,
    ]);
    await gqlData(
      app.baseUrl,
      `mutation ($input: RemoveMemberInput!) { removeMember(input: $input) }`,
      { input: { communityId: theirs.communityId, userId: readerId } },
      theirs.facilitator.token,
    );
    expect((await ids(ours.reader, 50)).filter((id) => theirIds.includes(id))).toEqual([]);
    expect((await search(ours.reader, { query: 'overleg ' })).totalHits).toBe(48);
  });
});
