import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { ValidationError } from '@spiraal/domain';

/**
 * The error codes clients can rely on (`extensions.code`). Messages are
 * Dutch first, then English.
 */
export type ErrorCode = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'RATE_LIMITED' | 'INTERNAL_SERVER_ERROR' | 'PRIVACY_FINDINGS_OPEN';

export function appError(code: ErrorCode, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra } });
}

export const badInput = (message: string, field?: string) => appError('BAD_USER_INPUT', message, field ? { field } : {});
export const unauthenticated = () => appError('UNAUTHENTICATED', 'Je bent niet ingelogd / You are not signed in');
export const forbidden = () => appError('FORBIDDEN', 'Dit mag je niet doen in dit leernetwerk / You are not allowed to do this in this community');
export const notFound = (what = 'Dit') => appError('NOT_FOUND', `${what} bestaat niet of je hebt er geen toegang toe / Not found`);
export const rateLimited = (retryAfterSeconds: number) =>
  appError('RATE_LIMITED', `Te veel pogingen, probeer het over ${retryAfterSeconds} seconden opnieuw / Too many attempts, try again in ${retryAfterSeconds} seconds`, {
    retryAfter: retryAfterSeconds,
  });

/** Domain validation errors become BAD_USER_INPUT; everything else passes through. */
export function toGraphQLError(error: unknown): unknown {
  if (error instanceof ValidationError) return badInput(error.message, error.field);
  return error;
}

const KNOWN_CODES = new Set<string>([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'RATE_LIMITED',
  'PRIVACY_FINDINGS_OPEN',
  // Apollo's own, for malformed requests
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * Shapes every error a client sees: known codes keep their message, anything
 * else becomes a generic INTERNAL_SERVER_ERROR. Stack traces only in development.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, development: boolean, log: (e: unknown) => void): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  if (original instanceof ValidationError) {
    return { ...formatted, message: original.message, extensions: { code: 'BAD_USER_INPUT', field: original.field } };
  }
  const code = String(formatted.extensions?.code ?? '');
  if (KNOWN_CODES.has(code)) {
    const { stacktrace, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
    return { ...formatted, extensions: development ? { ...extensions, stacktrace } : extensions };
  }
  log(original);
  return {
    message: 'Er ging iets mis aan onze kant / Something went wrong on our side',
    locations: formatted.locations,
    path: formatted.path,
    extensions: development ? { code: 'INTERNAL_SERVER_ERROR', stacktrace: formatted.extensions?.stacktrace } : { code: 'INTERNAL_SERVER_ERROR' },
  };
}
