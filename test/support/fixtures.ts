import type { MailedInvitationToken } from './graphql-client';
import { addMember, gql, registerUser, TestUser } from './test-app';

export interface CommunityFixture {
  communityId: string;
  facilitator: TestUser;
  member: TestUser;
  reader: TestUser;
  outsider: TestUser;
}

/** A community with a facilitator, a member, a reader, and a signed-in outsider. */
export async function communityWithPeople(
  baseUrl: string,
  visibility: 'PRIVATE' | 'NETWORK' | 'LISTED' = 'PRIVATE',
  /** When the server mails invitations (see addMember). */
  mailedToken?: MailedInvitationToken,
): Promise<CommunityFixture> {
  const [facilitator, member, reader, outsider] = await Promise.all([
    registerUser(baseUrl, 'Fenna Facilitator'),
    registerUser(baseUrl, 'Mo Lid'),
    registerUser(baseUrl, 'Lea Lezer'),
    registerUser(baseUrl, 'Otto Buitenstaander'),
  ]);
  const created = await gql(
    baseUrl,
    `mutation ($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`,
    { input: { name: `Leernetwerk ${visibility}`, description: 'Samen leren in de wijk', visibility } },
    facilitator.token,
  );
  const communityId = created.data!.createCommunity.id as string;
  for (const [user, role, perspective] of [
    [member, 'MEMBER', 'ERVARINGSDESKUNDIGE'],
    [reader, 'READER', 'STUDENT'],
  ] as const) {
    await addMember(baseUrl, facilitator.token, { communityId, user, role, perspective }, mailedToken);
  }
  return { communityId, facilitator, member, reader, outsider };
}

export async function createItem(
  baseUrl: string,
  token: string,
  input: {
    communityId: string;
    kind: string;
    title: string;
    stage?: string;
    tags?: string[];
    body?: string;
    template?: boolean;
  },
): Promise<{ id: string; stage: string }> {
  const result = await gql(
    baseUrl,
    `mutation ($input: CreateItemInput!) { createItem(input: $input) { id stage } }`,
    { input },
    token,
  );
  if (!result.data) throw new Error(JSON.stringify(result.errors));
  return result.data.createItem;
}
