import { ArgumentsHost, Catch } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { GqlContextType } from '@nestjs/graphql';

/**
 * Hands errors in GraphQL resolvers to Apollo untouched, where `formatError`
 * shapes them and logs only the unexpected ones; Nest's default handler would
 * log every refusal (a wrong password, NOT_FOUND) as a server error.
 */
@Catch()
export class GraphQLExceptionFilter extends BaseExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<GqlContextType>() === 'graphql') return exception;
    return super.catch(exception, host);
  }
}
