import type { NextFunction, Request, Response } from 'express';
import { DocumentNode, GraphQLError, GraphQLSchema, parse } from 'graphql';
import { checkLimits, QUERY_LIMITS } from './query-limits';

/**
 * Refuses hostile GraphQL requests before Apollo sees them, so before any
 * database work (even the session lookup): batches, documents over the token
 * limit, and operations too deep, with too many aliases or too costly.
 */
export function graphqlGuard(schema: () => GraphQLSchema | null) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.path !== '/graphql' || (req.method !== 'POST' && req.method !== 'GET')) return next();
    const body: unknown = req.method === 'POST' ? req.body : req.query;
    if (Array.isArray(body))
      return refuse(
        res,
        'BAD_REQUEST',
        'Meerdere operaties in één verzoek worden niet aanvaard / Batched requests are not accepted',
      );
    const { query, operationName, variables } = (body ?? {}) as {
      query?: unknown;
      operationName?: unknown;
      variables?: unknown;
    };
    if (typeof query !== 'string') return next(); // Apollo answers what is missing
    let document: DocumentNode;
    try {
      document = parse(query, { maxTokens: QUERY_LIMITS.maxTokens });
    } catch (error) {
      const message = error instanceof GraphQLError ? error.message : 'Syntax error';
      return refuse(res, 'GRAPHQL_PARSE_FAILED', message);
    }
    const current = schema();
    if (!current) return next();
    const reason = checkLimits(
      current,
      document,
      typeof operationName === 'string' ? operationName : null,
      variablesOf(variables),
    );
    if (reason) return refuse(res, 'GRAPHQL_VALIDATION_FAILED', reason);
    next();
  };
}

function variablesOf(raw: unknown): Record<string, unknown> {
  if (typeof raw === 'string') {
    try {
      return variablesOf(JSON.parse(raw));
    } catch {
      return {};
    }
  }
  return raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
}

function refuse(res: Response, code: string, message: string): void {
  res.status(400).json({ errors: [{ message, extensions: { code } }] });
}
