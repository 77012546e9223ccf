import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { ValidationError } from '@spiraal/domain';

/**
 * The error codes clients can rely on (`extensions.code`). Messages are
 * Dutch first, then English.
 */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'RATE_LIMITED'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'SERVICE_UNAVAILABLE'
  | 'PRIVACY_FINDINGS_OPEN'
  | 'INTERNAL_SERVER_ERROR';

export function appError(code: ErrorCode, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra } });
}

export const badInput = (message: string, field?: string) =>
  appError('BAD_USER_INPUT', message, field ? { field } : {});
export const unauthenticated = () => appError('UNAUTHENTICATED', 'Je bent niet ingelogd / You are not signed in');
export const forbidden = () =>
  appError('FORBIDDEN', 'Dit mag je niet doen in dit leernetwerk / You are not allowed to do this in this community');
export const notFound = (what = 'Dit') =>
  appError('NOT_FOUND', `${what} bestaat niet of je hebt er geen toegang toe / Not found`);
export const rateLimited = (retryAfterSeconds: number) =>
  appError(
    'RATE_LIMITED',
    `Te veel pogingen, probeer het over ${retryAfterSeconds} seconden opnieuw / Too many attempts, try again in ${retryAfterSeconds} seconds`,
    {
      retryAfter: retryAfterSeconds,
    },
  );

/** Domain validation errors become BAD_USER_INPUT; everything else passes through. */
export function toGraphQLError(error: unknown): unknown {
  if (error instanceof ValidationError) return badInput(error.message, error.field);
  return error;
}

/**
 * The one mapping from error codes to HTTP statuses, for GraphQL (the
 * `httpStatus` plugin and the context) and the REST routes alike.
 */
export const HTTP_STATUS: Readonly<Record<string, number>> = {
  BAD_USER_INPUT: 400,
  BAD_REQUEST: 400,
  GRAPHQL_PARSE_FAILED: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  // A source still holds personal data (docs/privacy.md): the request is valid, the state is not.
  PRIVACY_FINDINGS_OPEN: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
};

const UNAVAILABLE_MESSAGE =
  'De database is even niet bereikbaar, probeer het zo opnieuw / The database is unavailable for a moment, try again shortly';
const UNAVAILABLE_RETRY_SECONDS = 5;

/** Socket errors and PostgreSQL states that mean the database cannot be reached now, not that the request was wrong. */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);
const UNREACHABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Connection refused|the database system is (starting up|shutting down)|Client has encountered a connection error/i;

/** Whether an error (or what it wraps) says the database is unreachable. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const e = error as {
    code?: unknown;
    message?: unknown;
    errors?: unknown;
    cause?: unknown;
    driverError?: unknown;
    originalError?: unknown;
  };
  const code = typeof e.code === 'string' ? e.code : '';
  if (UNREACHABLE_CODES.has(code) || code.startsWith('08')) return true;
  if (typeof e.message === 'string' && UNREACHABLE_MESSAGES.test(e.message)) return true;
  const inner = [e.cause, e.driverError, e.originalError, ...(Array.isArray(e.errors) ? e.errors : [])];
  return inner.some((next) => next !== error && isDatabaseUnavailable(next, depth + 1));
}

/** What a client is told about an expected refusal, with its status and headers. */
export interface Refusal {
  status: number;
  message: string;
  extensions: Record<string, unknown> & { code: string };
  headers: Record<string, string>;
}

/**
 * An expected refusal (a known code, a domain validation error, the database
 * being unavailable), or null for an unexpected failure (logged, answered
 * 500 without details).
 */
export function refusalFor(error: unknown): Refusal | null {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  if (original instanceof ValidationError) {
    return {
      status: 400,
      message: original.message,
      extensions: { code: 'BAD_USER_INPUT', field: original.field },
      headers: {},
    };
  }
  // The thrown error's code first (a resolver's appError), else the wrapper's (Apollo's own for malformed requests).
  const graphql = [original, error].find(
    (e): e is GraphQLError => e instanceof GraphQLError && !!HTTP_STATUS[String(e.extensions?.code ?? '')],
  );
  const code = String(graphql?.extensions?.code ?? '');
  if (graphql) {
    const { http: _http, stacktrace: _stack, ...extensions } = graphql.extensions as Record<string, unknown>;
    const retryAfter = Number(extensions.retryAfter);
    return {
      status: HTTP_STATUS[code],
      message: graphql.message,
      extensions: { ...extensions, code },
      headers: retryAfter > 0 ? { 'Retry-After': String(retryAfter) } : {},
    };
  }
  if (isDatabaseUnavailable(original)) {
    return {
      status: 503,
      message: UNAVAILABLE_MESSAGE,
      extensions: { code: 'SERVICE_UNAVAILABLE', retryAfter: UNAVAILABLE_RETRY_SECONDS },
      headers: { 'Retry-After': String(UNAVAILABLE_RETRY_SECONDS) },
    };
  }
  return null;
}

/** The same error as a GraphQLError that carries its status (for the GraphQL context, where no plugin runs yet). */
export function withHttpStatus(error: unknown): unknown {
  const refusal = refusalFor(error);
  if (!refusal) return error;
  return new GraphQLError(refusal.message, {
    extensions: {
      ...refusal.extensions,
      http: { status: refusal.status, headers: new Map(Object.entries(refusal.headers)) },
    },
  });
}

/** Apollo's codes for malformed requests, shown as they are. */
const APOLLO_CODES = new Set([
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

export interface ErrorLog {
  /** An expected refusal that says something about the service (the database unavailable). */
  warn(message: string): void;
  /** An unexpected failure. */
  error(error: unknown): void;
}

/**
 * Shapes every error a client sees: refusals keep their message, anything
 * else becomes a generic INTERNAL_SERVER_ERROR. Stack traces only in development.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  development: boolean,
  log: ErrorLog,
): GraphQLFormattedError {
  const stacktrace = development ? { stacktrace: formatted.extensions?.stacktrace } : {};
  const refusal = refusalFor(error);
  if (refusal) {
    if (refusal.status >= 500) log.warn(`${refusal.extensions.code}: ${String((error as Error)?.message ?? error)}`);
    const message = refusal.extensions.code === 'SERVICE_UNAVAILABLE' ? refusal.message : formatted.message;
    return { ...formatted, message, extensions: { ...refusal.extensions, ...stacktrace } };
  }
  const code = String(formatted.extensions?.code ?? '');
  if (APOLLO_CODES.has(code)) {
    const { stacktrace: _stack, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
    return { ...formatted, extensions: { ...extensions, ...stacktrace } };
  }
  log.error(error instanceof GraphQLError ? (error.originalError ?? error) : error);
  return {
    message: 'Er ging iets mis aan onze kant / Something went wrong on our side',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', ...stacktrace },
  };
}
