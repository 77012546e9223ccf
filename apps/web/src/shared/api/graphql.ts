import type { TypedDocumentString } from './generated/graphql';

/**
 * A small GraphQL client: POST /graphql with the session cookie. Errors come
 * back as ApiError with the server's code (BAD_USER_INPUT, UNAUTHENTICATED,
 * FORBIDDEN, NOT_FOUND, RATE_LIMITED, …) or NETWORK when the server cannot be reached.
 */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Variables may be left out only by an operation that has none. */
export type VariablesArgument<V> = string extends keyof V ? [variables?: V] : [variables: V];

/**
 * Sends one operation: a typed document generated from a `.graphql` file (see
 * apps/web/codegen.ts), so the answer's type follows the API schema.
 */
export async function graphql<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  ...[variables]: VariablesArgument<TVariables>
): Promise<TResult> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
    });
  } catch {
    throw new ApiError('NETWORK', 'Geen verbinding met de server / No connection to the server');
  }
  let body: {
    data?: TResult;
    errors?: { message: string; extensions?: { code?: string } & Record<string, unknown> }[];
  };
  try {
    body = await response.json();
  } catch {
    throw new ApiError('NETWORK', 'Onverwacht antwoord van de server / Unexpected answer from the server');
  }
  const error = body.errors?.[0];
  if (error)
    throw new ApiError(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR', error.message, error.extensions ?? {});
  if (!body.data)
    throw new ApiError('INTERNAL_SERVER_ERROR', 'Leeg antwoord van de server / Empty answer from the server');
  return body.data;
}
