import request from 'supertest';

/** GraphQL over HTTP, as a client would speak it; no server code is loaded here. */
export interface GqlResult<T = Record<string, any>> {
  status: number;
  data: T | null;
  errors?: { message: string; extensions?: { code?: string; [key: string]: unknown }; path?: string[] }[];
  headers: Record<string, string | string[] | undefined>;
}

/** Posts one GraphQL operation, as a client would. */
export async function gql<T = Record<string, any>>(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string | null,
): Promise<GqlResult<T>> {
  let req = request(baseUrl).post('/graphql').set('Content-Type', 'application/json');
  if (token) req = req.set('Authorization', `Bearer ${token}`);
  const res = await req.send({ query, variables });
  return { status: res.status, data: res.body?.data ?? null, errors: res.body?.errors, headers: res.headers };
}

/** The data of an operation that must succeed; throws with the errors otherwise. */
export async function gqlData<T = Record<string, any>>(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string | null,
): Promise<T> {
  const result = await gql<T>(baseUrl, query, variables, token);
  if (result.errors || !result.data) throw new Error(`GraphQL failed: ${JSON.stringify(result.errors)}`);
  return result.data;
}

/** The error code of the first error, or undefined when there was none. */
export function errorCode(result: GqlResult): string | undefined {
  return result.errors?.[0]?.extensions?.code;
}

let userCounter = 0;

export interface TestUser {
  id: string;
  email: string;
  displayName: string;
  token: string;
}

/** The password `registerUser` gives everyone. */
export const TEST_PASSWORD = 'correct horse battery';

export async function registerUser(baseUrl: string, displayName = `Gebruiker ${++userCounter}`): Promise<TestUser> {
  const email = `user${userCounter}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.nl`;
  const result = await gql(
    baseUrl,
    `mutation ($input: RegisterInput!) { register(input: $input) { token user { id email displayName } } }`,
    { input: { email, password: TEST_PASSWORD, displayName } },
  );
  if (!result.data) throw new Error(`register failed: ${JSON.stringify(result.errors)}`);
  const { token, user } = result.data.register;
  return { id: user.id, email: user.email, displayName: user.displayName, token };
}

/** Where a test finds the token of an invitation link when the server mails it (see test/support/mail-catcher.ts). */
export type MailedInvitationToken = (email: string) => Promise<string>;

/**
 * Makes someone a member the only way there is: the facilitator invites their
 * address (`inviteMember`) and they accept (`acceptInvitation`) with the
 * link's token, which proves the address is theirs. Without mail the
 * facilitator gets the token in the answer; with mail, pass `mailedToken`.
 */
export async function addMember(
  baseUrl: string,
  facilitatorToken: string,
  input: { communityId: string; user: { email: string; token: string }; role: string; perspective: string },
  mailedToken?: MailedInvitationToken,
): Promise<{ role: string }> {
  const invited = await gql(
    baseUrl,
    `mutation ($input: InviteMemberInput!) { inviteMember(input: $input) { id linkToken } }`,
    {
      input: {
        communityId: input.communityId,
        email: input.user.email,
        role: input.role,
        perspective: input.perspective,
      },
    },
    facilitatorToken,
  );
  if (!invited.data) throw new Error(`inviteMember failed: ${JSON.stringify(invited.errors)}`);
  const token = (invited.data.inviteMember.linkToken as string | null) ?? (await mailedToken?.(input.user.email));
  if (!token)
    throw new Error('addMember: the server mails invitations; pass mailedToken (test/support/mail-catcher.ts)');
  const accepted = await gql(
    baseUrl,
    `mutation ($id: ID!, $token: String) { acceptInvitation(id: $id, token: $token) { id myRole } }`,
    { id: invited.data.inviteMember.id, token },
    input.user.token,
  );
  if (!accepted.data) throw new Error(`acceptInvitation failed: ${JSON.stringify(accepted.errors)}`);
  return { role: accepted.data.acceptInvitation.myRole as string };
}
