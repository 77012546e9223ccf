import { strToU8, zipSync } from 'fflate';
import { readExportArchive } from '@spiraal/interchange';
import { communityWithPeople, CommunityFixture, createItem } from '../support/fixtures';
import { gql, gqlData, startTestApp, TestApp } from '../support/test-app';
import { sql } from '../support/test-database';

/**
 * Issue 20, finding 6: names, titles, tags and display names are NFC and
 * free of direction-flipping and invisible characters at every entry point
 * (GraphQL, import, archive restore); body text may hold them.
 */

const REGISTER = `mutation ($input: RegisterInput!) { register(input: $input) { user { displayName } } }`;
const CREATE_ITEM = `mutation ($input: CreateItemInput!) { createItem(input: $input) { id title tags } }`;
const IMPORT = `mutation ($input: ImportDocumentInput!) { importDocument(input: $input) { status items { title } } }`;

describe('text hygiene at every entry point (finding 6)', () => {
  let t: TestApp;
  let c: CommunityFixture;

  beforeAll(async () => {
    t = await startTestApp();
    c = await communityWithPeople(t.baseUrl);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('GraphQL refuses a display name, titles, a community name and tags that flip or hide', async () => {
    const impostor = await gql(t.baseUrl, REGISTER, {
      input: {
        email: 'impostor@example.nl',
        password: 'correct horse battery',
        displayName: '\u202EFacilitator\u200B',
      },
    });
    expect([impostor.errors?.[0].extensions?.code, impostor.errors?.[0].extensions?.field]).toEqual([
      'BAD_USER_INPUT',
      'displayName',
    ]);

    for (const title of ['\u200B\u200B\u200B', '\u202Egnp.exe', '\u2800']) {
      const result = await gql(
        t.baseUrl,
        CREATE_ITEM,
        { input: { communityId: c.communityId, kind: 'NOTE', title } },
        c.member.token,
      );
      expect([
        JSON.stringify(title),
        result.errors?.[0].extensions?.code,
        result.errors?.[0].extensions?.field,
      ]).toEqual([JSON.stringify(title), 'BAD_USER_INPUT', 'title']);
    }
    const tagged = await gql(
      t.baseUrl,
      CREATE_ITEM,
      { input: { communityId: c.communityId, kind: 'NOTE', title: 'Met tag', tags: ['zorg\u200D'] } },
      c.member.token,
    );
    expect(tagged.errors?.[0].extensions?.field).toBe('tags');
    const community = await gql(
      t.baseUrl,
      `mutation ($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`,
      { input: { name: 'Leer\u202Enetwerk' } },
      c.member.token,
    );
    expect(community.errors?.[0].extensions?.field).toBe('name');

    const item = await createItem(t.baseUrl, c.member.token, {
      communityId: c.communityId,
      kind: 'NOTE',
      title: 'Goed',
    });
    const renamed = await gql(
      t.baseUrl,
      `mutation ($input: UpdateItemInput!) { updateItem(input: $input) { title } }`,
      { input: { id: item.id, title: '\u2066Slecht' } },
      c.member.token,
    );
    expect(renamed.errors?.[0].extensions?.field).toBe('title');
    expect(
      (
        await sql<{ n: number }>(
          t.db.url,
          `SELECT count(*)::int AS n FROM items WHERE title ~ '[\u200B\u202E\u2066\u2800]'`,
        )
      )[0].n,
    ).toBe(0);
  });

  it('stores names and titles in NFC, and keeps such characters in body text', async () => {
    const created = await gqlData(
      t.baseUrl,
      CREATE_ITEM,
      {
        input: {
          communityId: c.communityId,
          kind: 'NOTE',
          title: 'Cafe\u0301 op de hoek',
          tags: ['re\u0301sume\u0301'],
          body: 'Zo schrijf je \u202Eomgekeerd\u202C.',
        },
      },
      c.member.token,
    );
    expect(created.createItem.title).toBe('Caf\u00e9 op de hoek');
    expect(created.createItem.tags).toEqual(['r\u00e9sum\u00e9']);
    const [row] = await sql<{ title: string }>(t.db.url, `SELECT title FROM items WHERE id = $1`, [
      created.createItem.id,
    ]);
    expect(row.title).toBe('Caf\u00e9 op de hoek');
    const markdown = await gqlData(
      t.baseUrl,
      `query ($id: ID!) { item(id: $id) { markdown } }`,
      { id: created.createItem.id },
      c.member.token,
    );
    expect(markdown.item.markdown).toContain('\u202Eomgekeerd\u202C');

    const named = await gqlData(t.baseUrl, REGISTER, {
      input: { email: 'amelie@example.nl', password: 'correct horse battery', displayName: 'Ame\u0301lie' },
    });
    expect(named.register.user.displayName).toBe('Am\u00e9lie');
  });

  it('an import refuses a title that flips the text direction', async () => {
    const result = await gql(
      t.baseUrl,
      IMPORT,
      {
        input: {
          communityId: c.communityId,
          filename: 'factuur.md',
          content: '---\ntitle: "\u202Egnp.exe"\n---\n\nTekst.',
        },
      },
      c.facilitator.token,
    );
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(result.errors)).toMatch(/schrijfrichting/);
  });

  it('an archive restore refuses an item whose title hides characters, and writes nothing', async () => {
    await createItem(t.baseUrl, c.facilitator.token, {
      communityId: c.communityId,
      kind: 'NOTE',
      title: 'Uit het archief',
      body: 'Inhoud.',
    });
    const res = await fetch(`${t.baseUrl}/export/communities/${c.communityId}`, {
      headers: { Authorization: `Bearer ${c.facilitator.token}` },
    });
    const good = new Uint8Array(await res.arrayBuffer());
    const { manifest, bodies } = readExportArchive(good);
    const files: Record<string, Uint8Array> = {};
    for (const item of manifest.items) files[item.file] = strToU8(bodies.get(item.id) ?? '');
    manifest.items[0].title = '\u200B\u200B';
    const hostile = zipSync({ ...files, 'manifest.json': strToU8(JSON.stringify(manifest)) });

    const target = (
      await gqlData(
        t.baseUrl,
        `mutation { createCommunity(input: { name: "Hersteld" }) { id } }`,
        {},
        c.facilitator.token,
      )
    ).createCommunity.id as string;
    const restored = await fetch(`${t.baseUrl}/export/communities/${target}/import`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${c.facilitator.token}`, 'Content-Type': 'application/zip' },
      body: hostile,
    });
    const body = (await restored.json()) as { errors?: { extensions?: { code?: string } }[] };
    expect(body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(
      (await sql<{ n: number }>(t.db.url, `SELECT count(*)::int AS n FROM items WHERE community_id = $1`, [target]))[0]
        .n,
    ).toBe(0);
  });
});
