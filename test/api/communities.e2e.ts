import { sql } from '../support/test-database';
import { errorCode, gql, registerUser, startTestApp, TestApp } from '../support/test-app';
import { communityWithPeople, CommunityFixture } from '../support/fixtures';

const COMMUNITY = `query ($id: ID!) { community(id: $id) { id name visibility myRole members { user { id displayName } role perspective email } } }`;
const CHANGE_ROLE = `mutation ($input: ChangeMemberRoleInput!) { changeMemberRole(input: $input) { role user { id } } }`;
const REMOVE = `mutation ($input: RemoveMemberInput!) { removeMember(input: $input) }`;

describe('communities (leernetwerken)', () => {
  let t: TestApp;
  let c: CommunityFixture;
  beforeAll(async () => {
    t = await startTestApp();
    c = await communityWithPeople(t.baseUrl);
  });
  afterAll(() => t.close());

  it('makes the creator facilitator and shows members with role and perspective', async () => {
    const result = await gql(t.baseUrl, COMMUNITY, { id: c.communityId }, c.facilitator.token);
    const community = result.data!.community;
    expect(community.myRole).toBe('FACILITATOR');
    expect(community.members).toHaveLength(3);
    const mo = community.members.find((m: any) => m.user.id === c.member.id);
    expect(mo).toMatchObject({ role: 'MEMBER', perspective: 'ERVARINGSDESKUNDIGE', email: c.member.email });
  });

  it('shows e-mail addresses to facilitators only (and each member their own)', async () => {
    const result = await gql(t.baseUrl, COMMUNITY, { id: c.communityId }, c.reader.token);
    const members = result.data!.community.members as { user: { id: string }; email: string | null }[];
    expect(members.find((m) => m.user.id === c.facilitator.id)!.email).toBeNull();
    expect(members.find((m) => m.user.id === c.reader.id)!.email).toBe(c.reader.email);
  });

  it('lists a user’s communities and NETWORK ones, but never another PRIVATE one', async () => {
    const network = await communityWithPeople(t.baseUrl, 'NETWORK');
    const list = await gql(t.baseUrl, '{ communities { id myRole visibility } }', {}, c.outsider.token);
    const ids = list.data!.communities.map((x: any) => x.id);
    expect(ids).toContain(network.communityId);
    expect(ids).not.toContain(c.communityId);
    expect(list.data!.communities.find((x: any) => x.id === network.communityId).myRole).toBeNull();
  });

  it('answers a non-member asking for a PRIVATE community with NOT_FOUND, like a missing one', async () => {
    const hidden = await gql(t.baseUrl, COMMUNITY, { id: c.communityId }, c.outsider.token);
    const missing = await gql(t.baseUrl, COMMUNITY, { id: '00000000-0000-4000-8000-000000000000' }, c.outsider.token);
    const garbage = await gql(t.baseUrl, COMMUNITY, { id: "1' OR '1'='1" }, c.outsider.token);
    for (const r of [hidden, missing, garbage]) expect(errorCode(r)).toBe('NOT_FOUND');
    expect(hidden.errors![0].message).toBe(missing.errors![0].message);
  });

  it('lets a NETWORK visitor read the community but not its member list', async () => {
    const network = await communityWithPeople(t.baseUrl, 'NETWORK');
    const result = await gql(
      t.baseUrl,
      `query ($id: ID!) { community(id: $id) { name myRole } }`,
      { id: network.communityId },
      c.outsider.token,
    );
    expect(result.data!.community.myRole).toBeNull();
    const members = await gql(t.baseUrl, COMMUNITY, { id: network.communityId }, c.outsider.token);
    expect(errorCode(members)).toBe('FORBIDDEN');
  });

  it('only facilitators manage members', async () => {
    const newcomer = await registerUser(t.baseUrl);
    const byMember = await gql(
      t.baseUrl,
      `mutation ($input: InviteMemberInput!) { inviteMember(input: $input) { id } }`,
      { input: { communityId: c.communityId, email: newcomer.email, role: 'MEMBER', perspective: 'OTHER' } },
      c.member.token,
    );
    expect(errorCode(byMember)).toBe('FORBIDDEN');
    const promote = await gql(
      t.baseUrl,
      CHANGE_ROLE,
      { input: { communityId: c.communityId, userId: c.member.id, role: 'FACILITATOR' } },
      c.member.token,
    );
    expect(errorCode(promote)).toBe('FORBIDDEN');
    const kick = await gql(
      t.baseUrl,
      REMOVE,
      { input: { communityId: c.communityId, userId: c.reader.id } },
      c.member.token,
    );
    expect(errorCode(kick)).toBe('FORBIDDEN');
  });

  it('keeps at least one facilitator', async () => {
    const own = await communityWithPeople(t.baseUrl);
    const demote = await gql(
      t.baseUrl,
      CHANGE_ROLE,
      { input: { communityId: own.communityId, userId: own.facilitator.id, role: 'MEMBER' } },
      own.facilitator.token,
    );
    expect(errorCode(demote)).toBe('BAD_USER_INPUT');
    const leave = await gql(
      t.baseUrl,
      REMOVE,
      { input: { communityId: own.communityId, userId: own.facilitator.id } },
      own.facilitator.token,
    );
    expect(errorCode(leave)).toBe('BAD_USER_INPUT');
    expect(leave.errors![0].message).toMatch(/minstens één facilitator/);

    // With a second facilitator the first may step down.
    const up = await gql(
      t.baseUrl,
      CHANGE_ROLE,
      { input: { communityId: own.communityId, userId: own.member.id, role: 'FACILITATOR' } },
      own.facilitator.token,
    );
    expect(up.data!.changeMemberRole.role).toBe('FACILITATOR');
    const down = await gql(
      t.baseUrl,
      CHANGE_ROLE,
      { input: { communityId: own.communityId, userId: own.facilitator.id, role: 'MEMBER' } },
      own.facilitator.token,
    );
    expect(down.errors).toBeUndefined();
    const roles = await sql<{ role: string }>(
      t.db.url,
      `SELECT role FROM memberships WHERE community_id = $1 AND role = 'FACILITATOR'`,
      [own.communityId],
    );
    expect(roles).toHaveLength(1);
  });

  it('lets members leave and facilitators remove; access ends at once', async () => {
    const own = await communityWithPeople(t.baseUrl);
    expect(
      (
        await gql(
          t.baseUrl,
          REMOVE,
          { input: { communityId: own.communityId, userId: own.reader.id } },
          own.reader.token,
        )
      ).data!.removeMember,
    ).toBe(true);
    expect(
      (
        await gql(
          t.baseUrl,
          REMOVE,
          { input: { communityId: own.communityId, userId: own.member.id } },
          own.facilitator.token,
        )
      ).data!.removeMember,
    ).toBe(true);
    for (const user of [own.reader, own.member]) {
      expect(errorCode(await gql(t.baseUrl, COMMUNITY, { id: own.communityId }, user.token))).toBe('NOT_FOUND');
    }
  });

  it('changes perspectives: facilitators anyone’s, members their own', async () => {
    const own = await communityWithPeople(t.baseUrl);
    const set = `mutation ($input: SetMemberPerspectiveInput!) { setMemberPerspective(input: $input) { perspective user { id } } }`;
    const byFacilitator = await gql(
      t.baseUrl,
      set,
      { input: { communityId: own.communityId, userId: own.member.id, perspective: 'BEWONER' } },
      own.facilitator.token,
    );
    expect(byFacilitator.data!.setMemberPerspective.perspective).toBe('BEWONER');
    const ownChoice = await gql(
      t.baseUrl,
      set,
      { input: { communityId: own.communityId, userId: own.reader.id, perspective: 'ONDERZOEKER' } },
      own.reader.token,
    );
    expect(ownChoice.data!.setMemberPerspective.perspective).toBe('ONDERZOEKER');
    const othersChoice = await gql(
      t.baseUrl,
      set,
      { input: { communityId: own.communityId, userId: own.member.id, perspective: 'MANAGER' } },
      own.reader.token,
    );
    expect(othersChoice.errors![0].extensions!.code).toBe('FORBIDDEN');
    const outsider = await gql(
      t.baseUrl,
      set,
      { input: { communityId: own.communityId, userId: own.outsider.id, perspective: 'MANAGER' } },
      own.facilitator.token,
    );
    expect(outsider.errors![0].extensions!.code).toBe('NOT_FOUND');
    const rows = await sql<{ perspective: string }>(
      t.db.url,
      'SELECT perspective FROM memberships WHERE user_id = $1 AND community_id = $2',
      [own.member.id, own.communityId],
    );
    expect(rows).toEqual([{ perspective: 'BEWONER' }]);
  });

  it('validates names and visibility', async () => {
    const create = `mutation ($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`;
    const before = await sql(t.db.url, 'SELECT count(*)::int AS n FROM communities');
    expect(
      errorCode(await gql(t.baseUrl, create, { input: { name: '  ', visibility: 'PRIVATE' } }, c.facilitator.token)),
    ).toBe('BAD_USER_INPUT');
    expect(
      errorCode(
        await gql(t.baseUrl, create, { input: { name: 'x'.repeat(121), visibility: 'PRIVATE' } }, c.facilitator.token),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      errorCode(await gql(t.baseUrl, create, { input: { name: 'Ok', visibility: 'PUBLIC' } }, c.facilitator.token)),
    ).toBe('BAD_USER_INPUT');
    expect(await sql(t.db.url, 'SELECT count(*)::int AS n FROM communities')).toEqual(before);
  });
  interface AuditPage {
    edges: { cursor: string; node: { action: string; targetId: string | null; actor: { id: string } } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  }
  it('pages the audit log as a connection, newest first', async () => {
    const fresh = await communityWithPeople(t.baseUrl);
    const AUDIT = `query ($id: ID!, $after: String) { auditLog(communityId: $id, first: 1, after: $after) { edges { cursor node { action targetId actor { id } } } pageInfo { hasNextPage endCursor } } }`;
    const seen: { action: string; targetId: string | null }[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const result: { data?: { auditLog: AuditPage } | null } = await gql(
        t.baseUrl,
        AUDIT,
        { id: fresh.communityId, after },
        fresh.facilitator.token,
      );
      const { edges, pageInfo }: AuditPage = result.data!.auditLog;
      expect(edges).toHaveLength(1);
      expect(pageInfo.endCursor).toBe(edges[0].cursor);
      // The facilitator acted, or the person who accepted their invitation.
      expect([fresh.facilitator.id, edges[0].node.targetId]).toContain(edges[0].node.actor.id);
      seen.push({ action: edges[0].node.action, targetId: edges[0].node.targetId });
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    // The fixture added the member, then the reader: newest first.
    const added = seen.filter((entry) => entry.action === 'member.add').map((entry) => entry.targetId);
    expect(added).toEqual([fresh.reader.id, fresh.member.id]);
  });
});
