import type { NextFunction, Request, Response } from 'express';

/** What body-parser passes on when it refuses a body. */
interface BodyError {
  type?: unknown;
  status?: unknown;
}

/**
 * Answers a body the JSON parser refused (too large, not JSON, an unknown
 * charset or encoding) the way GraphQL clients read every other refusal:
 * `{ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] }` with the
 * parser's status (413, 400, 415), and a fixed message that never echoes the
 * request back.
 */
export function bodyErrors(limit: string) {
  const messages: Record<string, string> = {
    'entity.too.large': `Het verzoek is te groot (hoogstens ${limit}) / The request is too large (at most ${limit})`,
    'entity.parse.failed': 'Het verzoek is geen geldige JSON / The request body is not valid JSON',
  };
  return (error: unknown, _req: Request, res: Response, next: NextFunction): void => {
    const { type, status } = (error ?? {}) as BodyError;
    if (typeof type !== 'string' || typeof status !== 'number' || status < 400 || status > 499 || res.headersSent)
      return next(error);
    res.status(status).json({
      errors: [
        {
          message: messages[type] ?? 'Dit verzoek kan niet gelezen worden / This request cannot be read',
          extensions: { code: 'BAD_REQUEST' },
        },
      ],
    });
  };
}
