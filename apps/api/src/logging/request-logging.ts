import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger as PinoLogger } from 'pino';
import { pinoHttp } from 'pino-http';
import { requestIdFor } from './request-context';

/** Query parameters that carry credentials; their values never reach a log line. */
const SECRET_PARAMS = /([?&](?:ticket|token|access_token|password)=)[^&#]*/gi;

export function withoutSecrets(url: string | undefined): string | undefined {
  return url?.replace(SECRET_PARAMS, '$1[redacted]');
}

/** Polled endpoints are logged at debug unless they fail. */
const QUIET_PATHS = new Set(['/health', '/ready', '/metrics']);

/**
 * One JSON line per HTTP request (method, path without secrets, status, time)
 * with a request id: the client's X-Request-Id when it is a sane token, else a
 * new one, echoed in the response. No headers, bodies or cookies are logged.
 */
export function requestLogging(logger: PinoLogger) {
  return pinoHttp({
    logger,
    quietReqLogger: true,
    customAttributeKeys: { reqId: 'requestId' },
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const id = requestIdFor(req.headers['x-request-id']);
      res.setHeader('X-Request-Id', id);
      return id;
    },
    serializers: {
      req: (req: { method?: string; url?: string }) => ({ method: req.method, url: withoutSecrets(req.url) }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (req: IncomingMessage, res: ServerResponse, error?: Error) => {
      // 503 is an expected refusal (the database unavailable: see HTTP_STATUS in common/errors.ts), not a failure of ours.
      if (error || (res.statusCode >= 500 && res.statusCode !== 503)) return 'error';
      if (res.statusCode >= 400) return 'warn';
      return QUIET_PATHS.has((req.url ?? '').split('?')[0]) ? 'debug' : 'info';
    },
    customSuccessMessage: (req: IncomingMessage, res: ServerResponse) =>
      `${req.method} ${pathOf(req)} ${res.statusCode}`,
    customErrorMessage: (req: IncomingMessage, res: ServerResponse) => `${req.method} ${pathOf(req)} ${res.statusCode}`,
  });
}

function pathOf(req: IncomingMessage): string {
  return (req.url ?? '').split('?')[0].slice(0, 200);
}
