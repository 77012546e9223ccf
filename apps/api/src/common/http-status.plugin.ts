import type { ApolloServerPlugin } from '@apollo/server';
import { refusalFor } from './errors';

/**
 * Answers a GraphQL request that was refused with the status of its first
 * refusal (HTTP_STATUS in common/errors.ts: 400, 401, 403, 404, 429 with
 * Retry-After, 503), so a refusal no longer looks like a success or a crash.
 */
export function httpStatus(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ errors, response }) {
          // A status Apollo chose itself (405 for a mutation over GET) stays; its defaults 200 and 500 do not.
          if (response.http.status && response.http.status !== 200 && response.http.status !== 500) return;
          const refusal = errors?.map(refusalFor).find((r) => r !== null);
          if (!refusal) return;
          response.http.status = refusal.status;
          for (const [name, value] of Object.entries(refusal.headers))
            response.http.headers.set(name.toLowerCase(), value);
        },
      };
    },
  };
}
