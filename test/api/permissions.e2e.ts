import { Access, Action, can } from '@spiraal/domain';
import { errorCode, gql, registerUser, startTestApp, TestApp, TestUser } from '../support/test-app';
import { communityWithPeople, CommunityFixture, createItem } from '../support/fixtures';

/**
 * The permission table of @spiraal/domain, exercised through GraphQL: for every
 * operation and every access level, the outcome must be exactly what `can`
 * says — NOT_FOUND for whoever may not read the community, FORBIDDEN for
 * whoever may read but not act, success otherwise.
 */
interface Operation {
  name: string;
  action: Action;
  query: string;
  /** Fresh variables per attempt, so an allowed mutation never spoils the next one. */
  variables(c: CommunityFixture, t: TestApp): Promise<Record<string, unknown>>;
}

const itemBy = (c: CommunityFixture, t: TestApp) => createItem(t.baseUrl, c.facilitator.token, { communityId: c.communityId, kind: 'CASE', title: 'Casus voor de matrix', body: 'Tekst' });

const OPERATIONS: Operation[] = [
  { name: 'community', action: 'community.read', query: `query ($id: ID!) { community(id: $id) { id } }`, variables: async (c) => ({ id: c.communityId }) },
  { name: 'community.members', action: 'member.list', query: `query ($id: ID!) { community(id: $id) { members { role } } }`, variables: async (c) => ({ id: c.communityId }) },
  { name: 'items', action: 'community.read', query: `query ($id: ID!) { items(communityId: $id) { totalCount } }`, variables: async (c) => ({ id: c.communityId }) },
  { name: 'item', action: 'community.read', query: `query ($id: ID!) { item(id: $id) { id text markdown } }`, variables: async (c, t) => ({ id: (await itemBy(c, t)).id }) },
  {
    name: 'createItem',
    action: 'item.create',
    query: `mutation ($input: CreateItemInput!) { createItem(input: $input) { id } }`,
    variables: async (c) => ({ input: { communityId: c.communityId, kind: 'NOTE', title: 'Notitie' } }),
  },
  {
    name: 'createItem (GUIDELINE)',
    action: 'guideline.create',
    query: `mutation ($input: CreateItemInput!) { createItem(input: $input) { id } }`,
    variables: async (c) => ({ input: { communityId: c.communityId, kind: 'GUIDELINE', title: 'Richtlijn' } }),
  },
  {
    name: 'updateItem',
    action: 'item.edit',
    query: `mutation ($input: UpdateItemInput!) { updateItem(input: $input) { id } }`,
    variables: async (c, t) => ({ input: { id: (await itemBy(c, t)).id, title: 'Nieuwe titel' } }),
  },
  {
    name: 'setItemStage',
    action: 'item.setStage',
    query: `mutation ($input: SetItemStageInput!) { setItemStage(input: $input) { id } }`,
    variables: async (c, t) => ({ input: { id: (await itemBy(c, t)).id, stage: 'COMBINATIE', reason: 'Matrix' } }),
  },
  {
    name: "archiveItem (someone else's)",
    action: 'item.archive',
    query: `mutation ($id: ID!) { archiveItem(id: $id) { id } }`,
    variables: async (c, t) => ({ id: (await itemBy(c, t)).id }),
  },
  {
    name: 'addMember',
    action: 'member.manage',
    query: `mutation ($input: AddMemberInput!) { addMember(input: $input) { role } }`,
    variables: async (c, t) => ({ input: { communityId: c.communityId, email: (await registerUser(t.baseUrl)).email, role: 'MEMBER', perspective: 'OTHER' } }),
  },
  {
    name: 'changeMemberRole',
    action: 'member.manage',
    query: `mutation ($input: ChangeMemberRoleInput!) { changeMemberRole(input: $input) { role } }`,
    variables: async (c, t) => ({ input: { communityId: c.communityId, userId: await newMember(c, t), role: 'READER' } }),
  },
  {
    name: 'setMemberPerspective (someone else)',
    action: 'member.manage',
    query: `mutation ($input: SetMemberPerspectiveInput!) { setMemberPerspective(input: $input) { perspective } }`,
    variables: async (c, t) => ({ input: { communityId: c.communityId, userId: await newMember(c, t), perspective: 'DOCENT' } }),
  },
  {
    name: 'removeMember (someone else)',
    action: 'member.manage',
    query: `mutation ($input: RemoveMemberInput!) { removeMember(input: $input) }`,
    variables: async (c, t) => ({ input: { communityId: c.communityId, userId: await newMember(c, t) } }),
  },
  {
    name: 'promoteToGuideline',
    action: 'guideline.create',
    query: `mutation ($input: PromoteToGuidelineInput!) { promoteToGuideline(input: $input) { id } }`,
    variables: async (c, t) => ({ input: { sourceItemIds: [(await itemBy(c, t)).id], title: 'Richtlijn uit de matrix' } }),
  },
  {
    name: 'setGuidelineStatus',
    action: 'guideline.setStatus',
    query: `mutation ($input: SetGuidelineStatusInput!) { setGuidelineStatus(input: $input) { id } }`,
    variables: async (c, t) => ({ input: { id: await guideline(c, t, 'CONCEPT'), status: 'IN_UITPROBEERFASE' } }),
  },
  {
    name: 'reviseGuideline',
    action: 'guideline.setStatus',
    query: `mutation ($id: ID!) { reviseGuideline(id: $id) { id } }`,
    variables: async (c, t) => ({ id: await guideline(c, t, 'VASTGESTELD') }),
  },
  {
    name: 'recordApplication',
    action: 'reflection.record',
    query: `mutation ($input: RecordApplicationInput!) { recordApplication(input: $input) { id } }`,
    variables: async (c, t) => ({ input: { guidelineId: await guideline(c, t, 'IN_UITPROBEERFASE'), body: 'Ik probeerde het uit.' } }),
  },
  {
    name: 'addComment',
    action: 'comment.create',
    query: `mutation ($input: AddCommentInput!) { addComment(input: $input) { id } }`,
    variables: async (c, t) => ({ input: { itemId: (await itemBy(c, t)).id, kind: 'QUESTION', body: 'Wat maakte het moeilijk?' } }),
  },
  {
    name: "resolveComment (someone else's)",
    action: 'comment.resolve',
    query: `mutation ($id: ID!) { resolveComment(id: $id) { id } }`,
    variables: async (c, t) => ({ id: await commentBy(c, t) }),
  },
  {
    name: 'createMeeting',
    action: 'meeting.manage',
    query: `mutation ($input: CreateMeetingInput!) { createMeeting(input: $input) { id } }`,
    variables: async (c) => ({ input: { communityId: c.communityId, title: 'Intervisie', date: '2026-12-01T14:00:00.000Z', kind: 'INTERVISIE' } }),
  },
  {
    name: 'addAgendaItem',
    action: 'meeting.manage',
    query: `mutation ($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { id } }`,
    variables: async (c, t) => ({ input: { meetingId: await meetingBy(c, t), itemId: (await itemBy(c, t)).id } }),
  },
  { name: 'meetings', action: 'community.read', query: `query ($id: ID!) { meetings(communityId: $id) { id agenda { id } } }`, variables: async (c) => ({ id: c.communityId }) },
  {
    name: 'meeting',
    action: 'community.read',
    query: `query ($id: ID!) { meeting(id: $id) { id agendaSuggestions { reason } report { id } } }`,
    variables: async (c, t) => ({ id: await meetingBy(c, t) }),
  },
  {
    name: 'spiral',
    action: 'community.read',
    query: `query ($id: ID!) { spiral(communityId: $id) { stageCounts { stage count } transitions { from to count } signals { code } } }`,
    variables: async (c) => ({ id: c.communityId }),
  },
];

/** A guideline (made by the facilitator) in the given status. */
async function guideline(c: CommunityFixture, t: TestApp, status: 'CONCEPT' | 'IN_UITPROBEERFASE' | 'VASTGESTELD'): Promise<string> {
  const promoted = await gql(t.baseUrl, `mutation ($input: PromoteToGuidelineInput!) { promoteToGuideline(input: $input) { id } }`, { input: { sourceItemIds: [(await itemBy(c, t)).id], title: 'Richtlijn' } }, c.facilitator.token);
  const id = promoted.data!.promoteToGuideline.id as string;
  if (status !== 'CONCEPT') {
    const set = await gql(t.baseUrl, `mutation ($input: SetGuidelineStatusInput!) { setGuidelineStatus(input: $input) { id } }`, { input: { id, status } }, c.facilitator.token);
    if (set.errors) throw new Error(JSON.stringify(set.errors));
  }
  return id;
}

async function commentBy(c: CommunityFixture, t: TestApp): Promise<string> {
  const added = await gql(t.baseUrl, `mutation ($input: AddCommentInput!) { addComment(input: $input) { id } }`, { input: { itemId: (await itemBy(c, t)).id, kind: 'REACTION', body: 'Herkenbaar.' } }, c.facilitator.token);
  return added.data!.addComment.id as string;
}

async function meetingBy(c: CommunityFixture, t: TestApp): Promise<string> {
  const created = await gql(t.baseUrl, `mutation ($input: CreateMeetingInput!) { createMeeting(input: $input) { id } }`, { input: { communityId: c.communityId, title: 'Klankbord', date: '2026-12-08T14:00:00.000Z', kind: 'KLANKBORD' } }, c.facilitator.token);
  return created.data!.createMeeting.id as string;
}

async function newMember(c: CommunityFixture, t: TestApp): Promise<string> {
  const user = await registerUser(t.baseUrl);
  await gql(t.baseUrl, `mutation ($input: AddMemberInput!) { addMember(input: $input) { role } }`, { input: { communityId: c.communityId, email: user.email, role: 'MEMBER', perspective: 'OTHER' } }, c.facilitator.token);
  return user.id;
}

function expected(access: Access, action: Action): 'OK' | 'NOT_FOUND' | 'FORBIDDEN' {
  if (!can(access, 'community.read')) return 'NOT_FOUND';
  return can(access, action, { ownedByActor: false }) ? 'OK' : 'FORBIDDEN';
}

describe('the permission table through GraphQL', () => {
  let t: TestApp;
  let privateCommunity: CommunityFixture;
  let networkCommunity: CommunityFixture;
  beforeAll(async () => {
    t = await startTestApp();
    [privateCommunity, networkCommunity] = await Promise.all([communityWithPeople(t.baseUrl, 'PRIVATE'), communityWithPeople(t.baseUrl, 'NETWORK')]);
  });
  afterAll(() => t.close());

  const actors: [Access, 'PRIVATE' | 'NETWORK', (c: CommunityFixture) => TestUser][] = [
    ['FACILITATOR', 'PRIVATE', (c) => c.facilitator],
    ['MEMBER', 'PRIVATE', (c) => c.member],
    ['READER', 'PRIVATE', (c) => c.reader],
    ['NONE', 'PRIVATE', (c) => c.outsider],
    ['VISITOR', 'NETWORK', (c) => c.outsider],
    ['MEMBER', 'NETWORK', (c) => c.member],
  ];

  for (const [access, visibility, actor] of actors) {
    for (const op of OPERATIONS) {
      const outcome = expected(access, op.action);
      it(`${access} on a ${visibility} community: ${op.name} -> ${outcome}`, async () => {
        const c = visibility === 'PRIVATE' ? privateCommunity : networkCommunity;
        const result = await gql(t.baseUrl, op.query, await op.variables(c, t), actor(c).token);
        if (outcome === 'OK') {
          expect(result.errors).toBeUndefined();
          expect(result.data).not.toBeNull();
        } else {
          expect(errorCode(result)).toBe(outcome);
        }
      });
    }
  }

  it('a member may archive their own item', async () => {
    const c = privateCommunity;
    const own = await createItem(t.baseUrl, c.member.token, { communityId: c.communityId, kind: 'NOTE', title: 'Van mij' });
    const result = await gql(t.baseUrl, `mutation ($id: ID!) { archiveItem(id: $id) { id } }`, { id: own.id }, c.member.token);
    expect(result.errors).toBeUndefined();
  });

  it('an item id from a PRIVATE community reveals nothing to an outsider', async () => {
    const c = privateCommunity;
    const { id } = await itemBy(c, t);
    for (const query of [`query ($id: ID!) { item(id: $id) { title } }`, `mutation ($id: ID!) { archiveItem(id: $id) { id } }`]) {
      const hidden = await gql(t.baseUrl, query, { id }, c.outsider.token);
      const missing = await gql(t.baseUrl, query, { id: '11111111-1111-4111-8111-111111111111' }, c.outsider.token);
      expect(errorCode(hidden)).toBe('NOT_FOUND');
      expect(hidden.errors![0].message).toBe(missing.errors![0].message);
      expect(hidden.data).toBeNull();
    }
  });
});
