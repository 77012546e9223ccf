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
export async function gqlData<T = Record<string, any>>(baseUrl: string, query: string, variables: Record<string, unknown> = {}, token?: string | null): Promise<T> {
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
