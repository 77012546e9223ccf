import * as Y from 'yjs';
import { errorCode, gql, gqlData, startTestApp, TestApp, TestUser } from '../support/test-app';
import { communityWithPeople, CommunityFixture, createItem } from '../support/fixtures';
import { collabTicket, CollabClient, connectClient, waitFor } from '../support/collab-client';

/** Voorstellen (issue 18, point 3): SUGGEST mode on an adopted guideline, enforced on the websocket. */

const MESSAGE_AUTH = 2;
const PROPOSALS = `query ($id: ID!) { proposals(itemId: $id) { id authorName inserted deleted author { id } } }`;
const ITEM = `query ($id: ID!) { item(id: $id) { markdown guidelineVersion guidelineStatus
  guidelineVersions { number markdown proposedBy { id displayName } } } }`;

type Item = {
  markdown: string;
  guidelineVersion: number;
  guidelineStatus: string;
  guidelineVersions: { number: number; markdown: string; proposedBy: { id: string; displayName: string }[] }[];
};

describe('voorstellen over y-websocket', () => {
  let t: TestApp;
  let c: CommunityFixture;
  let guidelineId: string;
  const clients: CollabClient[] = [];

  /** A connected client, and how many permission-denied messages the server sent it. */
  async function connect(user: TestUser): Promise<{ client: CollabClient; denied: () => number }> {
    const client = await connectClient(t.baseUrl, user.token, guidelineId);
    clients.push(client);
    let denied = 0;
    client.provider.ws!.addEventListener('message', (event) => {
      const data = new Uint8Array((event as { data: ArrayBuffer }).data);
      if (data[0] === MESSAGE_AUTH) denied++;
    });
    return { client, denied: () => denied };
  }

  /** The Y.XmlText holding this text, as y-prosemirror keeps a paragraph. */
  function textNode(doc: Y.Doc, containing: string): Y.XmlText {
    const walk = (node: Y.XmlFragment | Y.XmlElement): Y.XmlText | null => {
      for (const child of node.toArray()) {
        if (child instanceof Y.XmlText && child.toString().includes(containing)) return child;
        if (child instanceof Y.XmlElement) {
          const found = walk(child);
          if (found) return found;
        }
      }
      return null;
    };
    const found = walk(doc.getXmlFragment('default'));
    if (!found) throw new Error(`no text with ${containing}`);
    return found;
  }

  const proposalOf = (user: TestUser, id: string) => ({
    id,
    authorId: user.id,
    authorName: user.displayName,
    createdAt: new Date().toISOString(),
  });
  const item = async () =>
    (await gqlData<{ item: Item }>(t.baseUrl, ITEM, { id: guidelineId }, c.facilitator.token)).item;
  const proposals = async (user: TestUser = c.member) =>
    (
      await gqlData<{ proposals: { id: string; authorName: string; inserted: string; deleted: string }[] }>(
        t.baseUrl,
        PROPOSALS,
        { id: guidelineId },
        user.token,
      )
    ).proposals;
  const search = async (query: string) =>
    (
      await gqlData<{ search: { hits: { item: { id: string } }[] } }>(
        t.baseUrl,
        `query ($input: SearchInput!) { search(input: $input) { hits { item { id } } } }`,
        { input: { query } },
        c.member.token,
      )
    ).search.hits.map((h) => h.item.id);
  const decide = (what: 'acceptProposals' | 'rejectProposals', user: TestUser, proposalIds?: string[]) =>
    gql(
      t.baseUrl,
      `mutation ($input: DecideProposalsInput!) { ${what}(input: $input) { guidelineVersion } }`,
      { input: { itemId: guidelineId, proposalIds } },
      user.token,
    );

  beforeAll(async () => {
    // y-websocket warns on every refusal; the refusals are counted above instead.
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    t = await startTestApp();
    c = await communityWithPeople(t.baseUrl);
    const source = await createItem(t.baseUrl, c.facilitator.token, {
      communityId: c.communityId,
      kind: 'CASE',
      title: 'Huisbezoek',
      body: 'Bel eerst aan en stel je voor aan de bewoner.',
    });
    const promoted = await gqlData<{ promoteToGuideline: { id: string } }>(
      t.baseUrl,
      `mutation ($input: PromoteToGuidelineInput!) { promoteToGuideline(input: $input) { id } }`,
      { input: { sourceItemIds: [source.id], title: 'Richtlijn huisbezoek' } },
      c.facilitator.token,
    );
    guidelineId = promoted.promoteToGuideline.id;
    await gqlData(
      t.baseUrl,
      `mutation ($input: SetGuidelineStatusInput!) { setGuidelineStatus(input: $input) { id } }`,
      { input: { id: guidelineId, status: 'VASTGESTELD' } },
      c.facilitator.token,
    );
  });
  afterEach(() => clients.splice(0).forEach((client) => client.destroy()));
  afterAll(() => t.close());

  it('gives members and facilitators SUGGEST on an adopted guideline, readers READ', async () => {
    const mode = async (user: TestUser, id = guidelineId) => {
      const result = await gqlData<{ collabTicket: { mode: string; readOnly: boolean } }>(
        t.baseUrl,
        `mutation ($id: ID!) { collabTicket(itemId: $id) { mode readOnly } }`,
        { id },
        user.token,
      );
      return result.collabTicket;
    };
    expect(await mode(c.member)).toEqual({ mode: 'SUGGEST', readOnly: true });
    expect(await mode(c.facilitator)).toEqual({ mode: 'SUGGEST', readOnly: true });
    expect(await mode(c.reader)).toEqual({ mode: 'READ', readOnly: true });
    const draft = await createItem(t.baseUrl, c.member.token, { communityId: c.communityId, kind: 'CASE', title: 'X' });
    expect(await mode(c.member, draft.id)).toEqual({ mode: 'EDIT', readOnly: false });
    expect((await collabTicket(t.baseUrl, c.member.token, guidelineId)).readOnly).toBe(true);
  });

  it('refuses a member’s direct edit and a forged proposal; the document stays as it was', async () => {
    const before = (await item()).markdown;
    const { client, denied } = await connect(c.member);
    textNode(client.doc, 'Bel eerst').insert(0, 'Altijd: ');
    await waitFor(() => denied() === 1, 3000, 'the refusal of a direct edit');

    const second = await connect(c.member);
    // Claims to be the facilitator: the server knows who is connected.
    textNode(second.client.doc, 'Bel eerst').insert(0, 'Vooraf: ', {
      proposalInsert: proposalOf(c.facilitator, 'vervalst'),
    });
    await waitFor(() => second.denied() === 1, 3000, 'the refusal of a forged proposal');

    await new Promise((r) => setTimeout(r, 300)); // past the update log's flush window
    expect((await item()).markdown).toBe(before);
    expect(await proposals()).toEqual([]);
    const fresh = await connect(c.facilitator);
    expect(fresh.client.text()).not.toMatch(/Altijd|Vooraf/);
  });

  it('stores a proper proposal, leaves it out of export and search, and forbids a member to accept it', async () => {
    const { client, denied } = await connect(c.member);
    const text = textNode(client.doc, 'Bel eerst');
    const at = text.toString().indexOf('aan en');
    text.insert(at, 'zorgvuldig ', { proposalInsert: proposalOf(c.member, 'p-insert') });
    await waitFor(async () => (await proposals()).length === 1, 3000, 'the proposal to be stored');
    expect(denied()).toBe(0);
    expect(await proposals(c.reader)).toEqual([
      { id: 'p-insert', authorName: 'Mo Lid', inserted: 'zorgvuldig ', deleted: '', author: { id: c.member.id } },
    ]);
    // Markdown export and search show the text without open proposals.
    expect((await item()).markdown).not.toContain('zorgvuldig');
    expect(await search('bewoner')).toContain(guidelineId);
    expect(await search('zorgvuldig')).toEqual([]);

    const refused = await decide('acceptProposals', c.member);
    expect(errorCode(refused)).toBe('FORBIDDEN');
    expect(await proposals()).toHaveLength(1);
    expect((await item()).guidelineVersion).toBe(1);
  });

  it('a facilitator’s accept makes version 2 with the suggester in its provenance', async () => {
    const bad = await decide('acceptProposals', c.facilitator, ['bestaat-niet']);
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    const accepted = await decide('acceptProposals', c.facilitator, ['p-insert']);
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.acceptProposals.guidelineVersion).toBe(2);
    const now = await item();
    expect(now.guidelineStatus).toBe('VASTGESTELD');
    expect(now.markdown).toContain('zorgvuldig aan en');
    expect(now.guidelineVersions.map((v) => v.number)).toEqual([2, 1]);
    expect(now.guidelineVersions[0].markdown).toContain('zorgvuldig');
    expect(now.guidelineVersions[0].proposedBy).toEqual([{ id: c.member.id, displayName: 'Mo Lid' }]);
    expect(now.guidelineVersions[1].proposedBy).toEqual([]);
    expect(await proposals()).toEqual([]);
    await waitFor(async () => (await search('zorgvuldig')).includes(guidelineId), 10_000, 'the accepted text indexed');
  });

  it('rejecting a proposed deletion keeps the text and makes no version', async () => {
    const { client } = await connect(c.member);
    const text = textNode(client.doc, 'stel je voor');
    const at = text.toString().indexOf('stel je voor');
    text.format(at, 'stel je voor'.length, { proposalDelete: proposalOf(c.member, 'p-delete') });
    await waitFor(async () => (await proposals()).length === 1, 3000, 'the proposed deletion');
    expect((await item()).markdown).toContain('stel je voor');

    // The community archive keeps the open proposal beside the text and restores it.
    const zip = new Uint8Array(
      await (
        await fetch(`${t.baseUrl}/export/communities/${c.communityId}`, {
          headers: { Authorization: `Bearer ${c.facilitator.token}` },
        })
      ).arrayBuffer(),
    );
    const target = await gqlData<{ createCommunity: { id: string } }>(
      t.baseUrl,
      `mutation ($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`,
      { input: { name: 'Hersteld', visibility: 'PRIVATE' } },
      c.facilitator.token,
    );
    const restored = await fetch(`${t.baseUrl}/export/communities/${target.createCommunity.id}/import`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/zip', Authorization: `Bearer ${c.facilitator.token}` },
      body: zip,
    });
    expect(restored.status).toBe(200);
    const copies = await gqlData<{ items: { edges: { node: { id: string; kind: string } }[] } }>(
      t.baseUrl,
      `query ($id: ID!) { items(communityId: $id) { edges { node { id kind } } } }`,
      { id: target.createCommunity.id },
      c.facilitator.token,
    );
    const copy = copies.items.edges.find((e) => e.node.kind === 'GUIDELINE')!.node.id;
    const restoredProposals = await gqlData<{ proposals: { id: string; authorName: string; deleted: string }[] }>(
      t.baseUrl,
      `query ($id: ID!) { proposals(itemId: $id) { id authorName deleted } }`,
      { id: copy },
      c.facilitator.token,
    );
    expect(restoredProposals.proposals).toEqual([{ id: 'p-delete', authorName: 'Mo Lid', deleted: 'stel je voor' }]);
    const rejected = await decide('rejectProposals', c.facilitator);
    expect(rejected.errors).toBeUndefined();
    expect(rejected.data!.rejectProposals.guidelineVersion).toBe(2);
    expect(await proposals()).toEqual([]);
    expect((await item()).markdown).toContain('stel je voor');
    expect(errorCode(await decide('rejectProposals', c.facilitator))).toBe('BAD_USER_INPUT');
  });
});
