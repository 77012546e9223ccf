import type { ApolloServerPlugin } from '@apollo/server';
import { performance } from 'node:perf_hooks';
import { MetricsService } from './metrics.service';

/** Distinct operation names kept as labels; beyond them "other", so a client cannot blow up the series. */
export const MAX_OPERATION_LABELS = 100;

/** Bounds the operation label: unnamed is "anonymous", names beyond the first MAX_OPERATION_LABELS are "other". */
export class OperationLabels {
  private readonly seen = new Set<string>();

  constructor(private readonly max = MAX_OPERATION_LABELS) {}

  label(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    const clipped = name.slice(0, 64);
    if (this.seen.has(clipped)) return clipped;
    if (this.seen.size >= this.max) return 'other';
    this.seen.add(clipped);
    return clipped;
  }
}

/** Apollo plugin: GraphQL latency and errors per operation name. */
export function graphqlMetrics(metrics: MetricsService): ApolloServerPlugin {
  const duration = metrics.histogram({
    name: 'spiraal_graphql_duration_seconds',
    help: 'Time to answer a GraphQL request, by operation name',
    labelNames: ['operation'],
  });
  const errors = metrics.counter({
    name: 'spiraal_graphql_errors_total',
    help: 'GraphQL responses with errors, by operation name',
    labelNames: ['operation'],
  });
  const labels = new OperationLabels();
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async didEncounterErrors(context) {
          errors.inc({ operation: labels.label(context.operationName) });
        },
        async willSendResponse(context) {
          // The name from the parsed document: a client's operationName alone is not trusted.
          duration.observe({ operation: labels.label(context.operationName) }, (performance.now() - started) / 1000);
        },
      };
    },
  };
}
