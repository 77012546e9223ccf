import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

const requestIds = new AsyncLocalStorage<string>();

/** The id of the HTTP request this code runs for, if any. */
export function currentRequestId(): string | undefined {
  return requestIds.getStore();
}

/** A client's X-Request-Id when it is a short, plain token (it ends up in logs and a header); else a new one. */
export function requestIdFor(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && /^[A-Za-z0-9._:-]{1,64}$/.test(value) ? value : randomUUID();
}

/**
 * Runs the rest of the request inside its id, so every log line written on its
 * behalf carries it. Mounted after the body parser: stream callbacks of the
 * body would lose the context.
 */
export function requestContext() {
  return (req: Request, _res: Response, next: NextFunction) => {
    const id = (req as Request & { id?: unknown }).id;
    if (typeof id === 'string') requestIds.run(id, next);
    else next();
  };
}
