import { ArgumentsHost, Catch, HttpException } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { GqlContextType } from '@nestjs/graphql';
import { isDatabaseUnavailable, withHttpStatus } from './errors';

/**
 * Hands errors in GraphQL resolvers to Apollo untouched, where `formatError`
 * shapes them and logs only the unexpected ones; Nest's default handler would
 * log every refusal (a wrong password, NOT_FOUND) as a server error.
 * A database outage becomes SERVICE_UNAVAILABLE (HTTP_STATUS in errors.ts).
 * Client errors of the HTTP layer (a body over the limit, malformed JSON) are
 * answered with their status and not logged as failures either.
 */
@Catch()
export class GraphQLExceptionFilter extends BaseExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<GqlContextType>() === 'graphql') {
      // A driver's connection error as a GraphQLError with its status (SERVICE_UNAVAILABLE, 503): what is
      // returned here is the resolver's result, and an error of another realm would not count as one.
      return isDatabaseUnavailable(exception) ? withHttpStatus(exception) : exception;
    }
    const status = (exception as { statusCode?: unknown } | null)?.statusCode;
    if (!(exception instanceof HttpException) && typeof status === 'number' && status >= 400 && status < 500) {
      return super.catch(new HttpException((exception as Error).message, status), host);
    }
    return super.catch(exception, host);
  }
}
