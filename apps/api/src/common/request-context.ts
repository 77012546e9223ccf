import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import type { Loaders } from './loaders';
import { unauthenticated } from './errors';

/** The signed-in user a request acts for. */
export interface AuthUser {
  id: string;
  email: string;
  displayName: string;
}

export const SESSION_COOKIE = 'spiraal_session';

/** What every GraphQL resolver can see of the request. */
export interface GqlContext {
  req: Request;
  res: Response;
  user: AuthUser | null;
  token: string | null;
  loaders: Loaders;
}

/** The session token from `Authorization: Bearer …`, else from the session cookie. */
export function tokenFrom(req: Request): string | null {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim() || null;
  const cookie = (req as Request & { cookies?: Record<string, string> }).cookies?.[SESSION_COOKIE];
  return typeof cookie === 'string' && cookie ? cookie : null;
}

export function gqlContext(context: ExecutionContext): GqlContext {
  return GqlExecutionContext.create(context).getContext<GqlContext>();
}

/** The signed-in user; UNAUTHENTICATED when nobody is signed in. */
export const Viewer = createParamDecorator((_: unknown, context: ExecutionContext): AuthUser => {
  const user = gqlContext(context).user;
  if (!user) throw unauthenticated();
  return user;
});

/** The GraphQL context itself, for resolvers that set cookies or use loaders. */
export const Ctx = createParamDecorator((_: unknown, context: ExecutionContext): GqlContext => gqlContext(context));
