import { createHmac, randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { sql, storedDocument } from '../support/test-database';
import { gql, startTestApp, TestApp } from '../support/test-app';
import { communityWithPeople, CommunityFixture, createItem } from '../support/fixtures';
import { collabTicket, connectClient, typeParagraph, upgradeStatus, waitFor } from '../support/collab-client';

const ITEM = `query ($id: ID!) { item(id: $id) { text markdown updatedAt authors { id displayName } } }`;

async function forgeTicket(t: TestApp, claims: { i: string; u: string; r: boolean; e: number }): Promise<string> {
  const [{ value }] = await sql<{ value: Buffer }>(
    t.db.url,
    `SELECT value FROM server_secrets WHERE name = 'collab-ticket'`,
  );
  const payload = Buffer.from(JSON.stringify({ ...claims, n: randomBytes(4).toString('hex') })).toString('base64url');
  return `${payload}.${createHmac('sha256', value).update(payload).digest('base64url')}`;
}

function closeOf(socket: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
}

describe('real-time co-editing over y-websocket', () => {
  let t: TestApp;
  let c: CommunityFixture;
  const clients: { destroy(): void }[] = [];
  const track = <T extends { destroy(): void }>(client: T): T => (clients.push(client), client);

  beforeAll(async () => {
    t = await startTestApp({
      COLLAB_IDLE_UNLOAD_MS: '300',
      COLLAB_MAX_DOCUMENT_BYTES: String(256 * 1024),
      COLLAB_MAX_MESSAGE_BYTES: String(128 * 1024),
    });
    c = await communityWithPeople(t.baseUrl);
  });
  afterEach(() => clients.splice(0).forEach((client) => client.destroy()));
  afterAll(() => t.close());

  const newCase = (body = '# Situatie\n\nBegin van de casus.') =>
    createItem(t.baseUrl, c.member.token, { communityId: c.communityId, kind: 'CASE', title: 'Live casus', body });

  it('issues tickets bound to item and role, with the socket URL on the same port', async () => {
    const { id } = await newCase();
    const forMember = await collabTicket(t.baseUrl, c.member.token, id);
    expect(forMember.url).toBe(`${t.baseUrl.replace('http', 'ws')}/collab`);
    expect(forMember.readOnly).toBe(false);
    expect(new Date(forMember.expiresAt).getTime()).toBeGreaterThan(Date.now());
    expect((await collabTicket(t.baseUrl, c.reader.token, id)).readOnly).toBe(true);
    const outsider = await gql(
      t.baseUrl,
      `mutation ($id: ID!) { collabTicket(itemId: $id) { token } }`,
      { id },
      c.outsider.token,
    );
    expect(outsider.errors![0].extensions!.code).toBe('NOT_FOUND');
  });

  it('two editors converge, starting from the body the server wrote', async () => {
    const { id } = await newCase();
    const a = track(await connectClient(t.baseUrl, c.member.token, id));
    const b = track(await connectClient(t.baseUrl, c.facilitator.token, id));
    expect(a.text()).toBe('Situatie\nBegin van de casus.');
    typeParagraph(a.doc, 'Mo schrijft mee.');
    typeParagraph(b.doc, 'Fenna vult aan.');
    await waitFor(
      () => a.text() === b.text() && a.text().includes('Mo schrijft') && a.text().includes('Fenna vult'),
      5000,
      'convergence',
    );
    expect(Y.encodeStateVector(a.doc)).toEqual(Y.encodeStateVector(b.doc));
  });

  it('stores every update within a moment, and derives text, updatedAt and authors', async () => {
    const { id } = await newCase();
    const before = (await gql(t.baseUrl, ITEM, { id }, c.member.token)).data!.item;
    const b = track(await connectClient(t.baseUrl, c.facilitator.token, id));
    typeParagraph(b.doc, 'Aanvulling van de facilitator.');
    await waitFor(
      async () => (await sql(t.db.url, 'SELECT 1 FROM yjs_updates WHERE item_id = $1', [id])).length > 0,
      1000,
      'the update to be stored',
    );
    await waitFor(
      async () => (await gql(t.baseUrl, ITEM, { id }, c.member.token)).data!.item.text.includes('Aanvulling'),
      3000,
      'the derived text',
    );
    const after = (await gql(t.baseUrl, ITEM, { id }, c.member.token)).data!.item;
    expect(after.text).toBe('Situatie\nBegin van de casus.\nAanvulling van de facilitator.');
    expect(after.markdown).toContain('Aanvulling van de facilitator.');
    expect(new Date(after.updatedAt).getTime()).toBeGreaterThan(new Date(before.updatedAt).getTime());
    expect(after.authors.map((a: { displayName: string }) => a.displayName)).toEqual(['Mo Lid', 'Fenna Facilitator']);
  });

  it('gives readers the document and presence, refuses their edits and never stores them', async () => {
    const { id } = await newCase();
    const editor = track(await connectClient(t.baseUrl, c.member.token, id));
    const reader = track(await connectClient(t.baseUrl, c.reader.token, id));
    expect(reader.text()).toBe('Situatie\nBegin van de casus.');
    typeParagraph(reader.doc, 'Lezer probeert te schrijven.');
    typeParagraph(editor.doc, 'Het lid schrijft.');
    await waitFor(() => reader.text().includes('Het lid schrijft.'), 3000, 'the reader to receive edits');
    await new Promise((r) => setTimeout(r, 400));
    expect(editor.text()).not.toContain('Lezer probeert');
    const doc = await storedDocument(t.db.url, id);
    expect(doc.getXmlFragment('default').toString()).not.toContain('Lezer probeert');
    expect(doc.getXmlFragment('default').toString()).toContain('Het lid schrijft.');
  });

  it('shows everyone as who they are, whatever their client claims', async () => {
    const { id } = await newCase();
    const mallory = track(await connectClient(t.baseUrl, c.member.token, id));
    const observer = track(await connectClient(t.baseUrl, c.facilitator.token, id));
    mallory.provider.awareness.setLocalStateField('user', { name: 'Fenna Facilitator', color: '#000000' });
    await waitFor(() => observer.provider.awareness.getStates().has(mallory.doc.clientID), 3000, 'presence');
    const seen = observer.provider.awareness.getStates().get(mallory.doc.clientID) as {
      user: { name: string; id: string };
    };
    expect(seen.user.name).toBe('Mo Lid');
    expect(seen.user.id).toBe(c.member.id);
  });

  it('refuses missing, malformed, forged, expired and other-item tickets with 401 before any socket opens', async () => {
    const { id } = await newCase();
    const other = await newCase();
    const base = `${t.baseUrl.replace('http', 'ws')}/collab/${id}`;
    const good = await collabTicket(t.baseUrl, c.member.token, id);
    const [payload, signature] = good.token.split('.');
    const tampered = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), u: c.facilitator.id }),
    ).toString('base64url');
    const expired = await forgeTicket(t, { i: id, u: c.member.id, r: false, e: Math.floor(Date.now() / 1000) - 1 });
    const otherItem = await collabTicket(t.baseUrl, c.member.token, other.id);
    const cases: [string, string][] = [
      ['missing', base],
      ['garbage', `${base}?ticket=not-a-ticket`],
      ['tampered payload', `${base}?ticket=${tampered}.${signature}`],
      ['bad signature', `${base}?ticket=${payload}.${'A'.repeat(signature.length)}`],
      ['expired', `${base}?ticket=${expired}`],
      ['for another item', `${base}?ticket=${otherItem.token}`],
      ['not an item id', `${t.baseUrl.replace('http', 'ws')}/collab/..%2Fgraphql?ticket=${good.token}`],
    ];
    for (const [, url] of cases) expect(await upgradeStatus(url)).toBe(401);
    expect(await upgradeStatus(`${base}?ticket=${good.token}`)).toBe(101);
  });

  it('closes the sockets of a removed member within a second, and makes a downgraded one read-only', async () => {
    const own = await communityWithPeople(t.baseUrl);
    const { id } = await createItem(t.baseUrl, own.member.token, {
      communityId: own.communityId,
      kind: 'CASE',
      title: 'Rollen',
    });
    const member = track(await connectClient(t.baseUrl, own.member.token, id));
    const reader = track(await connectClient(t.baseUrl, own.reader.token, id));
    const facilitator = track(await connectClient(t.baseUrl, own.facilitator.token, id));

    const closed = new Promise<number>((resolve) =>
      member.provider.ws!.addEventListener('close', (event) => resolve((event as { code: number }).code)),
    );
    await gql(
      t.baseUrl,
      `mutation ($input: RemoveMemberInput!) { removeMember(input: $input) }`,
      { input: { communityId: own.communityId, userId: own.member.id } },
      own.facilitator.token,
    );
    const started = Date.now();
    expect(await closed).toBe(4403);
    expect(Date.now() - started).toBeLessThan(1000);
    member.provider.disconnect();

    // The reader becomes a member: edits flow. The facilitator becomes a reader: edits stop.
    await gql(
      t.baseUrl,
      `mutation ($input: ChangeMemberRoleInput!) { changeMemberRole(input: $input) { role } }`,
      { input: { communityId: own.communityId, userId: own.reader.id, role: 'FACILITATOR' } },
      own.facilitator.token,
    );
    await gql(
      t.baseUrl,
      `mutation ($input: ChangeMemberRoleInput!) { changeMemberRole(input: $input) { role } }`,
      { input: { communityId: own.communityId, userId: own.facilitator.id, role: 'READER' } },
      own.facilitator.token,
    );
    typeParagraph(facilitator.doc, 'Na de degradatie.');
    typeParagraph(reader.doc, 'Na de promotie.');
    await waitFor(() => facilitator.text().includes('Na de promotie.'), 3000, 'the promoted edit');
    await new Promise((r) => setTimeout(r, 300));
    expect(reader.text()).not.toContain('Na de degradatie.');
  });

  it('tells an open connection at once when its access changes: adoption, downgrade and upgrade close it with 4409', async () => {
    const own = await communityWithPeople(t.baseUrl);
    const source = await createItem(t.baseUrl, own.member.token, {
      communityId: own.communityId,
      kind: 'CASE',
      title: 'Casus: de voordeur',
      body: 'Eerst aanbellen, dan wachten.',
    });
    const promoted = await gql(
      t.baseUrl,
      `mutation ($input: PromoteToGuidelineInput!) { promoteToGuideline(input: $input) { id } }`,
      { input: { sourceItemIds: [source.id], title: 'Richtlijn: de voordeur' } },
      own.facilitator.token,
    );
    const id = promoted.data!.promoteToGuideline.id as string;
    const closeCode = (client: { provider: { ws: { addEventListener: WebSocket['addEventListener'] } | null } }) =>
      new Promise<number>((resolve) =>
        client.provider.ws!.addEventListener('close', (event) => resolve((event as { code: number }).code)),
      );
    const setStatus = (status: string) =>
      gql(
        t.baseUrl,
        `mutation ($input: SetGuidelineStatusInput!) { setGuidelineStatus(input: $input) { guidelineStatus } }`,
        { input: { id, status } },
        own.facilitator.token,
      );

    // Adoption: the member's open socket is told within a second; a new ticket says read-only.
    const member = track(await connectClient(t.baseUrl, own.member.token, id));
    let closed = closeCode(member);
    await setStatus('IN_UITPROBEERFASE');
    await setStatus('VASTGESTELD');
    let started = Date.now();
    expect(await closed).toBe(4409);
    expect(Date.now() - started).toBeLessThan(1000);
    expect((await collabTicket(t.baseUrl, own.member.token, id)).readOnly).toBe(true);
    member.provider.disconnect();

    // A stage move leaves access as it was: the socket stays open.
    const { id: caseId } = await createItem(t.baseUrl, own.member.token, {
      communityId: own.communityId,
      kind: 'CASE',
      title: 'Rol',
    });
    const writer = track(await connectClient(t.baseUrl, own.member.token, caseId));
    let codes: number[] = [];
    writer.provider.ws!.addEventListener('close', (event) => codes.push((event as { code: number }).code));
    await gql(
      t.baseUrl,
      `mutation ($input: SetItemStageInput!) { setItemStage(input: $input) { stage } }`,
      { input: { id: caseId, stage: 'EXTERNALISATIE' } },
      own.facilitator.token,
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(codes).toEqual([]);

    // Downgraded to reader: closed with 4409 at once, and edits sent after it are not stored.
    closed = closeCode(writer);
    await gql(
      t.baseUrl,
      `mutation ($input: ChangeMemberRoleInput!) { changeMemberRole(input: $input) { role } }`,
      { input: { communityId: own.communityId, userId: own.member.id, role: 'READER' } },
      own.facilitator.token,
    );
    started = Date.now();
    expect(await closed).toBe(4409);
    expect(Date.now() - started).toBeLessThan(1000);
    await waitFor(() => writer.provider.synced && writer.provider.wsconnected, 10_000, 'the reconnect');

    // Back to member: the read-only socket is closed with 4409 too, and the new one may write.
    codes = [];
    closed = closeCode(writer);
    await gql(
      t.baseUrl,
      `mutation ($input: ChangeMemberRoleInput!) { changeMemberRole(input: $input) { role } }`,
      { input: { communityId: own.communityId, userId: own.member.id, role: 'MEMBER' } },
      own.facilitator.token,
    );
    expect(await closed).toBe(4409);
    await waitFor(() => writer.provider.synced && writer.provider.wsconnected, 10_000, 'the reconnect');
    typeParagraph(writer.doc, 'Weer lid.');
    const reader = track(await connectClient(t.baseUrl, own.facilitator.token, caseId));
    await waitFor(() => reader.text().includes('Weer lid.'), 10_000, 'the edit after the upgrade');
  });

  it('unloads an idle document into a snapshot and a revision, and restores a revision live', async () => {
    const { id } = await newCase('Eerste versie.');
    const a = track(await connectClient(t.baseUrl, c.member.token, id));
    typeParagraph(a.doc, 'Toevoeging die later teruggedraaid wordt.');
    await waitFor(
      async () => (await sql(t.db.url, 'SELECT 1 FROM yjs_updates WHERE item_id = $1', [id])).length > 0,
      1000,
      'the update',
    );
    a.destroy();

    // After the last editor leaves: snapshot compacted, one revision recorded.
    await waitFor(
      async () => (await sql(t.db.url, 'SELECT 1 FROM item_revisions WHERE item_id = $1', [id])).length === 1,
      3000,
      'a revision',
    );
    await waitFor(
      async () => (await sql(t.db.url, 'SELECT 1 FROM yjs_updates WHERE item_id = $1', [id])).length === 0,
      3000,
      'compaction',
    );
    const revisions = await gql(
      t.baseUrl,
      `query ($id: ID!) { itemRevisions(itemId: $id) { id createdAt authors { displayName } } }`,
      { id },
      c.reader.token,
    );
    const [revision] = revisions.data!.itemRevisions;
    expect(revision.authors).toEqual([{ displayName: 'Mo Lid' }]);
    const content = await gql(
      t.baseUrl,
      `query ($id: ID!) { revision(id: $id) { text markdown } }`,
      { id: revision.id },
      c.reader.token,
    );
    expect(content.data!.revision.text).toBe('Eerste versie.\nToevoeging die later teruggedraaid wordt.');

    // Later edits, then a restore: the connected editor sees the old content come back.
    const b = track(await connectClient(t.baseUrl, c.facilitator.token, id));
    b.doc.transact(() => b.doc.getXmlFragment('default').delete(0, b.doc.getXmlFragment('default').length));
    typeParagraph(b.doc, 'Alles herschreven.');
    await new Promise((r) => setTimeout(r, 200));
    expect(
      (
        await gql(
          t.baseUrl,
          `mutation ($id: ID!) { restoreRevision(id: $id) { id } }`,
          { id: revision.id },
          c.reader.token,
        )
      ).errors![0].extensions!.code,
    ).toBe('FORBIDDEN');
    const restored = await gql(
      t.baseUrl,
      `mutation ($id: ID!) { restoreRevision(id: $id) { id } }`,
      { id: revision.id },
      c.member.token,
    );
    expect(restored.errors).toBeUndefined();
    await waitFor(
      () => b.text() === 'Eerste versie.\nToevoeging die later teruggedraaid wordt.',
      3000,
      'the restore to arrive live',
    );
    await waitFor(
      async () => (await gql(t.baseUrl, ITEM, { id }, c.member.token)).data!.item.text === b.text(),
      3000,
      'the derived text after restore',
    );
  });

  it('closes only the offending socket for malformed frames, oversized frames and oversized documents', async () => {
    const { id } = await newCase();
    const bystander = track(await connectClient(t.baseUrl, c.facilitator.token, id));
    const open = async () => {
      const ticket = await collabTicket(t.baseUrl, c.member.token, id);
      const socket = new WebSocket(`${ticket.url}/${id}?ticket=${ticket.token}`);
      await new Promise((resolve) => socket.on('open', resolve));
      return socket;
    };

    const garbage = await open();
    garbage.send(Buffer.from([0, 2, 250, 255, 255, 255, 255, 15, 1, 2, 3]));
    expect((await closeOf(garbage)).code).toBe(4400);

    const text = await open();
    text.send('hallo');
    expect((await closeOf(text)).code).toBe(4400);

    const huge = await open();
    huge.send(Buffer.alloc(200 * 1024, 1));
    expect((await closeOf(huge)).code).toBe(1009);

    // A document that would grow past its cap (256 KiB here): refused with 4413.
    const writer = await open();
    const big = new Y.Doc();
    const closing = closeOf(writer);
    for (let i = 0; i < 5; i++) {
      const before = Y.encodeStateVector(big);
      big.getXmlFragment('default').insert(0, [new Y.XmlText('x'.repeat(100 * 1024))]);
      const update = Y.encodeStateAsUpdate(big, before);
      writer.send(Buffer.concat([Buffer.from([0, 2]), encodeVarUint(update.length), Buffer.from(update)]));
    }
    expect(await closing).toEqual({ code: 4413, reason: 'Document te groot / Document too large' });

    // The bystander stayed connected and editing still works.
    typeParagraph(bystander.doc, 'Nog steeds verbonden.');
    const fresh = track(await connectClient(t.baseUrl, c.member.token, id));
    await waitFor(() => fresh.text().includes('Nog steeds verbonden.'), 3000, 'a fresh client to see the edit');
    expect(bystander.provider.wsconnected).toBe(true);
  });

  it('refuses to open a document that cannot be loaded, and leaves it as stored', async () => {
    const { id } = await newCase();
    await sql(t.db.url, `UPDATE yjs_snapshots SET state = '\\x00ff00ff'::bytea WHERE item_id = $1`, [id]);
    const ticket = await collabTicket(t.baseUrl, c.member.token, id);
    const socket = new WebSocket(`${ticket.url}/${id}?ticket=${ticket.token}`);
    const closed = await closeOf(socket);
    expect(closed.code).toBe(4500);
    const [row] = await sql<{ state: Buffer }>(t.db.url, 'SELECT state FROM yjs_snapshots WHERE item_id = $1', [id]);
    expect(row.state.toString('hex')).toBe('00ff00ff');
    expect(await sql(t.db.url, 'SELECT 1 FROM yjs_updates WHERE item_id = $1', [id])).toHaveLength(0);
  });
});

function encodeVarUint(value: number): Buffer {
  const bytes: number[] = [];
  while (value > 127) {
    bytes.push((value & 127) | 128);
    value = Math.floor(value / 128);
  }
  bytes.push(value);
  return Buffer.from(bytes);
}
