import { ITEM_KINDS, DEFAULT_STAGE } from '@spiraal/domain';
import { sql } from '../support/test-database';
import { errorCode, gql, startTestApp, TestApp } from '../support/test-app';
import { communityWithPeople, CommunityFixture, createItem } from '../support/fixtures';

const ITEM = `query ($id: ID!) { item(id: $id) {
  id kind stage title tags text markdown createdAt updatedAt archivedAt
  community { id name }
  createdBy { id displayName }
  authors { id displayName }
  stageHistory { from to reason at by { id displayName } }
} }`;
const ITEMS = `query ($communityId: ID!, $filter: ItemFilter, $first: Int, $after: String) {
  items(communityId: $communityId, filter: $filter, first: $first, after: $after) {
    totalCount edges { cursor node { id title kind stage tags } } pageInfo { hasNextPage endCursor }
  } }`;
const CREATE = `mutation ($input: CreateItemInput!) { createItem(input: $input) { id kind stage title tags text } }`;

const CASE_BODY = `# Situatie

Mevrouw De Vries (82) woont alleen en wil **geen** hulp. De wijkverpleegkundige maakt zich _zorgen_.

## Werkvraag

Hoe blijven we in contact zonder over haar grenzen te gaan?

- eerst luisteren
- samen met de buurvrouw
  - die ze vertrouwt

1. Huisbezoek
2. Evaluatie in de intervisie

> Uitstellen van oordeel helpt.

Zie [de handreiking](https://example.nl/handreiking).
`;

describe('knowledge items', () => {
  let t: TestApp;
  let c: CommunityFixture;
  beforeAll(async () => {
    t = await startTestApp();
    c = await communityWithPeople(t.baseUrl);
  });
  afterAll(() => t.close());

  it('creates an item of every kind in its default SECI stage', async () => {
    for (const kind of ITEM_KINDS) {
      const result = await gql(
        t.baseUrl,
        CREATE,
        { input: { communityId: c.communityId, kind, title: `Een ${kind.toLowerCase()}` } },
        c.facilitator.token,
      );
      expect(result.errors).toBeUndefined();
      expect(result.data!.createItem).toMatchObject({ kind, stage: DEFAULT_STAGE[kind], text: '' });
    }
  });

  it('turns a Markdown body into the document and reads text and markdown back', async () => {
    const created = await gql(
      t.baseUrl,
      CREATE,
      {
        input: {
          communityId: c.communityId,
          kind: 'CASE',
          title: 'Casus mevrouw De Vries',
          tags: ['eenzaamheid', 'wijkteam'],
          body: CASE_BODY,
        },
      },
      c.member.token,
    );
    expect(created.errors).toBeUndefined();
    const item = (await gql(t.baseUrl, ITEM, { id: created.data!.createItem.id }, c.reader.token)).data!.item;
    expect(item.text).toContain('Mevrouw De Vries (82) woont alleen en wil geen hulp.');
    expect(item.text).toContain('Hoe blijven we in contact zonder over haar grenzen te gaan?');
    expect(item.text).not.toMatch(/[*#_>]/);
    expect(item.markdown).toContain('# Situatie');
    expect(item.markdown).toContain('## Werkvraag');
    expect(item.markdown).toContain('**geen**');
    expect(item.markdown).toContain('[de handreiking](https://example.nl/handreiking)');
    expect(item.markdown).toMatch(/- eerst luisteren/);
    expect(item.markdown).toMatch(/1\. Huisbezoek/);
    expect(item.markdown).toMatch(/> Uitstellen van oordeel helpt\./);
    expect(item.authors).toEqual([{ id: c.member.id, displayName: 'Mo Lid' }]);
    expect(item.createdBy).toEqual({ id: c.member.id, displayName: 'Mo Lid' });
    expect(item.community.id).toBe(c.communityId);
    expect(item.stageHistory).toEqual([
      {
        from: null,
        to: 'EXTERNALISATIE',
        reason: null,
        at: expect.any(String),
        by: { id: c.member.id, displayName: 'Mo Lid' },
      },
    ]);
    // Stored as a Yjs document the editor can open.
    const [doc] = await sql(t.db.url, 'SELECT length(state) AS size FROM yjs_snapshots WHERE item_id = $1', [item.id]);
    expect(Number(doc.size)).toBeGreaterThan(100);
  });

  it('starts a casus from the template, written into the document on the server', async () => {
    const created = await gql(
      t.baseUrl,
      CREATE,
      { input: { communityId: c.communityId, kind: 'CASE', title: 'Casus uit sjabloon', template: true } },
      c.member.token,
    );
    const item = (await gql(t.baseUrl, ITEM, { id: created.data!.createItem.id }, c.member.token)).data!.item;
    // The prompts are placeholders in the editor, never text (docs/templates.md).
    expect(item.markdown).toMatch(/^## Situatie\n\n## Werkvraag\n/);
    expect(item.markdown).not.toContain('Wat speelt er');
    expect(item.markdown).toContain('## Afspraken');
    expect(item.text.split('\n')).toContain('Verdiepende vragen');
    const both = await gql(
      t.baseUrl,
      CREATE,
      { input: { communityId: c.communityId, kind: 'CASE', title: 'Beide', template: true, body: 'tekst' } },
      c.member.token,
    );
    expect(both.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const none = await gql(
      t.baseUrl,
      CREATE,
      { input: { communityId: c.communityId, kind: 'CONCEPT', title: 'Begrip zonder sjabloon', template: true } },
      c.member.token,
    );
    expect(none.data!.createItem.text).toBe('');
  });

  it('drops script links from bodies', async () => {
    const created = await gql(
      t.baseUrl,
      CREATE,
      {
        input: {
          communityId: c.communityId,
          kind: 'NOTE',
          title: 'Links',
          body: '[klik](javascript:alert(1)) en <script>alert(1)</script>',
        },
      },
      c.member.token,
    );
    const item = (await gql(t.baseUrl, ITEM, { id: created.data!.createItem.id }, c.member.token)).data!.item;
    expect(item.markdown).not.toMatch(/javascript:/i);
    expect(item.text).toContain('klik');
  });

  it('records every stage change with who, when, from, to and why', async () => {
    const { id } = await createItem(t.baseUrl, c.member.token, {
      communityId: c.communityId,
      kind: 'STORY',
      title: 'Verhaal uit de nachtdienst',
    });
    const move = `mutation ($input: SetItemStageInput!) { setItemStage(input: $input) { stage } }`;
    const first = await gql(
      t.baseUrl,
      move,
      { input: { id, stage: 'EXTERNALISATIE', reason: 'Uitgeschreven na de intervisie' } },
      c.member.token,
    );
    expect(first.data!.setItemStage.stage).toBe('EXTERNALISATIE');
    await gql(t.baseUrl, move, { input: { id, stage: 'COMBINATIE' } }, c.facilitator.token);
    const same = await gql(t.baseUrl, move, { input: { id, stage: 'COMBINATIE' } }, c.facilitator.token);
    expect(errorCode(same)).toBe('BAD_USER_INPUT');
    const history = (await gql(t.baseUrl, ITEM, { id }, c.reader.token)).data!.item.stageHistory;
    expect(history.map((h: any) => [h.from, h.to, h.reason, h.by.displayName])).toEqual([
      [null, 'SOCIALISATIE', null, 'Mo Lid'],
      ['SOCIALISATIE', 'EXTERNALISATIE', 'Uitgeschreven na de intervisie', 'Mo Lid'],
      ['EXTERNALISATIE', 'COMBINATIE', null, 'Fenna Facilitator'],
    ]);
    // A forgotten reason goes with the last move; the item does not move again.
    const explain = `mutation ($input: AddStageReasonInput!) { addStageReason(input: $input) { stage stageHistory { to reason } } }`;
    expect(errorCode(await gql(t.baseUrl, explain, { input: { itemId: id, reason: 'Te laat' } }, c.reader.token))).toBe(
      'FORBIDDEN',
    );
    expect(errorCode(await gql(t.baseUrl, explain, { input: { itemId: id, reason: '  ' } }, c.member.token))).toBe(
      'BAD_USER_INPUT',
    );
    const explained = (
      await gql(
        t.baseUrl,
        explain,
        { input: { itemId: id, reason: 'Samen met twee casussen gebundeld' } },
        c.member.token,
      )
    ).data!.addStageReason;
    expect(explained.stage).toBe('COMBINATIE');
    expect(explained.stageHistory.map((h: any) => [h.to, h.reason])).toEqual([
      ['SOCIALISATIE', null],
      ['EXTERNALISATIE', 'Uitgeschreven na de intervisie'],
      ['COMBINATIE', 'Samen met twee casussen gebundeld'],
    ]);
    // That reason stands: another member may not overwrite it; the mover (the facilitator) may, and the log keeps the old one.
    expect(
      errorCode(await gql(t.baseUrl, explain, { input: { itemId: id, reason: 'Iets anders' } }, c.member.token)),
    ).toBe('FORBIDDEN');
    const replaced = (
      await gql(
        t.baseUrl,
        explain,
        { input: { itemId: id, reason: 'Gebundeld voor de richtlijn' } },
        c.facilitator.token,
      )
    ).data!.addStageReason;
    expect(replaced.stageHistory.map((h: any) => h.reason)[2]).toBe('Gebundeld voor de richtlijn');
    const logged = await sql<{ actor_id: string; details: { previous: string | null } }>(
      t.db.url,
      `SELECT actor_id, details FROM audit_log WHERE action = 'item.stage.reason' AND target_id = $1 ORDER BY id`,
      [id],
    );
    expect(logged.map((r) => [r.actor_id, r.details.previous])).toEqual([
      [c.member.id, null],
      [c.facilitator.id, 'Samen met twee casussen gebundeld'],
    ]);
  });

  it('updates title and tags', async () => {
    const { id } = await createItem(t.baseUrl, c.member.token, {
      communityId: c.communityId,
      kind: 'CONCEPT',
      title: 'Presentie',
      tags: ['a'],
    });
    const updated = await gql(
      t.baseUrl,
      `mutation ($input: UpdateItemInput!) { updateItem(input: $input) { title tags } }`,
      { input: { id, title: ' Presentiebenadering ', tags: ['ggz', 'GGZ', 'presentie'] } },
      c.facilitator.token,
    );
    expect(updated.data!.updateItem).toEqual({ title: 'Presentiebenadering', tags: ['ggz', 'presentie'] });
  });

  it('filters by kind, stage and tags and pages with a cursor', async () => {
    const own = await communityWithPeople(t.baseUrl);
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const kind = i % 2 === 0 ? 'CASE' : 'STORY';
      ids.push(
        (
          await createItem(t.baseUrl, own.member.token, {
            communityId: own.communityId,
            kind,
            title: `Item ${i}`,
            tags: i < 3 ? ['ggz', 'wijk'] : ['wijk'],
          })
        ).id,
      );
    }
    const cases = await gql(
      t.baseUrl,
      ITEMS,
      { communityId: own.communityId, filter: { kinds: ['CASE'] } },
      own.reader.token,
    );
    expect(cases.data!.items.totalCount).toBe(4);
    const byStage = await gql(
      t.baseUrl,
      ITEMS,
      { communityId: own.communityId, filter: { stages: ['SOCIALISATIE'] } },
      own.reader.token,
    );
    expect(byStage.data!.items.edges.map((e: any) => e.node.kind)).toEqual(['STORY', 'STORY', 'STORY']);
    const tagged = await gql(
      t.baseUrl,
      ITEMS,
      { communityId: own.communityId, filter: { tags: ['ggz', 'wijk'] } },
      own.reader.token,
    );
    expect(tagged.data!.items.edges.map((e: any) => e.node.title).sort()).toEqual(['Item 0', 'Item 1', 'Item 2']);

    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const res: any = await gql(t.baseUrl, ITEMS, { communityId: own.communityId, first: 3, after }, own.reader.token);
      seen.push(...res.data.items.edges.map((e: any) => e.node.id));
      if (!res.data.items.pageInfo.hasNextPage) break;
      after = res.data.items.pageInfo.endCursor;
    }
    expect(seen).toEqual([...ids].reverse());
    expect(
      errorCode(await gql(t.baseUrl, ITEMS, { communityId: own.communityId, after: 'bm9uc2Vuc2U' }, own.reader.token)),
    ).toBe('BAD_USER_INPUT');
    expect(
      errorCode(await gql(t.baseUrl, ITEMS, { communityId: own.communityId, first: 1000 }, own.reader.token)),
    ).toBe('BAD_USER_INPUT');
  });

  it('archives: hidden from the list, still readable, members archive only their own', async () => {
    const own = await createItem(t.baseUrl, c.member.token, {
      communityId: c.communityId,
      kind: 'NOTE',
      title: 'Eigen notitie',
    });
    const theirs = await createItem(t.baseUrl, c.facilitator.token, {
      communityId: c.communityId,
      kind: 'NOTE',
      title: 'Notitie van de facilitator',
    });
    const archive = `mutation ($id: ID!) { archiveItem(id: $id) { archivedAt } }`;
    expect(errorCode(await gql(t.baseUrl, archive, { id: theirs.id }, c.member.token))).toBe('FORBIDDEN');
    expect((await gql(t.baseUrl, archive, { id: own.id }, c.member.token)).data!.archiveItem.archivedAt).toEqual(
      expect.any(String),
    );
    const list = await gql(t.baseUrl, ITEMS, { communityId: c.communityId, first: 100 }, c.member.token);
    expect(list.data!.items.edges.map((e: any) => e.node.id)).not.toContain(own.id);
    const withArchived = await gql(
      t.baseUrl,
      ITEMS,
      { communityId: c.communityId, first: 100, filter: { includeArchived: true } },
      c.member.token,
    );
    expect(withArchived.data!.items.edges.map((e: any) => e.node.id)).toContain(own.id);
    expect((await gql(t.baseUrl, ITEM, { id: own.id }, c.reader.token)).data!.item.archivedAt).not.toBeNull();
  });

  describe('limits: a refused request changes nothing', () => {
    const cases: [string, Record<string, unknown>, RegExp][] = [
      ['an empty title', { title: '  ' }, /Titel/],
      ['a title of 201 characters', { title: 'x'.repeat(201) }, /200/],
      ['21 tags', { tags: Array.from({ length: 21 }, (_, i) => `tag${i}`) }, /20 tags/],
      ['a tag of 41 characters', { tags: ['x'.repeat(41)] }, /40/],
      ['a body over 1 MB', { body: 'a'.repeat(1024 * 1024 + 1) }, /1 MB/],
    ];
    it.each(cases)('refuses %s', async (_, override, message) => {
      const before = await sql(
        t.db.url,
        'SELECT (SELECT count(*) FROM items)::int AS items, (SELECT count(*) FROM yjs_snapshots)::int AS docs, (SELECT count(*) FROM stage_changes)::int AS changes',
      );
      const result = await gql(
        t.baseUrl,
        CREATE,
        { input: { communityId: c.communityId, kind: 'NOTE', title: 'Geldig', ...override } },
        c.member.token,
      );
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors![0].message).toMatch(message);
      expect(result.errors![0].extensions).not.toHaveProperty('stacktrace');
      expect(
        await sql(
          t.db.url,
          'SELECT (SELECT count(*) FROM items)::int AS items, (SELECT count(*) FROM yjs_snapshots)::int AS docs, (SELECT count(*) FROM stage_changes)::int AS changes',
        ),
      ).toEqual(before);
    });

    it('accepts exactly 200 characters, 20 tags of 40 and a 1 MB body', async () => {
      const result = await gql(
        t.baseUrl,
        CREATE,
        {
          input: {
            communityId: c.communityId,
            kind: 'NOTE',
            title: 'y'.repeat(200),
            tags: Array.from({ length: 20 }, (_, i) => `${i}`.padEnd(40, 'x')),
            body: 'woord '.repeat(174762),
          },
        },
        c.member.token,
      );
      expect(result.errors).toBeUndefined();
      expect(result.data!.createItem.tags).toHaveLength(20);
    });

    it('refuses an unknown kind or stage', async () => {
      expect(
        errorCode(
          await gql(
            t.baseUrl,
            CREATE,
            { input: { communityId: c.communityId, kind: 'ESSAY', title: 'x' } },
            c.member.token,
          ),
        ),
      ).toBe('BAD_USER_INPUT');
      expect(
        errorCode(
          await gql(
            t.baseUrl,
            CREATE,
            { input: { communityId: c.communityId, kind: 'NOTE', stage: 'DONE', title: 'x' } },
            c.member.token,
          ),
        ),
      ).toBe('BAD_USER_INPUT');
    });

    it('keeps stored items unchanged when an update is refused', async () => {
      const { id } = await createItem(t.baseUrl, c.member.token, {
        communityId: c.communityId,
        kind: 'NOTE',
        title: 'Blijft zo',
        tags: ['vast'],
      });
      const refused = await gql(
        t.baseUrl,
        `mutation ($input: UpdateItemInput!) { updateItem(input: $input) { id } }`,
        { input: { id, title: 'Nieuw', tags: ['x'.repeat(41)] } },
        c.member.token,
      );
      expect(errorCode(refused)).toBe('BAD_USER_INPUT');
      const item = (await gql(t.baseUrl, ITEM, { id }, c.member.token)).data!.item;
      expect(item).toMatchObject({ title: 'Blijft zo', tags: ['vast'] });
    });
  });
});
