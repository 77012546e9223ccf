import { communityWithPeople, CommunityFixture, createItem } from '../support/fixtures';
import { gqlData, startTestApp, TestApp } from '../support/test-app';
import { sql } from '../support/test-database';
import { runMigrations } from '../../apps/api/src/database/data-source';
import { indexed, SEARCH, SearchResultData } from '../search/search-contract';

const ITEMS = `query ($communityId: ID!, $filter: ItemFilter) { items(communityId: $communityId, filter: $filter) { totalCount edges { node { id tags } } } }`;
const UPDATE = `mutation ($input: UpdateItemInput!) { updateItem(input: $input) { id tags } }`;

describe('tags: one tag whatever its case or accents', () => {
  let t: TestApp;
  let c: CommunityFixture;
  beforeAll(async () => {
    t = await startTestApp();
    c = await communityWithPeople(t.baseUrl);
  });
  afterAll(() => t.close());

  it('keeps the spelling the community used first and counts spellings together in facets', async () => {
    await createItem(t.baseUrl, c.member.token, {
      communityId: c.communityId,
      kind: 'STORY',
      title: 'Een avond bij de buren',
      tags: ['Mantelzorg', 'wijk'],
    });
    await createItem(t.baseUrl, c.member.token, {
      communityId: c.communityId,
      kind: 'CASE',
      title: 'Overbelaste buren',
      tags: ['mantelzorg'],
    });
    const third = await createItem(t.baseUrl, c.facilitator.token, {
      communityId: c.communityId,
      kind: 'NOTE',
      title: 'Notitie over buren',
      tags: ['MANTÉLZORG', 'Wijk'],
    });
    const updated = await gqlData(
      t.baseUrl,
      UPDATE,
      { input: { id: third.id, tags: ['mantelzorg', 'WIJK', 'ggz'] } },
      c.member.token,
    );
    expect(updated.updateItem.tags).toEqual(['Mantelzorg', 'wijk', 'ggz']);

    const filtered = await gqlData(
      t.baseUrl,
      ITEMS,
      { communityId: c.communityId, filter: { tags: ['mantelzorg'] } },
      c.reader.token,
    );
    expect(filtered.items.totalCount).toBe(3);
    expect(filtered.items.edges.every((e: { node: { tags: string[] } }) => e.node.tags.includes('Mantelzorg'))).toBe(
      true,
    );

    await indexed(t);
    const { search } = await gqlData<{ search: SearchResultData }>(
      t.baseUrl,
      SEARCH,
      { input: { query: 'buren' } },
      c.reader.token,
    );
    expect(search.facets.tags).toEqual(
      expect.arrayContaining([
        { value: 'Mantelzorg', count: 3 },
        { value: 'wijk', count: 2 },
      ]),
    );
    expect(search.facets.tags.map((f) => f.value)).not.toContain('mantelzorg');
  });

  it('merges spellings that exist already in a migration', async () => {
    const a = await createItem(t.baseUrl, c.member.token, {
      communityId: c.communityId,
      kind: 'STORY',
      title: 'Oud verhaal',
      tags: ['Eenzaamheid'],
    });
    const b = await createItem(t.baseUrl, c.member.token, {
      communityId: c.communityId,
      kind: 'STORY',
      title: 'Nieuwer verhaal',
      tags: ['ggz'],
    });
    // Written as before this change: spellings apart, and one item with a duplicate.
    await sql(t.db.url, `UPDATE items SET tags = $2 WHERE id = $1`, [b.id, ['eenzaamheid', 'EENZAAMHEID', 'GGZ']]);
    await sql(t.db.url, `DELETE FROM migrations WHERE name = 'TagSpellings1765500000000'`);
    await runMigrations(t.db.url);
    const rows = await sql<{ id: string; tags: string[] }>(t.db.url, `SELECT id, tags FROM items WHERE id = ANY($1)`, [
      [a.id, b.id],
    ]);
    const tags = Object.fromEntries(rows.map((r) => [r.id, r.tags]));
    expect(tags[a.id]).toEqual(['Eenzaamheid']);
    expect(tags[b.id]).toEqual(['Eenzaamheid', 'ggz']);
  });
});
