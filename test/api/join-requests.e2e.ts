import { communityWithPeople, CommunityFixture, createItem } from '../support/fixtures';
import { errorCode, gql, gqlData, registerUser, startTestApp, TestApp, TestUser } from '../support/test-app';
import { sql } from '../support/test-database';

const DIRECTORY = `{ communityDirectory { id name description visibility myRole joinRequested facilitators { id displayName email } } }`;
const REQUEST = `mutation ($communityId: ID!, $message: String) { requestToJoin(communityId: $communityId, message: $message) }`;
const OPEN = `query ($communityId: ID!) { joinRequests(communityId: $communityId) { id user { id displayName } message createdAt } }`;
const ANSWER = `mutation ($id: ID!, $accept: Boolean!) { answerJoinRequest(id: $id, accept: $accept) }`;
const UPDATE = `mutation ($input: UpdateCommunityInput!) { updateCommunity(input: $input) { id name description visibility myRole } }`;
const SEARCH = `query ($input: SearchInput!) { search(input: $input) { totalHits readableCommunities } }`;
const AUDIT = `query ($id: ID!) { auditLog(communityId: $id) { edges { node { action targetId details actor { displayName } } } } }`;

interface DirectoryEntry {
  id: string;
  name: string;
  visibility: string;
  myRole: string | null;
  joinRequested: boolean;
  facilitators: { id: string; displayName: string; email: string | null }[];
}

/** A newcomer finds a LISTED leernetwerk, asks to join and is let in; facilitators change their community's settings. */
describe('LISTED communities, the directory and requests to join', () => {
  let t: TestApp;
  let listed: CommunityFixture;
  let hidden: CommunityFixture;
  let newcomer: TestUser;
  const directory = async (user: TestUser) =>
    (await gqlData<{ communityDirectory: DirectoryEntry[] }>(t.baseUrl, DIRECTORY, {}, user.token)).communityDirectory;

  beforeAll(async () => {
    t = await startTestApp();
    [listed, hidden] = await Promise.all([communityWithPeople(t.baseUrl), communityWithPeople(t.baseUrl)]);
    await gqlData(
      t.baseUrl,
      UPDATE,
      { input: { id: listed.communityId, name: 'Leernetwerk Mantelzorg Oost', visibility: 'LISTED' } },
      listed.facilitator.token,
    );
    await createItem(t.baseUrl, listed.member.token, {
      communityId: listed.communityId,
      kind: 'CASE',
      title: 'Casus: overbelaste mantelzorger',
      body: 'De dochter zorgt al jaren.',
    });
    newcomer = await registerUser(t.baseUrl, 'Nina Nieuw');
  });
  afterAll(() => t.close());

  it('with access to nothing, search says there is nothing to search yet', async () => {
    const { search } = await gqlData(t.baseUrl, SEARCH, { input: { query: 'mantelzorger' } }, newcomer.token);
    expect(search).toEqual({ totalHits: 0, readableCommunities: 0 });
    const member = await gqlData(t.baseUrl, SEARCH, { input: { query: 'mantelzorger' } }, listed.member.token);
    expect(member.search.readableCommunities).toBe(1);
  });

  it('lists a LISTED community with its facilitators to a newcomer, never its content, and no PRIVATE one', async () => {
    const entries = await directory(newcomer);
    expect(entries.map((e) => e.id)).toEqual([listed.communityId]);
    expect(entries[0]).toMatchObject({
      name: 'Leernetwerk Mantelzorg Oost',
      visibility: 'LISTED',
      myRole: null,
      joinRequested: false,
    });
    expect(entries[0].facilitators).toEqual([
      { id: listed.facilitator.id, displayName: 'Fenna Facilitator', email: null },
    ]);
    for (const query of [
      `query ($id: ID!) { community(id: $id) { id } }`,
      `query ($id: ID!) { items(communityId: $id) { totalCount } }`,
      `query ($id: ID!) { community(id: $id) { members { role } } }`,
    ]) {
      expect(errorCode(await gql(t.baseUrl, query, { id: listed.communityId }, newcomer.token))).toBe('NOT_FOUND');
    }
    expect(errorCode(await gql(t.baseUrl, OPEN, { communityId: listed.communityId }, newcomer.token))).toBe(
      'NOT_FOUND',
    );
  });

  it('lets a newcomer ask to join once; facilitators see the request and accept it', async () => {
    expect(
      (
        await gqlData(
          t.baseUrl,
          REQUEST,
          { communityId: listed.communityId, message: 'Ik ben wijkverpleegkundige in Oost.' },
          newcomer.token,
        )
      ).requestToJoin,
    ).toBe(true);
    expect((await gqlData(t.baseUrl, REQUEST, { communityId: listed.communityId }, newcomer.token)).requestToJoin).toBe(
      true,
    );
    expect((await directory(newcomer))[0].joinRequested).toBe(true);
    // Not for a PRIVATE community, not for its own members.
    expect(errorCode(await gql(t.baseUrl, REQUEST, { communityId: hidden.communityId }, newcomer.token))).toBe(
      'NOT_FOUND',
    );
    expect(errorCode(await gql(t.baseUrl, REQUEST, { communityId: listed.communityId }, listed.member.token))).toBe(
      'FORBIDDEN',
    );
    expect(
      errorCode(
        await gql(t.baseUrl, REQUEST, { communityId: listed.communityId, message: 'x'.repeat(1001) }, newcomer.token),
      ),
    ).toBe('BAD_USER_INPUT');

    expect(errorCode(await gql(t.baseUrl, OPEN, { communityId: listed.communityId }, listed.member.token))).toBe(
      'FORBIDDEN',
    );
    const { joinRequests } = await gqlData(
      t.baseUrl,
      OPEN,
      { communityId: listed.communityId },
      listed.facilitator.token,
    );
    expect(joinRequests).toEqual([
      {
        id: expect.any(String),
        user: { id: newcomer.id, displayName: 'Nina Nieuw' },
        message: 'Ik ben wijkverpleegkundige in Oost.',
        createdAt: expect.any(String),
      },
    ]);

    const id = joinRequests[0].id as string;
    expect(errorCode(await gql(t.baseUrl, ANSWER, { id, accept: true }, newcomer.token))).toBe('NOT_FOUND');
    expect(errorCode(await gql(t.baseUrl, ANSWER, { id, accept: true }, hidden.facilitator.token))).toBe('NOT_FOUND');
    expect(errorCode(await gql(t.baseUrl, ANSWER, { id, accept: true }, listed.member.token))).toBe('FORBIDDEN');
    expect((await gqlData(t.baseUrl, ANSWER, { id, accept: true }, listed.facilitator.token)).answerJoinRequest).toBe(
      true,
    );
    expect(errorCode(await gql(t.baseUrl, ANSWER, { id, accept: false }, listed.facilitator.token))).toBe(
      'BAD_USER_INPUT',
    );

    // In: a member who reads and writes.
    expect((await directory(newcomer))[0]).toMatchObject({ myRole: 'MEMBER', joinRequested: false });
    const items = await gqlData(
      t.baseUrl,
      `query ($id: ID!) { items(communityId: $id) { totalCount } }`,
      { id: listed.communityId },
      newcomer.token,
    );
    expect(items.items.totalCount).toBe(1);
    await createItem(t.baseUrl, newcomer.token, {
      communityId: listed.communityId,
      kind: 'STORY',
      title: 'Mijn eerste verhaal',
    });
    expect(
      (await gqlData(t.baseUrl, OPEN, { communityId: listed.communityId }, listed.facilitator.token)).joinRequests,
    ).toEqual([]);
  });

  it('declines a request: the asker stays outside and may ask again', async () => {
    const asker = await registerUser(t.baseUrl, 'Alex Afgewezen');
    await gqlData(t.baseUrl, REQUEST, { communityId: listed.communityId }, asker.token);
    const [request] = (await gqlData(t.baseUrl, OPEN, { communityId: listed.communityId }, listed.facilitator.token))
      .joinRequests;
    expect(request.message).toBeNull();
    await gqlData(t.baseUrl, ANSWER, { id: request.id, accept: false }, listed.facilitator.token);
    expect((await directory(asker))[0]).toMatchObject({ myRole: null, joinRequested: false });
    expect(await sql(t.db.url, `SELECT 1 FROM memberships WHERE user_id = $1`, [asker.id])).toEqual([]);
    const { auditLog } = await gqlData(t.baseUrl, AUDIT, { id: listed.communityId }, listed.facilitator.token);
    const answers = auditLog.edges
      .map((e: { node: unknown }) => e.node)
      .filter((e: { action: string }) => e.action === 'join.answer');
    expect(
      answers.map((e: { targetId: string; details: string }) => [e.targetId, JSON.parse(e.details).accepted]),
    ).toEqual([
      [asker.id, false],
      [newcomer.id, true],
    ]);
  });

  it('lets facilitators change name, description and visibility, audit-logged; nobody else', async () => {
    const input = {
      id: hidden.communityId,
      name: 'Leernetwerk Wijkzorg',
      description: 'Voor wie in de wijk werkt',
      visibility: 'NETWORK',
    };
    expect(errorCode(await gql(t.baseUrl, UPDATE, { input }, hidden.member.token))).toBe('FORBIDDEN');
    expect(errorCode(await gql(t.baseUrl, UPDATE, { input }, newcomer.token))).toBe('NOT_FOUND');
    expect(errorCode(await gql(t.baseUrl, UPDATE, { input: { ...input, name: ' ' } }, hidden.facilitator.token))).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      errorCode(await gql(t.baseUrl, UPDATE, { input: { id: hidden.communityId } }, hidden.facilitator.token)),
    ).toBe('BAD_USER_INPUT');
    const { updateCommunity } = await gqlData(t.baseUrl, UPDATE, { input }, hidden.facilitator.token);
    expect(updateCommunity).toEqual({ ...input, myRole: 'FACILITATOR' });
    const { auditLog } = await gqlData(t.baseUrl, AUDIT, { id: hidden.communityId }, hidden.facilitator.token);
    const [entry] = auditLog.edges
      .map((e: { node: unknown }) => e.node)
      .filter((e: { action: string }) => e.action === 'community.update');
    expect(entry.actor).toEqual({ displayName: 'Fenna Facilitator' });
    expect(JSON.parse(entry.details)).toEqual({
      name: { from: 'Leernetwerk PRIVATE', to: 'Leernetwerk Wijkzorg' },
      description: { from: 'Samen leren in de wijk', to: 'Voor wie in de wijk werkt' },
      visibility: { from: 'PRIVATE', to: 'NETWORK' },
    });
    // Now NETWORK: in the directory, and readable by the newcomer.
    expect((await directory(newcomer)).map((e) => e.name)).toEqual([
      'Leernetwerk Mantelzorg Oost',
      'Leernetwerk Wijkzorg',
    ]);
    expect(
      (await gqlData(t.baseUrl, SEARCH, { input: { query: 'mantelzorger' } }, newcomer.token)).search
        .readableCommunities,
    ).toBe(2);
  });
});
