import { sql } from '../support/test-database';
import { gql, startTestApp, TestApp } from '../support/test-app';
import { communityWithPeople, CommunityFixture, createItem } from '../support/fixtures';
import { connectClient, typeParagraph, waitFor } from '../support/collab-client';

/** Revisions while editing goes on, and compaction of long sessions (short intervals for the test). */
describe('history of a long editing session', () => {
  let t: TestApp;
  let c: CommunityFixture;
  beforeAll(async () => {
    t = await startTestApp({
      COLLAB_REVISION_INTERVAL_MS: '1000',
      COLLAB_COMPACT_AFTER_ROWS: '5',
      COLLAB_IDLE_UNLOAD_MS: '60000',
    });
    c = await communityWithPeople(t.baseUrl);
  });
  afterAll(() => t.close());

  it('records at most one revision per interval of editing', async () => {
    const { id } = await createItem(t.baseUrl, c.member.token, {
      communityId: c.communityId,
      kind: 'CASE',
      title: 'Lange sessie',
    });
    const editor = await connectClient(t.baseUrl, c.member.token, id);
    try {
      const started = Date.now();
      for (let i = 0; Date.now() - started < 3500; i++) {
        typeParagraph(editor.doc, `zin ${i}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      const rows = await sql<{ created_at: Date }>(
        t.db.url,
        'SELECT created_at FROM item_revisions WHERE item_id = $1 ORDER BY created_at',
        [id],
      );
      expect(rows.length).toBeGreaterThanOrEqual(2);
      expect(rows.length).toBeLessThanOrEqual(3);
      for (let i = 1; i < rows.length; i++)
        expect(rows[i].created_at.getTime() - rows[i - 1].created_at.getTime()).toBeGreaterThanOrEqual(950);
      const listed = await gql(
        t.baseUrl,
        `query ($id: ID!) { itemRevisions(itemId: $id) { authors { displayName } } }`,
        { id },
        c.reader.token,
      );
      expect(listed.data!.itemRevisions[0].authors).toEqual([{ displayName: 'Mo Lid' }]);
    } finally {
      editor.destroy();
    }
  });

  it('compacts a loaded document once updates pile up, without losing any', async () => {
    const { id } = await createItem(t.baseUrl, c.member.token, {
      communityId: c.communityId,
      kind: 'NOTE',
      title: 'Compactie',
      body: 'Start.',
    });
    const editor = await connectClient(t.baseUrl, c.member.token, id);
    try {
      // Each pause lets one batch be written: 12 rows in all, compacted after every 5.
      for (let i = 0; i < 12; i++) {
        typeParagraph(editor.doc, `stap ${i}`);
        await new Promise((r) => setTimeout(r, 160));
      }
      await waitFor(
        async () => (await sql(t.db.url, 'SELECT 1 FROM yjs_updates WHERE item_id = $1', [id])).length < 5,
        3000,
        'compaction',
      );
      await waitFor(
        async () =>
          (
            await gql(t.baseUrl, `query ($id: ID!) { item(id: $id) { markdown } }`, { id }, c.member.token)
          ).data!.item.markdown.includes('stap 11'),
        3000,
        'the last step',
      );
      const { markdown } = (
        await gql(t.baseUrl, `query ($id: ID!) { item(id: $id) { markdown } }`, { id }, c.member.token)
      ).data!.item;
      expect(markdown).toBe(['Start.', ...Array.from({ length: 12 }, (_, i) => `stap ${i}`)].join('\n\n') + '\n');
    } finally {
      editor.destroy();
    }
  });
});
