import type { ApolloServerPlugin } from '@apollo/server';
import type { RateLimits } from '../common/rate-limits';
import type { GqlContext } from '../common/request-context';

/** Counts each signed-in user's mutations (every root field of a request), refusing them past the limit before they run. */
export function mutationRateLimit(limits: RateLimits): ApolloServerPlugin<GqlContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (operation?.operation !== 'mutation' || !contextValue.user) return;
          await limits.mutation(contextValue.user.id, operation.selectionSet.selections.length);
        },
      };
    },
  };
}
