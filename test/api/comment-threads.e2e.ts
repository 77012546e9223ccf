import * as Y from 'yjs';
import { connectClient, waitFor, type CollabClient } from '../support/collab-client';
import { communityWithPeople, createItem, type CommunityFixture } from '../support/fixtures';
import { openLive, type LiveClient } from '../support/live-client';
import { errorCode, gql, gqlData, startTestApp, type TestApp } from '../support/test-app';
import { sql } from '../support/test-database';

const SENTENCE = 'Wat bedoel je met deze zin?';
const BODY = `Mevrouw J. belde twee keer. ${SENTENCE} Daarna werd het stil.\n\nWat bedoel je precies, vroeg de buurvrouw.`;

const ADD = `mutation ($input: AddCommentInput!) {
  addComment(input: $input) { id kind body anchor { exact prefix suffix orphaned start end } }
}`;
const THREADS = `query ($id: ID!, $open: Boolean) {
  item(id: $id) {
    comments(open: $open) {
      id body deletedAt editedAt resolvedAt parentId
      anchor { exact prefix suffix orphaned }
      author { displayName }
      replies { id body parentId author { displayName } }
    }
  }
}`;
const REPLY = `mutation ($input: ReplyToCommentInput!) { replyToComment(input: $input) { id body parentId } }`;

/**
 * Klankbord in the text: comments anchored to a quote of the body (resolved
 * into Yjs relative positions, read back while the text changes), threads of
 * replies, edit, delete, resolve and reopen, and live delivery to readers.
 */
describe('Comment threads and anchors', () => {
  let t: TestApp;
  let c: CommunityFixture;
  const closing: { close?(): void; destroy?(): void }[] = [];

  beforeAll(async () => {
    t = await startTestApp({ COLLAB_IDLE_UNLOAD_MS: '300' });
    c = await communityWithPeople(t.baseUrl);
  });
  afterEach(() => closing.splice(0).forEach((x) => (x.close ? x.close() : x.destroy?.())));
  afterAll(() => t?.close());

  const newCase = (title = 'Casus') =>
    createItem(t.baseUrl, c.member.token, { communityId: c.communityId, kind: 'CASE', title, body: BODY });
  const threads = async (itemId: string, token = c.member.token, open?: boolean) =>
    (await gqlData(t.baseUrl, THREADS, { id: itemId, open }, token)).item.comments as any[];
  const commentCount = async (itemId: string) =>
    Number(
      (await sql<{ n: string }>(t.db.url, 'SELECT count(*) AS n FROM comments WHERE item_id = $1', [itemId]))[0].n,
    );
  const editor = async (itemId: string, token = c.member.token): Promise<CollabClient> => {
    const client = await connectClient(t.baseUrl, token, itemId);
    closing.push(client);
    return client;
  };
  const live = async (token: string): Promise<LiveClient> => {
    const client = await openLive(t.baseUrl, { token });
    closing.push(client);
    await client.next((e) => e.type === 'ready');
    return client;
  };

  it('anchors a quote that occurs once, and refuses one that does not, or occurs twice without deciding context', async () => {
    const { id } = await newCase();
    const added = await gqlData(
      t.baseUrl,
      ADD,
      { input: { itemId: id, kind: 'QUESTION', body: 'Welke zin bedoel je?', anchor: { exact: SENTENCE } } },
      c.reader.token,
    );
    expect(added.addComment.anchor).toMatchObject({
      exact: SENTENCE,
      prefix: 'Mevrouw J. belde twee keer. ',
      suffix: ' Daarna werd het stil.\nWat bedoe', // 32 characters of context
      orphaned: false,
    });
    expect(added.addComment.anchor.start).toMatch(/^[A-Za-z0-9+/]+=*$/);

    const refused = async (anchor: Record<string, unknown>, field = 'anchor.exact') => {
      const before = await commentCount(id);
      const result = await gql(
        t.baseUrl,
        ADD,
        { input: { itemId: id, kind: 'QUESTION', body: 'Vraag', anchor } },
        c.member.token,
      );
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors![0].extensions!.field).toBe(field);
      expect(await commentCount(id)).toBe(before);
      return result.errors![0].message;
    };
    expect(await refused({ exact: 'Deze zin staat er niet' })).toMatch(/staat niet in het item.*does not occur/);
    expect(await refused({ exact: 'Wat bedoel je' })).toMatch(/meer dan eens.*more than once/);
    expect(await refused({ exact: 'Wat bedoel je', prefix: 'niets' })).toMatch(/meer dan eens/);
    expect(await refused({ exact: 'x'.repeat(1001) })).toMatch(/hoogstens 1000 tekens.*at most 1000/);
    await refused({ exact: 'Wat bedoel je', suffix: 'y'.repeat(1001) }, 'anchor.suffix');

    // A prefix (or suffix) that decides: the second "Wat bedoel je".
    const second = await gqlData(
      t.baseUrl,
      ADD,
      {
        input: {
          itemId: id,
          kind: 'REACTION',
          body: 'Hier ook',
          anchor: { exact: 'Wat bedoel je', prefix: 'stil.\n' },
        },
      },
      c.member.token,
    );
    expect(second.addComment.anchor).toMatchObject({
      exact: 'Wat bedoel je',
      prefix: expect.stringMatching(/stil\.\n$/),
    });
    // Without an anchor a comment is about the whole item, as before.
    const whole = await gqlData(
      t.baseUrl,
      ADD,
      { input: { itemId: id, kind: 'SUMMARY', body: 'Samengevat' } },
      c.member.token,
    );
    expect(whole.addComment.anchor).toBeNull();
  });

  it('keeps its place while someone types before, inside and after it; orphaned with the last quote when deleted', async () => {
    const { id } = await newCase('Levend');
    const anna = await editor(id);
    const [comment] = [
      (
        await gqlData(
          t.baseUrl,
          ADD,
          { input: { itemId: id, kind: 'QUESTION', body: 'Welke?', anchor: { exact: SENTENCE } } },
          c.reader.token,
        )
      ).addComment,
    ];
    const paragraph = anna.doc.getXmlFragment('default').get(0) as Y.XmlElement;
    const text = paragraph.get(0) as Y.XmlText;
    const anchorNow = async () => (await threads(id)).find((x) => x.id === comment.id).anchor;

    text.insert(0, 'Vooraf geschreven. ');
    const inside = text.toString().indexOf('deze zin');
    text.insert(inside, 'precies ');
    text.insert(text.toString().indexOf(' Daarna'), ' (toegevoegd)');
    await waitFor(
      async () => (await anchorNow()).exact === 'Wat bedoel je met precies deze zin?',
      3000,
      'the anchor to follow the edits',
    );
    expect(await anchorNow()).toMatchObject({ orphaned: false, suffix: expect.stringMatching(/^ \(toegevoegd\)/) });

    const start = text.toString().indexOf('Wat bedoel je met precies');
    text.delete(start, 'Wat bedoel je met precies deze zin?'.length);
    await waitFor(async () => (await anchorNow()).orphaned === true, 3000, 'the anchor to be orphaned');
    expect((await anchorNow()).exact).toBe('Wat bedoel je met precies deze zin?');
  });

  it('threads replies, edits and deletes by the author only, resolves and reopens, and filters open threads', async () => {
    const { id } = await newCase('Draad');
    const root = (
      await gqlData(
        t.baseUrl,
        ADD,
        { input: { itemId: id, kind: 'QUESTION', body: 'Wat bedoel je?', anchor: { exact: SENTENCE } } },
        c.member.token,
      )
    ).addComment;
    const first = (
      await gqlData(t.baseUrl, REPLY, { input: { commentId: root.id, body: 'Dat zij twijfelde.' } }, c.reader.token)
    ).replyToComment;
    expect(first).toMatchObject({ parentId: root.id, body: 'Dat zij twijfelde.' });
    // A reply to a reply joins the thread.
    const second = (
      await gqlData(
        t.baseUrl,
        REPLY,
        { input: { commentId: first.id, body: 'Dank, @Fenna kijk mee', mentions: [c.facilitator.id] } },
        c.member.token,
      )
    ).replyToComment;
    expect(second.parentId).toBe(root.id);
    let [thread] = await threads(id);
    expect(thread.replies.map((r: any) => [r.body, r.author.displayName])).toEqual([
      ['Dat zij twijfelde.', 'Lea Lezer'],
      ['Dank, @Fenna kijk mee', 'Mo Lid'],
    ]);
    const mention = await sql(
      t.db.url,
      `SELECT 1 FROM notifications WHERE user_id = $1 AND comment_id = $2 AND kind = 'MENTION'`,
      [c.facilitator.id, second.id],
    );
    expect(mention).toHaveLength(1);

    // Bad replies: empty, too long, unknown comment.
    expect(errorCode(await gql(t.baseUrl, REPLY, { input: { commentId: root.id, body: ' ' } }, c.reader.token))).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      errorCode(await gql(t.baseUrl, REPLY, { input: { commentId: root.id, body: 'x'.repeat(5001) } }, c.reader.token)),
    ).toBe('BAD_USER_INPUT');
    expect(errorCode(await gql(t.baseUrl, REPLY, { input: { commentId: 'nope', body: 'x' } }, c.reader.token))).toBe(
      'NOT_FOUND',
    );

    // Editing: the author only.
    const EDIT = `mutation ($input: EditCommentInput!) { editComment(input: $input) { id body editedAt } }`;
    const edited = await gqlData(
      t.baseUrl,
      EDIT,
      { input: { id: first.id, body: 'Dat zij het niet wist.' } },
      c.reader.token,
    );
    expect(edited.editComment).toMatchObject({ body: 'Dat zij het niet wist.', editedAt: expect.any(String) });
    expect(
      errorCode(await gql(t.baseUrl, EDIT, { input: { id: first.id, body: 'Gekaapt' } }, c.facilitator.token)),
    ).toBe('FORBIDDEN');
    expect(errorCode(await gql(t.baseUrl, EDIT, { input: { id: first.id, body: '' } }, c.reader.token))).toBe(
      'BAD_USER_INPUT',
    );

    // Resolve hides it from the open threads; reopen by a facilitator, not by another member.
    const RESOLVE = `mutation ($id: ID!) { resolveComment(id: $id) { id resolvedAt } }`;
    const REOPEN = `mutation ($id: ID!) { reopenComment(id: $id) { id resolvedAt } }`;
    expect(errorCode(await gql(t.baseUrl, RESOLVE, { id: root.id }, c.reader.token))).toBe('FORBIDDEN');
    await gqlData(t.baseUrl, RESOLVE, { id: root.id }, c.member.token);
    expect(await threads(id, c.member.token, true)).toEqual([]);
    expect(await threads(id, c.member.token)).toHaveLength(1);
    expect(errorCode(await gql(t.baseUrl, REOPEN, { id: root.id }, c.reader.token))).toBe('FORBIDDEN');
    expect(
      (await gqlData(t.baseUrl, REOPEN, { id: root.id }, c.facilitator.token)).reopenComment.resolvedAt,
    ).toBeNull();
    expect(await threads(id, c.member.token, true)).toHaveLength(1);
    expect(errorCode(await gql(t.baseUrl, RESOLVE, { id: first.id }, c.reader.token))).toBe('BAD_USER_INPUT');

    // Deleting: a thread with replies stays as "verwijderd"; once its replies are gone, it goes.
    const DELETE = `mutation ($id: ID!) { deleteComment(id: $id) }`;
    expect(errorCode(await gql(t.baseUrl, DELETE, { id: root.id }, c.facilitator.token))).toBe('FORBIDDEN');
    expect((await gqlData(t.baseUrl, DELETE, { id: root.id }, c.member.token)).deleteComment).toBe(true);
    [thread] = await threads(id);
    expect(thread).toMatchObject({ id: root.id, body: '', deletedAt: expect.any(String) });
    expect(thread.replies).toHaveLength(2);
    expect(thread.anchor.exact).toBe(SENTENCE);
    expect(errorCode(await gql(t.baseUrl, EDIT, { input: { id: root.id, body: 'Terug' } }, c.member.token))).toBe(
      'NOT_FOUND',
    );
    await gqlData(t.baseUrl, DELETE, { id: first.id }, c.reader.token);
    expect((await threads(id))[0].replies.map((r: any) => r.id)).toEqual([second.id]);
    await gqlData(t.baseUrl, DELETE, { id: second.id }, c.member.token);
    expect(await threads(id)).toEqual([]);
    expect(await commentCount(id)).toBe(0);
  });

  it('refuses replies and changes from someone who cannot read the item, and writes nothing', async () => {
    const { id } = await newCase('Besloten');
    const root = (
      await gqlData(t.baseUrl, ADD, { input: { itemId: id, kind: 'QUESTION', body: 'Vraag' } }, c.member.token)
    ).addComment;
    const before = await commentCount(id);
    for (const [query, variables] of [
      [REPLY, { input: { commentId: root.id, body: 'Ik lees mee' } }],
      [
        `mutation ($input: EditCommentInput!) { editComment(input: $input) { id } }`,
        { input: { id: root.id, body: 'x' } },
      ],
      [`mutation ($id: ID!) { deleteComment(id: $id) }`, { id: root.id }],
      [`mutation ($id: ID!) { reopenComment(id: $id) { id } }`, { id: root.id }],
    ] as const) {
      const result = await gql(t.baseUrl, query, variables, c.outsider.token);
      expect(errorCode(result)).toBe('NOT_FOUND');
      expect(result.errors![0].message).toMatch(/bestaat niet of je hebt er geen toegang toe/);
    }
    expect(errorCode(await gql(t.baseUrl, REPLY, { input: { commentId: root.id, body: 'x' } }))).toBe(
      'UNAUTHENTICATED',
    );
    expect(await commentCount(id)).toBe(before);
  });

  it('reaches everyone who may read the item live, and nobody else', async () => {
    const { id } = await newCase('Live');
    const [member, facilitator, outsider] = await Promise.all([
      live(c.member.token),
      live(c.facilitator.token),
      live(c.outsider.token),
    ]);
    const started = Date.now();
    const root = (
      await gqlData(
        t.baseUrl,
        ADD,
        { input: { itemId: id, kind: 'QUESTION', body: 'Live vraag', anchor: { exact: SENTENCE } } },
        c.reader.token,
      )
    ).addComment;
    for (const stream of [member, facilitator]) {
      const event = await stream.next((e) => e.type === 'comment' && e.data.commentId === root.id, 1000);
      expect(event.data).toEqual({ itemId: id, commentId: root.id, threadId: root.id, change: 'added' });
    }
    expect(Date.now() - started).toBeLessThan(5000);
    const reply = (await gqlData(t.baseUrl, REPLY, { input: { commentId: root.id, body: 'Antwoord' } }, c.member.token))
      .replyToComment;
    expect((await facilitator.next((e) => e.type === 'comment' && e.data.commentId === reply.id)).data).toMatchObject({
      threadId: root.id,
      change: 'replied',
    });
    await gqlData(t.baseUrl, `mutation ($id: ID!) { resolveComment(id: $id) { id } }`, { id: root.id }, c.reader.token);
    await member.next((e) => e.type === 'comment' && e.data.change === 'resolved');
    await new Promise((r) => setTimeout(r, 200));
    expect(outsider.events.filter((e) => e.type === 'comment')).toEqual([]);
  });

  it('finds its text again after an old version is restored', async () => {
    const { id } = await newCase('Versies');
    const anna = await editor(id);
    const text = (anna.doc.getXmlFragment('default').get(1) as Y.XmlElement).get(0) as Y.XmlText;
    text.insert(text.length, ' Later toegevoegd.');
    anna.destroy();
    await waitFor(
      async () => (await sql(t.db.url, 'SELECT 1 FROM item_revisions WHERE item_id = $1', [id])).length > 0,
      5000,
      'a revision',
    );
    const [revision] = (
      await gqlData(t.baseUrl, `query ($id: ID!) { itemRevisions(itemId: $id) { id } }`, { id }, c.member.token)
    ).itemRevisions;
    const root = (
      await gqlData(
        t.baseUrl,
        ADD,
        { input: { itemId: id, kind: 'QUESTION', body: 'Blijft dit staan?', anchor: { exact: SENTENCE } } },
        c.reader.token,
      )
    ).addComment;
    // Restoring writes the body anew: the old positions lose their text, the quote finds it again.
    await gqlData(
      t.baseUrl,
      `mutation ($id: ID!) { restoreRevision(id: $id) { id } }`,
      { id: revision.id },
      c.member.token,
    );
    const [thread] = await threads(id);
    expect(thread.id).toBe(root.id);
    expect(thread.anchor).toMatchObject({ exact: SENTENCE, orphaned: false });
  });

  it('keeps threads, replies and their places through the community archive', async () => {
    const token = c.facilitator.token;
    const newCommunity = async (name: string) =>
      (
        await gqlData(
          t.baseUrl,
          `mutation ($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`,
          { input: { name, visibility: 'PRIVATE' } },
          token,
        )
      ).createCommunity.id as string;
    const source = await newCommunity('Leernetwerk met draden');
    const { id } = await createItem(t.baseUrl, token, {
      communityId: source,
      kind: 'CASE',
      title: 'Casus',
      body: BODY,
    });
    const root = (
      await gqlData(
        t.baseUrl,
        ADD,
        { input: { itemId: id, kind: 'QUESTION', body: 'Welke zin?', anchor: { exact: SENTENCE } } },
        token,
      )
    ).addComment;
    await gqlData(t.baseUrl, REPLY, { input: { commentId: root.id, body: 'Deze.' } }, token);
    await gqlData(t.baseUrl, ADD, { input: { itemId: id, kind: 'SUMMARY', body: 'Over alles' } }, token);

    const zip = new Uint8Array(
      await (
        await fetch(`${t.baseUrl}/export/communities/${source}`, { headers: { Authorization: `Bearer ${token}` } })
      ).arrayBuffer(),
    );
    const target = await newCommunity('Leernetwerk hersteld');
    const restored = await fetch(`${t.baseUrl}/export/communities/${target}/import`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/zip', Authorization: `Bearer ${token}` },
      body: zip,
    });
    expect(restored.status).toBe(200);
    const items = await gqlData(
      t.baseUrl,
      `query ($id: ID!) { items(communityId: $id) { edges { node { id } } } }`,
      { id: target },
      token,
    );
    const [restoredId] = items.items.edges.map((e: any) => e.node.id);
    const list = await threads(restoredId, token);
    expect(
      list.map((x) => [x.body, x.anchor?.exact ?? null, x.anchor?.orphaned ?? null, x.replies.map((r: any) => r.body)]),
    ).toEqual([
      ['Welke zin?', SENTENCE, false, ['Deze.']],
      ['Over alles', null, null, []],
    ]);
  });
});
