import { strToU8, zipSync } from 'fflate';
import { readExportArchive, splitItemMarkdown } from '@spiraal/interchange';
import { sql } from '../support/test-database';
import { communityWithPeople, CommunityFixture, createItem } from '../support/fixtures';
import { errorCode, gql, gqlData, registerUser, startTestApp, TestApp } from '../support/test-app';

/**
 * Taking knowledge out and bringing it back: an item as Markdown with front
 * matter, a community as a zip (Markdown files and a manifest), and that zip
 * restored into an empty community with the same items, links and stages.
 */

const ITEMS = `query ($id: ID!) {
  items(communityId: $id, first: 10, filter: { includeArchived: true }) {
    edges { node {
      id title kind stage tags markdown archivedAt guidelineStatus guidelineVersion
      stageHistory { from to reason }
      sources { title }
      appliesTo { guideline { title } version }
      guidelineVersions { number title markdown }
      comments { kind body resolvedAt }
    } }
  }
}`;

interface Node {
  id: string;
  title: string;
  markdown: string;
  [key: string]: unknown;
}

/** Everything that must survive the round trip, with ids replaced by the titles they point to. */
async function content(t: TestApp, token: string, communityId: string): Promise<Record<string, unknown>> {
  const data = await gqlData<{ items: { edges: { node: Node }[] } }>(t.baseUrl, ITEMS, { id: communityId }, token);
  const nodes = data.items.edges.map((e) => e.node);
  const titles = new Map(nodes.map((n) => [n.id, n.title]));
  const withTitles = (markdown: string) =>
    markdown.replace(/\/items\/([0-9a-f-]{36})/g, (_m, id: string) => `/items/<${titles.get(id) ?? 'ELDERS'}>`);
  return Object.fromEntries(
    nodes.map(({ id: _id, title, markdown, comments, guidelineVersions, ...rest }) => [
      title,
      {
        ...rest,
        markdown: withTitles(markdown),
        comments: (comments as { kind: string; body: string; resolvedAt: string | null }[]).map((c) => ({
          kind: c.kind,
          body: c.body,
          resolved: c.resolvedAt !== null,
        })),
        guidelineVersions: (guidelineVersions as { number: number; title: string; markdown: string }[]).map((v) => ({
          ...v,
          markdown: withTitles(v.markdown),
        })),
      },
    ]),
  );
}

async function download(t: TestApp, communityId: string, token: string | null): Promise<Response> {
  return fetch(`${t.baseUrl}/export/communities/${communityId}`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
}

async function restore(
  t: TestApp,
  communityId: string,
  token: string | null,
  zip: Uint8Array,
  type = 'application/zip',
): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = { 'Content-Type': type };
  if (token) headers.Authorization = `Bearer ${token}`;
  const res = await fetch(`${t.baseUrl}/export/communities/${communityId}/import`, {
    method: 'POST',
    headers,
    body: zip,
  });
  return { status: res.status, body: await res.json() };
}

async function newCommunity(t: TestApp, token: string, name: string): Promise<string> {
  const data = await gqlData(
    t.baseUrl,
    `mutation ($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`,
    { input: { name, visibility: 'PRIVATE' } },
    token,
  );
  return data.createCommunity.id as string;
}

async function itemCount(t: TestApp, communityId: string): Promise<number> {
  const [row] = await sql<{ n: number }>(t.db.url, 'SELECT count(*)::int AS n FROM items WHERE community_id = $1', [
    communityId,
  ]);
  return row.n;
}

describe('export and re-import', () => {
  let t: TestApp;
  let c: CommunityFixture;
  let ids: { story: string; case: string; note: string; guideline: string; reflection: string };

  beforeAll(async () => {
    t = await startTestApp();
    c = await communityWithPeople(t.baseUrl);
    const token = c.facilitator.token;
    const story = await createItem(t.baseUrl, c.member.token, {
      communityId: c.communityId,
      kind: 'STORY',
      title: 'De voordeur bleef dicht',
      tags: ['huisbezoek'],
      body: 'Drie keer aangebeld.\n',
    });
    const casus = await createItem(t.baseUrl, token, {
      communityId: c.communityId,
      kind: 'CASE',
      title: 'Casus: mevrouw J. wil geen hulp',
      tags: ['wijkteam', 'regie'],
      body: '## Situatie\n\nMevrouw J. (84) woont **alleen**.\n\n## Werkvraag\n\n- Hoe krijgen we contact?\n- Wie heeft de _regie_?\n',
    });
    const note = await createItem(t.baseUrl, token, {
      communityId: c.communityId,
      kind: 'NOTE',
      title: 'Notitie bij de intervisie',
      body: `Zie [de casus](/items/${casus.id}) en [een site](https://example.nl).\n`,
    });
    await gqlData(
      t.baseUrl,
      `mutation ($input: SetItemStageInput!) { setItemStage(input: $input) { id } }`,
      { input: { id: note.id, stage: 'COMBINATIE', reason: 'Besproken in de intervisie' } },
      token,
    );
    const promoted = await gqlData(
      t.baseUrl,
      `mutation ($input: PromoteToGuidelineInput!) { promoteToGuideline(input: $input) { id } }`,
      {
        input: {
          sourceItemIds: [casus.id, story.id],
          title: 'Richtlijn: contact bij zorgmijding',
          tags: ['wijkteam', 'regie', 'huisbezoek'],
        },
      },
      token,
    );
    const guideline = promoted.promoteToGuideline.id as string;
    await gqlData(
      t.baseUrl,
      `mutation ($input: SetGuidelineStatusInput!) { setGuidelineStatus(input: $input) { id } }`,
      { input: { id: guideline, status: 'IN_UITPROBEERFASE' } },
      token,
    );
    const applied = await gqlData(
      t.baseUrl,
      `mutation ($input: RecordApplicationInput!) { recordApplication(input: $input) { id } }`,
      { input: { guidelineId: guideline, body: 'Ik belde eerst de buurvrouw.' } },
      c.member.token,
    );
    await gqlData(
      t.baseUrl,
      `mutation ($input: SetGuidelineStatusInput!) { setGuidelineStatus(input: $input) { id } }`,
      { input: { id: guideline, status: 'VASTGESTELD', reviewDate: '2027-01-01T00:00:00.000Z' } },
      token,
    );
    const question = await gqlData(
      t.baseUrl,
      `mutation ($input: AddCommentInput!) { addComment(input: $input) { id } }`,
      { input: { itemId: casus.id, kind: 'QUESTION', body: 'Wat weet de huisarts?' } },
      c.reader.token,
    );
    await gqlData(
      t.baseUrl,
      `mutation ($id: ID!) { resolveComment(id: $id) { id } }`,
      { id: question.addComment.id },
      token,
    );
    await gqlData(
      t.baseUrl,
      `mutation ($input: AddCommentInput!) { addComment(input: $input) { id } }`,
      { input: { itemId: casus.id, kind: 'SUGGESTION', body: 'Probeer de wijkagent.' } },
      c.member.token,
    );
    await gqlData(t.baseUrl, `mutation ($id: ID!) { archiveItem(id: $id) { id } }`, { id: story.id }, token);
    ids = { story: story.id, case: casus.id, note: note.id, guideline, reflection: applied.recordApplication.id };
  });
  afterAll(() => t.close());

  it('exports an item as Markdown with front matter, for anyone who may read it', async () => {
    const result = await gqlData(
      t.baseUrl,
      `query ($id: ID!) { exportItem(id: $id) { filename markdown } }`,
      { id: ids.guideline },
      c.reader.token,
    );
    const { filename, markdown } = result.exportItem;
    expect(filename).toBe(`richtlijn-contact-bij-zorgmijding-${ids.guideline.slice(0, 8)}.md`);
    const { data, body } = splitItemMarkdown(markdown);
    expect(Object.keys(data)).toEqual([
      'title',
      'kind',
      'stage',
      'tags',
      'authors',
      'sources',
      'created',
      'updated',
      'id',
      'guidelineStatus',
      'guidelineVersion',
      'reviewDate',
    ]);
    expect(data).toMatchObject({
      title: 'Richtlijn: contact bij zorgmijding',
      kind: 'GUIDELINE',
      stage: 'COMBINATIE',
      tags: ['wijkteam', 'regie', 'huisbezoek'],
      authors: ['Fenna Facilitator'],
      sources: [
        { id: ids.case, title: 'Casus: mevrouw J. wil geen hulp', stage: 'EXTERNALISATIE' },
        { id: ids.story, title: 'De voordeur bleef dicht', stage: 'SOCIALISATIE' },
      ],
      id: ids.guideline,
      guidelineStatus: 'VASTGESTELD',
      guidelineVersion: 1,
      reviewDate: '2027-01-01T00:00:00.000Z',
    });
    const item = await gqlData(
      t.baseUrl,
      `query ($id: ID!) { item(id: $id) { markdown createdAt } }`,
      { id: ids.guideline },
      c.reader.token,
    );
    expect(body).toBe(item.item.markdown);
    expect(data.created).toBe(item.item.createdAt);

    const reflection = splitItemMarkdown(
      (
        await gqlData(
          t.baseUrl,
          `query ($id: ID!) { exportItem(id: $id) { markdown } }`,
          { id: ids.reflection },
          c.reader.token,
        )
      ).exportItem.markdown,
    );
    expect(reflection.data.appliesTo).toEqual({
      id: ids.guideline,
      title: 'Richtlijn: contact bij zorgmijding',
      version: 1,
    });
    expect(reflection.data.authors).toEqual(['Mo Lid']);
  });

  it('tells an outsider the item does not exist', async () => {
    const result = await gql(
      t.baseUrl,
      `query ($id: ID!) { exportItem(id: $id) { markdown } }`,
      { id: ids.case },
      c.outsider.token,
    );
    expect(errorCode(result)).toBe('NOT_FOUND');
  });

  it('exports the community as a zip a facilitator downloads, and restores it into an empty community with the same content', async () => {
    const res = await download(t, c.communityId, c.facilitator.token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="spiraal-leernetwerk-private-\d{4}-\d{2}-\d{2}\.zip"/,
    );
    const zip = new Uint8Array(await res.arrayBuffer());

    const { manifest, bodies } = readExportArchive(zip);
    expect(manifest.items).toHaveLength(5);
    expect(manifest.community.name).toBe('Leernetwerk PRIVATE');
    expect(manifest.links).toEqual(
      expect.arrayContaining([
        { type: 'source', from: ids.guideline, to: ids.case, position: 1, sourceStage: 'EXTERNALISATIE' },
        { type: 'source', from: ids.guideline, to: ids.story, position: 2, sourceStage: 'SOCIALISATIE' },
        { type: 'mention', from: ids.note, to: ids.case },
        { type: 'mention', from: ids.guideline, to: ids.case },
        { type: 'appliesTo', from: ids.reflection, to: ids.guideline, version: 1 },
      ]),
    );
    expect(
      manifest.stageHistory
        .filter((s) => s.itemId === ids.note)
        .map(({ from, to, reason, by }) => ({ from, to, reason, by })),
    ).toEqual([
      { from: null, to: 'EXTERNALISATIE', reason: null, by: 'Fenna Facilitator' },
      { from: 'EXTERNALISATIE', to: 'COMBINATIE', reason: 'Besproken in de intervisie', by: 'Fenna Facilitator' },
    ]);
    expect(manifest.guidelineVersions.map((v) => ({ number: v.number, adoptedBy: v.adoptedBy }))).toEqual([
      { number: 1, adoptedBy: 'Fenna Facilitator' },
    ]);
    expect(
      manifest.comments.map((cm) => ({ kind: cm.kind, author: cm.author, resolved: cm.resolvedAt !== null })),
    ).toEqual([
      { kind: 'QUESTION', author: 'Lea Lezer', resolved: true },
      { kind: 'SUGGESTION', author: 'Mo Lid', resolved: false },
    ]);
    expect(bodies.get(ids.case)).toContain('Mevrouw J. (84) woont **alleen**.');

    const target = await newCommunity(t, c.facilitator.token, 'Leernetwerk na het project');
    const restored = await restore(t, target, c.facilitator.token, zip);
    expect(restored.status).toBe(200);
    expect(restored.body.data.importArchive).toEqual({
      alreadyImported: false,
      items: 5,
      sources: 2,
      mentions: 3,
      appliesTo: 1,
      stageChanges: manifest.stageHistory.length,
      guidelineVersions: 1,
      comments: 2,
    });

    // The same archive again: recognised, nothing duplicated.
    const again = await restore(t, target, c.facilitator.token, zip);
    expect(again.body.data.importArchive).toMatchObject({ alreadyImported: true, items: 5, comments: 0 });
    expect(await itemCount(t, target)).toBe(5);

    const before = await content(t, c.facilitator.token, c.communityId);
    const after = await content(t, c.facilitator.token, target);
    expect(after).toEqual(before);
    // The links point into the new community, not back to the old one.
    const note = (await gqlData(t.baseUrl, ITEMS, { id: target }, c.facilitator.token)).items.edges.find(
      (e: { node: Node }) => e.node.title === 'Notitie bij de intervisie',
    ).node as Node;
    expect(note.markdown).not.toContain(ids.case);
    expect(JSON.stringify(after)).not.toContain('ELDERS');
  });

  it('exports a body from stored rows that Y.mergeUpdates cannot join, as loading reads it', async () => {
    const communityId = await newCommunity(t, c.facilitator.token, 'Leernetwerk met een vreemde update');
    const item = await createItem(t.baseUrl, c.facilitator.token, {
      communityId,
      kind: 'NOTE',
      title: 'Na de storing',
      body: 'Drie keer aangebeld.\n',
    });
    // An update of client 42 with one Skip struct whose info byte also has the origin flags (0xca):
    // Y.applyUpdate reads a Skip, Y.mergeUpdates an item, and fails with "Unexpected end of array".
    await sql(t.db.url, 'INSERT INTO yjs_updates (item_id, update) VALUES ($1, $2)', [
      item.id,
      Buffer.from('01012a00ca0100', 'hex'),
    ]);

    const res = await download(t, communityId, c.facilitator.token);
    expect(res.status).toBe(200);
    const { bodies } = readExportArchive(new Uint8Array(await res.arrayBuffer()));
    expect(bodies.get(item.id)).toContain('Drie keer aangebeld.');
    const loaded = await gqlData(
      t.baseUrl,
      `query ($id: ID!) { exportItem(id: $id) { markdown } }`,
      { id: item.id },
      c.facilitator.token,
    );
    expect(splitItemMarkdown(loaded.exportItem.markdown).body).toBe(bodies.get(item.id));
  });

  it('lets only facilitators export or restore a community', async () => {
    for (const [who, token, code] of [
      ['member', c.member.token, 'FORBIDDEN'],
      ['reader', c.reader.token, 'FORBIDDEN'],
      ['outsider', c.outsider.token, 'NOT_FOUND'],
      ['nobody', null, 'UNAUTHENTICATED'],
    ] as const) {
      const res = await download(t, c.communityId, token);
      const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
      expect({ who, status: res.status, code: body.errors[0].extensions.code }).toEqual({
        who,
        status: { FORBIDDEN: 403, NOT_FOUND: 404, UNAUTHENTICATED: 401 }[code],
        code,
      });
      expect(JSON.stringify(body)).not.toMatch(/stack|at .*\.ts/);
    }
    const zip = new Uint8Array(await (await download(t, c.communityId, c.facilitator.token)).arrayBuffer());
    for (const [who, token, status] of [
      ['member', c.member.token, 403],
      ['reader', c.reader.token, 403],
      ['outsider', c.outsider.token, 404],
      ['nobody', null, 401],
    ] as const) {
      const refused = await restore(t, c.communityId, token, zip);
      expect({ who, status: refused.status }).toEqual({ who, status });
    }
    // A facilitator elsewhere is nobody here: their own community's export cannot be pushed into this one.
    const elsewhere = await registerUser(t.baseUrl, 'Elders Facilitator');
    await newCommunity(t, elsewhere.token, 'Eigen leernetwerk');
    expect((await restore(t, c.communityId, elsewhere.token, zip)).status).toBe(404);
    expect((await download(t, c.communityId, elsewhere.token)).status).toBe(404);
    // Refused before the upload is read: a member's oversized body is FORBIDDEN, not PAYLOAD_TOO_LARGE.
    expect((await restore(t, c.communityId, c.member.token, new Uint8Array(65 * 1024 * 1024))).status).toBe(403);
    expect(await itemCount(t, c.communityId)).toBe(5);
  });

  describe('a bad archive gets a clear message and writes nothing', () => {
    let target: string;
    let good: Uint8Array;
    beforeAll(async () => {
      target = await newCommunity(t, c.facilitator.token, 'Leeg leernetwerk');
      good = new Uint8Array(await (await download(t, c.communityId, c.facilitator.token)).arrayBuffer());
    });

    /** The good archive with its manifest changed by `edit`. */
    function withManifest(edit: (manifest: any) => void): Uint8Array {
      const { manifest, bodies } = readExportArchive(good);
      const files: Record<string, Uint8Array> = {};
      for (const item of manifest.items) files[item.file] = strToU8(bodies.get(item.id) ?? '');
      edit(manifest);
      return zipSync({ ...files, 'manifest.json': strToU8(JSON.stringify(manifest)) });
    }

    it.each<[string, () => Uint8Array, RegExp]>([
      ['not a zip', () => strToU8('dit is geen zip'), /geen manifest\.json/],
      ['a zip without manifest', () => zipSync({ 'items/a.md': strToU8('# A') }), /geen manifest\.json/],
      [
        'a path that climbs out',
        () => zipSync({ 'manifest.json': strToU8('{}'), '../../etc/cron.d/x': strToU8('x') }),
        /Onveilig pad in het archief/,
      ],
      [
        'another export version',
        () => withManifest((m) => (m.version = 99)),
        /exportversie 99 kan deze Spiraal niet lezen/,
      ],
      [
        'a manifest naming a missing file',
        () => withManifest((m) => (m.items[0].file = 'items/weg.md')),
        /items\/weg\.md staat in manifest\.json maar niet in het archief/,
      ],
      [
        'a source link from a case',
        () =>
          withManifest((m) =>
            m.links.push({
              type: 'source',
              from: m.items[1].id,
              to: m.items[0].id,
              position: 1,
              sourceStage: 'SOCIALISATIE',
            }),
          ),
        /kan geen CASE met een STORY verbinden/,
      ],
      // Found only while writing: the items are in the database by then, and must be rolled back.
      ['an empty comment', () => withManifest((m) => (m.comments[1].body = '   ')), /comments\[1\]/],
    ])('%s', async (_what, archive, message) => {
      const result = await restore(t, target, c.facilitator.token, archive());
      expect(result.status).toBe(400);
      expect(result.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(result.body.errors[0].message).toMatch(message);
      expect(await itemCount(t, target)).toBe(0);
    });

    it('refuses a body that is not a zip upload, or too large', async () => {
      expect((await restore(t, target, c.facilitator.token, good, 'text/plain')).status).toBe(415);
      const large = await restore(t, target, c.facilitator.token, new Uint8Array(65 * 1024 * 1024));
      expect(large.status).toBe(413);
      expect(large.body.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
      expect(await itemCount(t, target)).toBe(0);
    });
  });
});

describe('restoring an archive counts as a mutation for the rate limit', () => {
  let t: TestApp;
  afterAll(() => t?.close());

  it('refuses restores past the per-user limit with RATE_LIMITED (429), before reading the upload', async () => {
    t = await startTestApp({ RATE_MUTATIONS_PER_MINUTE: '3' });
    const facilitator = await registerUser(t.baseUrl, 'Fenna Facilitator');
    const communityId = await newCommunity(t, facilitator.token, 'Leernetwerk met een limiet'); // mutation 1
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await restore(t, communityId, facilitator.token, strToU8('geen zip'))).status);
    expect(statuses).toEqual([400, 400, 429]);
  });
});
