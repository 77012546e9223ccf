import { GraphQLSchemaHost } from '@nestjs/graphql';
import { Access, Action, can } from '@spiraal/domain';
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { Kind, OperationDefinitionNode, parse } from 'graphql';
import { connectClient, collabTicket, typeParagraph, upgradeStatus, waitFor } from '../support/collab-client';
import { storedDocument, sql } from '../support/test-database';
import {
  addMember,
  errorCode,
  gql,
  GqlResult,
  registerUser,
  startTestApp,
  TestApp,
  TestUser,
} from '../support/test-app';
import { communityWithPeople, CommunityFixture, createItem } from '../support/fixtures';

/**
 * The permission table of @spiraal/domain, exercised through GraphQL and the
 * collab socket: for every operation and every way someone can stand towards
 * a PRIVATE or a NETWORK community (signed out, outsider or visitor, reader,
 * member, facilitator), the outcome must be exactly what `can` says —
 * UNAUTHENTICATED when signed out, NOT_FOUND for whoever may not read the
 * community, FORBIDDEN for whoever may read but not act, success otherwise.
 * Every root field of the schema must be in the matrix or named below as not
 * community-scoped, and an id from a community you are not in must reveal
 * nothing, word for word.
 */
interface Operation {
  name: string;
  action: Action;
  query: string;
  /** Fresh variables per attempt, so an allowed mutation never spoils the next one. */
  variables(c: CommunityFixture, t: TestApp): Promise<Record<string, unknown>>;
}

const itemBy = (c: CommunityFixture, t: TestApp) =>
  createItem(t.baseUrl, c.facilitator.token, {
    communityId: c.communityId,
    kind: 'CASE',
    title: 'Casus voor de matrix',
    body: 'Tekst',
  });

/** Numbers the synonym groups the matrix adds, so each is new. */
let synonymCount = 0;

const OPERATIONS: Operation[] = [
  {
    name: 'community',
    action: 'community.read',
    query: `query ($id: ID!) { community(id: $id) { id } }`,
    variables: async (c) => ({ id: c.communityId }),
  },
  {
    name: 'community.members',
    action: 'member.list',
    query: `query ($id: ID!) { community(id: $id) { members { role } } }`,
    variables: async (c) => ({ id: c.communityId }),
  },
  {
    name: 'items',
    action: 'community.read',
    query: `query ($id: ID!) { items(communityId: $id) { totalCount } }`,
    variables: async (c) => ({ id: c.communityId }),
  },
  {
    name: 'item',
    action: 'community.read',
    query: `query ($id: ID!) { item(id: $id) { id text markdown } }`,
    variables: async (c, t) => ({ id: (await itemBy(c, t)).id }),
  },
  {
    name: 'exportItem',
    action: 'community.read',
    query: `query ($id: ID!) { exportItem(id: $id) { filename markdown } }`,
    variables: async (c, t) => ({ id: (await itemBy(c, t)).id }),
  },
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
    name: 'inviteMember',
    action: 'member.manage',
    query: `mutation ($input: InviteMemberInput!) { inviteMember(input: $input) { id } }`,
    variables: async (c, t) => ({
      input: {
        communityId: c.communityId,
        email: (await registerUser(t.baseUrl)).email,
        role: 'MEMBER',
        perspective: 'OTHER',
      },
    }),
  },
  {
    name: 'communityInvitations',
    action: 'member.manage',
    query: `query ($id: ID!) { communityInvitations(communityId: $id) { id } }`,
    variables: async (c) => ({ id: c.communityId }),
  },
  {
    name: 'withdrawInvitation',
    action: 'member.manage',
    query: `mutation ($id: ID!) { withdrawInvitation(id: $id) }`,
    variables: async (c, t) => ({ id: await invitationBy(c, t) }),
  },
  {
    name: 'changeMemberRole',
    action: 'member.manage',
    query: `mutation ($input: ChangeMemberRoleInput!) { changeMemberRole(input: $input) { role } }`,
    variables: async (c, t) => ({
      input: { communityId: c.communityId, userId: await newMember(c, t), role: 'READER' },
    }),
  },
  {
    name: 'setMemberPerspective (someone else)',
    action: 'member.manage',
    query: `mutation ($input: SetMemberPerspectiveInput!) { setMemberPerspective(input: $input) { perspective } }`,
    variables: async (c, t) => ({
      input: { communityId: c.communityId, userId: await newMember(c, t), perspective: 'DOCENT' },
    }),
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
    variables: async (c, t) => ({
      input: { sourceItemIds: [(await itemBy(c, t)).id], title: 'Richtlijn uit de matrix' },
    }),
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
    variables: async (c, t) => ({
      input: { guidelineId: await guideline(c, t, 'IN_UITPROBEERFASE'), body: 'Ik probeerde het uit.' },
    }),
  },
  {
    name: 'addComment',
    action: 'comment.create',
    query: `mutation ($input: AddCommentInput!) { addComment(input: $input) { id } }`,
    variables: async (c, t) => ({
      input: { itemId: (await itemBy(c, t)).id, kind: 'QUESTION', body: 'Wat maakte het moeilijk?' },
    }),
  },
  {
    name: "resolveComment (someone else's)",
    action: 'comment.resolve',
    query: `mutation ($id: ID!) { resolveComment(id: $id) { id } }`,
    variables: async (c, t) => ({ id: await commentBy(c, t) }),
  },
  {
    name: "reopenComment (someone else's)",
    action: 'comment.resolve',
    query: `mutation ($id: ID!) { reopenComment(id: $id) { id } }`,
    variables: async (c, t) => ({ id: await commentBy(c, t) }),
  },
  {
    name: 'replyToComment',
    action: 'comment.create',
    query: `mutation ($input: ReplyToCommentInput!) { replyToComment(input: $input) { id } }`,
    variables: async (c, t) => ({ input: { commentId: await commentBy(c, t), body: 'Dat herken ik.' } }),
  },
  {
    name: "editComment (someone else's)",
    action: 'comment.edit',
    query: `mutation ($input: EditCommentInput!) { editComment(input: $input) { id } }`,
    variables: async (c, t) => ({ input: { id: await strangersComment(c, t), body: 'Anders gezegd.' } }),
  },
  {
    name: "deleteComment (someone else's)",
    action: 'comment.edit',
    query: `mutation ($id: ID!) { deleteComment(id: $id) }`,
    variables: async (c, t) => ({ id: await strangersComment(c, t) }),
  },
  {
    name: 'templates',
    action: 'community.read',
    query: `query ($communityId: ID!) { templates(communityId: $communityId) { id } }`,
    variables: async (c) => ({ communityId: c.communityId }),
  },
  {
    name: 'createTemplate',
    action: 'template.manage',
    query: `mutation ($input: CreateTemplateInput!) { createTemplate(input: $input) { id } }`,
    variables: async (c) => ({ input: { communityId: c.communityId, ...templateInput() } }),
  },
  {
    name: 'updateTemplate',
    action: 'template.manage',
    query: `mutation ($input: UpdateTemplateInput!) { updateTemplate(input: $input) { id } }`,
    variables: async (c, t) => ({ input: { id: await templateIn(c, t), description: 'Bijgewerkt.' } }),
  },
  {
    name: 'archiveTemplate',
    action: 'template.manage',
    query: `mutation ($id: ID!) { archiveTemplate(id: $id) { id } }`,
    variables: async (c, t) => ({ id: await templateIn(c, t) }),
  },
  {
    name: 'proposals',
    action: 'community.read',
    query: `query ($itemId: ID!) { proposals(itemId: $itemId) { id } }`,
    variables: async (c, t) => ({ itemId: (await itemBy(c, t)).id }),
  },
  {
    name: "acceptProposals (in someone else's item)",
    action: 'proposal.decide',
    query: `mutation ($input: DecideProposalsInput!) { acceptProposals(input: $input) { id } }`,
    variables: async (c, t) => ({ input: { itemId: await itemWithProposal(c, t) } }),
  },
  {
    name: "rejectProposals (in someone else's item)",
    action: 'proposal.decide',
    query: `mutation ($input: DecideProposalsInput!) { rejectProposals(input: $input) { id } }`,
    variables: async (c, t) => ({ input: { itemId: await itemWithProposal(c, t) } }),
  },
  {
    name: 'createMeeting',
    action: 'meeting.manage',
    query: `mutation ($input: CreateMeetingInput!) { createMeeting(input: $input) { id } }`,
    variables: async (c) => ({
      input: { communityId: c.communityId, title: 'Intervisie', date: '2026-12-01T14:00:00.000Z', kind: 'INTERVISIE' },
    }),
  },
  {
    name: 'addAgendaItem',
    action: 'meeting.manage',
    query: `mutation ($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { id } }`,
    variables: async (c, t) => ({ input: { meetingId: await meetingBy(c, t), itemId: (await itemBy(c, t)).id } }),
  },
  {
    name: 'meetings',
    action: 'community.read',
    query: `query ($id: ID!) { meetings(communityId: $id) { id agenda { id } } }`,
    variables: async (c) => ({ id: c.communityId }),
  },
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
  {
    name: 'setRetention',
    action: 'community.settings',
    query: `mutation ($input: SetRetentionInput!) { setRetention(input: $input) { id } }`,
    variables: async (c) => ({ input: { communityId: c.communityId, retentionMonths: 24 } }),
  },
  {
    name: 'pseudonymise',
    action: 'item.edit',
    query: `mutation ($input: PseudonymiseInput!) { pseudonymise(input: $input) { id } }`,
    variables: async (c, t) => ({ input: { itemId: (await itemBy(c, t)).id } }),
  },
  {
    name: 'searchSynonyms',
    action: 'community.read',
    query: `query ($id: ID!) { searchSynonyms(communityId: $id) { id } }`,
    variables: async (c) => ({ id: c.communityId }),
  },
  {
    name: 'addSearchSynonym',
    action: 'search.synonyms',
    query: `mutation ($input: AddSearchSynonymInput!) { addSearchSynonym(input: $input) { id } }`,
    // Fresh expressions per attempt, so an allowed add never meets an existing group.
    variables: async (c) => ({
      input: { communityId: c.communityId, expressions: [`kort${++synonymCount}`, `lang woord ${synonymCount}`] },
    }),
  },
  {
    name: 'removeSearchSynonym',
    action: 'search.synonyms',
    query: `mutation ($id: ID!) { removeSearchSynonym(id: $id) }`,
    variables: async (c, t) => {
      const added = await gql(
        t.baseUrl,
        `mutation ($input: AddSearchSynonymInput!) { addSearchSynonym(input: $input) { id } }`,
        { input: { communityId: c.communityId, expressions: [`weg${++synonymCount}`, `verdwijnt ${synonymCount}`] } },
        c.facilitator.token,
      );
      return { id: added.data!.addSearchSynonym.id };
    },
  },
  {
    name: 'dismissPrivacyFinding',
    action: 'item.edit',
    query: `mutation ($input: DismissPrivacyFindingInput!) { dismissPrivacyFinding(input: $input) { id } }`,
    // A fresh item with one finding per attempt, so an allowed dismissal never meets an already dismissed one.
    variables: async (c, t) => {
      const { id } = await createItem(t.baseUrl, c.facilitator.token, {
        communityId: c.communityId,
        kind: 'CASE',
        title: 'Casus',
        body: 'Mevrouw Jansen belde.',
      });
      const found = await gql(
        t.baseUrl,
        `query ($id: ID!) { item(id: $id) { privacyFindings { id } } }`,
        { id },
        c.facilitator.token,
      );
      return { input: { itemId: id, findingId: found.data!.item.privacyFindings[0].id, reason: 'Toestemming' } };
    },
  },
  {
    name: 'auditLog',
    action: 'audit.read',
    query: `query ($id: ID!) { auditLog(communityId: $id) { edges { node { action } } pageInfo { hasNextPage } } }`,
    variables: async (c) => ({ id: c.communityId }),
  },
  {
    name: 'search (in this community)',
    action: 'community.read',
    query: `query ($input: SearchInput!) { search(input: $input) { totalHits hits { item { id } } } }`,
    variables: async (c) => ({ input: { query: 'casus', communityIds: [c.communityId] } }),
  },
  {
    name: 'itemRevisions',
    action: 'community.read',
    query: `query ($id: ID!) { itemRevisions(itemId: $id) { id } }`,
    variables: async (c, t) => ({ id: await revisionBy(c, t).then((r) => r.itemId) }),
  },
  {
    name: 'revision',
    action: 'community.read',
    query: `query ($id: ID!) { revision(id: $id) { id text } }`,
    variables: async (c, t) => ({ id: (await revisionBy(c, t)).id }),
  },
  {
    name: 'restoreRevision',
    action: 'item.edit',
    query: `mutation ($id: ID!) { restoreRevision(id: $id) { id } }`,
    variables: async (c, t) => ({ id: (await revisionBy(c, t)).id }),
  },
  {
    name: 'follow',
    action: 'community.read',
    query: `mutation ($id: ID!) { follow(targetId: $id) }`,
    variables: async (c, t) => ({ id: (await itemBy(c, t)).id }),
  },
  {
    name: 'unfollow',
    action: 'community.read',
    query: `mutation ($id: ID!) { unfollow(targetId: $id) }`,
    variables: async (c) => ({ id: c.communityId }),
  },
  {
    name: 'collabTicket',
    action: 'community.read',
    query: `mutation ($id: ID!) { collabTicket(itemId: $id) { token readOnly } }`,
    variables: async (c, t) => ({ id: (await itemBy(c, t)).id }),
  },
  {
    name: 'importDocument',
    action: 'item.create',
    query: `mutation ($input: ImportDocumentInput!) { importDocument(input: $input) { status items { id } } }`,
    // Distinct content per attempt, so an allowed import is never skipped as a repeat.
    variables: async (c) => ({
      input: { communityId: c.communityId, kind: 'NOTE', filename: 'verslag.md', content: `# Verslag ${randomUUID()}` },
    }),
  },
  {
    name: 'addStageReason',
    action: 'item.setStage',
    query: `mutation ($input: AddStageReasonInput!) { addStageReason(input: $input) { id } }`,
    variables: async (c, t) => ({ input: { itemId: (await itemBy(c, t)).id, reason: 'Vergeten toelichting' } }),
  },
  {
    name: 'updateCommunity',
    action: 'community.manage',
    query: `mutation ($input: UpdateCommunityInput!) { updateCommunity(input: $input) { id } }`,
    variables: async (c) => ({ input: { id: c.communityId, description: `Samen leren ${randomUUID()}` } }),
  },
  {
    name: 'requestToJoin',
    action: 'community.join',
    query: `mutation ($id: ID!) { requestToJoin(communityId: $id, message: "Mag ik erbij?") }`,
    variables: async (c) => ({ id: c.communityId }),
  },
  {
    name: 'joinRequests',
    action: 'member.manage',
    query: `query ($id: ID!) { joinRequests(communityId: $id) { id } }`,
    variables: async (c) => ({ id: c.communityId }),
  },
  {
    name: 'answerJoinRequest',
    action: 'member.manage',
    query: `mutation ($id: ID!) { answerJoinRequest(id: $id, accept: false) }`,
    // A fresh request each time, written directly (nobody may ask to join a PRIVATE community).
    variables: async (c, t) => {
      const asker = await registerUser(t.baseUrl);
      const [row] = await sql<{ id: string }>(
        t.db.url,
        'INSERT INTO join_requests (community_id, user_id) VALUES ($1, $2) RETURNING id',
        [c.communityId, asker.id],
      );
      return { id: row.id };
    },
  },
];

/**
 * Root fields that are about the signed-in person, not about one community:
 * each has its own tests (auth.e2e.ts, communities.e2e.ts, hostile.e2e.ts;
 * invitations to one's own address: invitations.e2e.ts).
 * Anything else in the schema must be in OPERATIONS.
 */
const NOT_COMMUNITY_SCOPED = [
  'register',
  'login',
  'logout',
  'me',
  'changePassword',
  'communities',
  'createCommunity',
  'requestPasswordReset',
  'resetPassword',
  'communityDirectory',
  // One's own inbox and mail settings (test/api/notifications.e2e.ts: only own rows, only what one may still read).
  'notifications',
  'unreadNotificationCount',
  'markNotificationsRead',
  'markAllNotificationsRead',
  'notificationPreferences',
  'updateNotificationPreferences',
  'myInvitations',
  'acceptInvitation',
  'declineInvitation',
  'acceptInvitationLink',
  // One's own address (test/api/invitations.e2e.ts: a token of another account verifies nothing).
  'verifyEmail',
  'requestEmailVerification',
];

/** The root field an operation's query asks for. */
function rootField(query: string): string {
  const operation = parse(query).definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  )!;
  const field = operation.selectionSet.selections[0];
  if (field.kind !== Kind.FIELD) throw new Error(`${query}: the first selection is not a field`);
  return field.name.value;
}

/** One revision per community (an edit over the socket, then the document unloads), made once and shared. */
const revisions = new Map<string, Promise<{ id: string; itemId: string }>>();
function revisionBy(c: CommunityFixture, t: TestApp): Promise<{ id: string; itemId: string }> {
  let revision = revisions.get(c.communityId);
  if (!revision) {
    revision = (async () => {
      const { id: itemId } = await itemBy(c, t);
      const client = await connectClient(t.baseUrl, c.facilitator.token, itemId);
      typeParagraph(client.doc, 'Een bewaarde versie.');
      await waitFor(
        async () => (await sql(t.db.url, 'SELECT 1 FROM yjs_updates WHERE item_id = $1', [itemId])).length > 0,
        3000,
        'the edit to be stored',
      );
      client.destroy();
      await waitFor(
        async () => (await sql(t.db.url, 'SELECT 1 FROM item_revisions WHERE item_id = $1', [itemId])).length > 0,
        5000,
        'a revision',
      );
      const [row] = await sql<{ id: string }>(t.db.url, 'SELECT id FROM item_revisions WHERE item_id = $1', [itemId]);
      return { id: row.id, itemId };
    })();
    revisions.set(c.communityId, revision);
  }
  return revision;
}

/** A guideline (made by the facilitator) in the given status. */
async function guideline(
  c: CommunityFixture,
  t: TestApp,
  status: 'CONCEPT' | 'IN_UITPROBEERFASE' | 'VASTGESTELD',
): Promise<string> {
  const promoted = await gql(
    t.baseUrl,
    `mutation ($input: PromoteToGuidelineInput!) { promoteToGuideline(input: $input) { id } }`,
    { input: { sourceItemIds: [(await itemBy(c, t)).id], title: 'Richtlijn' } },
    c.facilitator.token,
  );
  const id = promoted.data!.promoteToGuideline.id as string;
  if (status !== 'CONCEPT') {
    const set = await gql(
      t.baseUrl,
      `mutation ($input: SetGuidelineStatusInput!) { setGuidelineStatus(input: $input) { id } }`,
      { input: { id, status } },
      c.facilitator.token,
    );
    if (set.errors) throw new Error(JSON.stringify(set.errors));
  }
  return id;
}

async function commentBy(c: CommunityFixture, t: TestApp): Promise<string> {
  const added = await gql(
    t.baseUrl,
    `mutation ($input: AddCommentInput!) { addComment(input: $input) { id } }`,
    { input: { itemId: (await itemBy(c, t)).id, kind: 'REACTION', body: 'Herkenbaar.' } },
    c.facilitator.token,
  );
  return added.data!.addComment.id as string;
}

/** Numbers the templates the matrix makes, so each name is new. */
let templateCount = 0;

function templateInput(): { kind: string; name: string; body: string } {
  templateCount += 1;
  return { kind: 'CASE', name: `Matrixmethode ${templateCount}`, body: '## Situatie\n\nWat speelde er?\n' };
}

/** A template of the community, made by its facilitator. */
async function templateIn(c: CommunityFixture, t: TestApp): Promise<string> {
  const made = await gql(
    t.baseUrl,
    `mutation ($input: CreateTemplateInput!) { createTemplate(input: $input) { id } }`,
    { input: { communityId: c.communityId, ...templateInput() } },
    c.facilitator.token,
  );
  return made.data!.createTemplate.id as string;
}

/** An item of the facilitator's with one open voorstel in it (their own, written over the collab socket). */
async function itemWithProposal(c: CommunityFixture, t: TestApp): Promise<string> {
  const { id } = await itemBy(c, t);
  const client = await connectClient(t.baseUrl, c.facilitator.token, id);
  try {
    const paragraph = client.doc.getXmlFragment('default').toArray()[0] as Y.XmlElement;
    (paragraph.toArray()[0] as Y.XmlText).insert(0, 'Vooraf: ', {
      proposalInsert: {
        id: randomUUID(),
        authorId: c.facilitator.id,
        authorName: c.facilitator.displayName,
        createdAt: new Date().toISOString(),
      },
    });
    await waitFor(
      async () =>
        (await gql(t.baseUrl, `query ($id: ID!) { proposals(itemId: $id) { id } }`, { id }, c.facilitator.token)).data
          ?.proposals?.length === 1,
      5000,
      'the voorstel to be stored',
    );
  } finally {
    client.destroy();
  }
  return id;
}

/** A comment none of the actors wrote (as one restored from an archive, without an author). */
async function strangersComment(c: CommunityFixture, t: TestApp): Promise<string> {
  const [row] = await sql<{ id: string }>(
    t.db.url,
    `INSERT INTO comments (item_id, kind, body, author_id) VALUES ($1, 'REACTION', 'Van iemand anders.', NULL) RETURNING id`,
    [(await itemBy(c, t)).id],
  );
  return row.id;
}

async function meetingBy(c: CommunityFixture, t: TestApp): Promise<string> {
  const created = await gql(
    t.baseUrl,
    `mutation ($input: CreateMeetingInput!) { createMeeting(input: $input) { id } }`,
    { input: { communityId: c.communityId, title: 'Klankbord', date: '2026-12-08T14:00:00.000Z', kind: 'KLANKBORD' } },
    c.facilitator.token,
  );
  return created.data!.createMeeting.id as string;
}

async function newMember(c: CommunityFixture, t: TestApp): Promise<string> {
  const user = await registerUser(t.baseUrl);
  await addMember(t.baseUrl, c.facilitator.token, {
    communityId: c.communityId,
    user,
    role: 'MEMBER',
    perspective: 'OTHER',
  });
  return user.id;
}

async function invitationBy(c: CommunityFixture, t: TestApp): Promise<string> {
  const invited = await gql(
    t.baseUrl,
    `mutation ($input: InviteMemberInput!) { inviteMember(input: $input) { id } }`,
    {
      input: {
        communityId: c.communityId,
        email: `uitgenodigd-${Math.random().toString(36).slice(2)}@example.nl`,
        role: 'MEMBER',
        perspective: 'OTHER',
      },
    },
    c.facilitator.token,
  );
  return invited.data!.inviteMember.id as string;
}

type Actor = Access | 'ANONYMOUS';
type Outcome = 'OK' | 'NOT_FOUND' | 'FORBIDDEN' | 'UNAUTHENTICATED';

function expected(actor: Actor, action: Action): Outcome {
  if (actor === 'ANONYMOUS') return 'UNAUTHENTICATED';
  // What someone may do is done, also without reading (a LISTED community's guest asks to join).
  if (can(actor, action, { ownedByActor: false })) return 'OK';
  return can(actor, 'community.read') ? 'FORBIDDEN' : 'NOT_FOUND';
}

/** What a fresh ticket's socket does for this actor: edit, only read, or not open at all. */
function expectedSocket(actor: Actor): 'read-write' | 'read-only' | 'refused' {
  if (actor === 'ANONYMOUS' || !can(actor, 'community.read')) return 'refused';
  return can(actor, 'item.edit', { ownedByActor: false }) ? 'read-write' : 'read-only';
}

/** The same variables with every id swapped for one that exists nowhere. */
function withMissingIds(value: unknown): unknown {
  if (typeof value === 'string')
    return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value) ? randomUUID() : value;
  if (Array.isArray(value)) return value.map(withMissingIds);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withMissingIds(v)]));
  return value;
}

/** Code, message and data of a refusal, to compare two of them word for word. */
function refusal(result: GqlResult): { code: string | undefined; message: string | undefined; data: unknown } {
  return { code: errorCode(result), message: result.errors?.[0]?.message, data: result.data ?? null };
}

describe('the permission table through GraphQL and the collab socket', () => {
  let t: TestApp;
  let privateCommunity: CommunityFixture;
  let networkCommunity: CommunityFixture;
  let listedCommunity: CommunityFixture;
  beforeAll(async () => {
    // Documents unload soon after the last editor leaves, so revisions appear quickly.
    t = await startTestApp({ COLLAB_IDLE_UNLOAD_MS: '100' });
    [privateCommunity, networkCommunity, listedCommunity] = await Promise.all([
      communityWithPeople(t.baseUrl, 'PRIVATE'),
      communityWithPeople(t.baseUrl, 'NETWORK'),
      communityWithPeople(t.baseUrl, 'LISTED'),
    ]);
  });
  afterAll(() => t.close());

  const actors: [Actor, 'PRIVATE' | 'NETWORK' | 'LISTED', (c: CommunityFixture) => TestUser | null][] = [
    ['FACILITATOR', 'PRIVATE', (c) => c.facilitator],
    ['MEMBER', 'PRIVATE', (c) => c.member],
    ['READER', 'PRIVATE', (c) => c.reader],
    ['NONE', 'PRIVATE', (c) => c.outsider],
    ['ANONYMOUS', 'PRIVATE', () => null],
    ['FACILITATOR', 'NETWORK', (c) => c.facilitator],
    ['MEMBER', 'NETWORK', (c) => c.member],
    ['READER', 'NETWORK', (c) => c.reader],
    ['VISITOR', 'NETWORK', (c) => c.outsider],
    ['ANONYMOUS', 'NETWORK', () => null],
    ['GUEST', 'LISTED', (c) => c.outsider],
  ];
  const communityOf = (visibility: 'PRIVATE' | 'NETWORK' | 'LISTED') =>
    visibility === 'PRIVATE' ? privateCommunity : visibility === 'NETWORK' ? networkCommunity : listedCommunity;

  for (const [actor, visibility, who] of actors) {
    for (const op of OPERATIONS) {
      const outcome = expected(actor, op.action);
      it(`${actor} on a ${visibility} community: ${op.name} -> ${outcome}`, async () => {
        const c = communityOf(visibility);
        const result = await gql(t.baseUrl, op.query, await op.variables(c, t), who(c)?.token ?? null);
        if (outcome === 'OK') {
          expect(result.errors).toBeUndefined();
          expect(result.data).not.toBeNull();
        } else {
          expect(errorCode(result)).toBe(outcome);
          expect(result.data).toBeNull();
        }
      });
    }

    const socket = expectedSocket(actor);
    it(`${actor} on a ${visibility} community: the collab socket -> ${socket}`, async () => {
      const c = communityOf(visibility);
      const user = who(c);
      const { id } = await itemBy(c, t);
      const wsBase = `${t.baseUrl.replace(/^http/, 'ws')}/collab/${id}`;
      if (socket === 'refused') {
        // No ticket for them, and no socket without one.
        const ticket = await gql(
          t.baseUrl,
          `mutation ($id: ID!) { collabTicket(itemId: $id) { token } }`,
          { id },
          user?.token ?? null,
        );
        expect(errorCode(ticket)).toBe(actor === 'ANONYMOUS' ? 'UNAUTHENTICATED' : 'NOT_FOUND');
        expect(await upgradeStatus(wsBase)).toBe(401);
        return;
      }
      const ticket = await collabTicket(t.baseUrl, user!.token, id);
      expect(ticket.readOnly).toBe(socket === 'read-only');
      expect(await upgradeStatus(`${wsBase}?ticket=${ticket.token}`)).toBe(101);

      // What the socket really allows: an edit is stored, or refused out loud (a permission-denied frame) and never stored.
      const client = await connectClient(t.baseUrl, user!.token, id);
      try {
        let denied = false;
        client.provider.ws!.addEventListener('message', (event) => {
          if (new Uint8Array(event.data as ArrayBuffer)[0] === 2) denied = true; // y-protocols' auth message: permission denied
        });
        const mark = `Bewerking van ${actor} (${randomUUID()})`;
        typeParagraph(client.doc, mark);
        const stored = async () =>
          (await storedDocument(t.db.url, id)).getXmlFragment('default').toString().includes(mark);
        if (socket === 'read-write') {
          await waitFor(stored, 3000, 'the edit to be stored');
          expect(denied).toBe(false);
        } else {
          await waitFor(() => denied, 3000, 'the edit to be refused');
          expect(await stored()).toBe(false);
        }
      } finally {
        client.destroy();
      }
    });
  }

  it('every query and mutation of the schema is in the matrix, or named as not community-scoped', () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const rootFields = [
      ...Object.keys(schema.getQueryType()!.getFields()),
      ...Object.keys(schema.getMutationType()?.getFields() ?? {}),
    ].sort();
    const covered = new Set([...OPERATIONS.map((op) => rootField(op.query)), ...NOT_COMMUNITY_SCOPED]);
    expect(rootFields.filter((field) => !covered.has(field))).toEqual([]);
    // And the list of exceptions names nothing that is gone or that the matrix covers anyway.
    expect(
      NOT_COMMUNITY_SCOPED.filter(
        (field) => !rootFields.includes(field) || OPERATIONS.some((op) => rootField(op.query) === field),
      ),
    ).toEqual([]);
    expect(schema.getSubscriptionType()).toBeFalsy();
  });

  it('a member may archive their own item', async () => {
    const c = privateCommunity;
    const own = await createItem(t.baseUrl, c.member.token, {
      communityId: c.communityId,
      kind: 'NOTE',
      title: 'Van mij',
    });
    const result = await gql(
      t.baseUrl,
      `mutation ($id: ID!) { archiveItem(id: $id) { id } }`,
      { id: own.id },
      c.member.token,
    );
    expect(result.errors).toBeUndefined();
  });

  /**
   * The attacker: a facilitator of a community of their own (so with rights
   * somewhere), trying ids from a PRIVATE community they are not in.
   */
  describe('an id from a PRIVATE community you are not in reveals nothing: NOT_FOUND, word for word as for an id that does not exist', () => {
    for (const op of OPERATIONS) {
      it(op.name, async () => {
        const attacker = networkCommunity.facilitator;
        const variables = await op.variables(privateCommunity, t);
        const hidden = await gql(t.baseUrl, op.query, variables, attacker.token);
        const missing = await gql(
          t.baseUrl,
          op.query,
          withMissingIds(variables) as Record<string, unknown>,
          attacker.token,
        );
        expect(errorCode(missing)).toBe('NOT_FOUND');
        expect(refusal(hidden)).toEqual(refusal(missing));
      });
    }

    it('mixed with ids of your own community: agenda items, guideline sources, search scopes', async () => {
      const own = networkCommunity;
      const attacker = own.facilitator;
      const hiddenItem = (await itemBy(privateCommunity, t)).id;
      const hiddenComment = await commentBy(privateCommunity, t);
      const ownMeeting = await meetingBy(own, t);
      const ownItem = (await itemBy(own, t)).id;
      const cases: [string, string, (id: string) => Record<string, unknown>, string][] = [
        [
          'an agenda item',
          `mutation ($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { id } }`,
          (id) => ({ input: { meetingId: ownMeeting, itemId: id } }),
          hiddenItem,
        ],
        [
          'an agenda comment',
          `mutation ($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { id } }`,
          (id) => ({ input: { meetingId: ownMeeting, commentId: id } }),
          hiddenComment,
        ],
        [
          'a guideline source',
          `mutation ($input: PromoteToGuidelineInput!) { promoteToGuideline(input: $input) { id } }`,
          (id) => ({ input: { sourceItemIds: [ownItem, id], title: 'Richtlijn' } }),
          hiddenItem,
        ],
        [
          'a search scope',
          `query ($input: SearchInput!) { search(input: $input) { totalHits } }`,
          (id) => ({ input: { query: 'casus', communityIds: [own.communityId, id] } }),
          privateCommunity.communityId,
        ],
      ];
      const outcomes = [];
      for (const [what, query, variables, hiddenId] of cases) {
        const hidden = await gql(t.baseUrl, query, variables(hiddenId), attacker.token);
        const missing = await gql(t.baseUrl, query, variables(randomUUID()), attacker.token);
        outcomes.push({ what, hidden: refusal(hidden), missing: refusal(missing) });
      }
      expect(outcomes.map(({ what, missing }) => ({ what, code: missing.code }))).toEqual(
        cases.map(([what]) => ({ what, code: 'NOT_FOUND' })),
      );
      expect(outcomes.map(({ what, hidden }) => ({ what, hidden }))).toEqual(
        outcomes.map(({ what, missing }) => ({ what, hidden: missing })),
      );
      // Nothing was written on the way.
      const [agenda] = await sql<{ n: number }>(
        t.db.url,
        'SELECT count(*)::int AS n FROM agenda_items WHERE meeting_id = $1',
        [ownMeeting],
      );
      expect(agenda.n).toBe(0);
    });
  });
});
