import { Injectable } from '@nestjs/common';
import {
  collectDefaultMetrics,
  Counter,
  CounterConfiguration,
  Gauge,
  GaugeConfiguration,
  Histogram,
  HistogramConfiguration,
  Registry,
} from 'prom-client';

/** Latency buckets in seconds, from a quick query to a slow search. */
export const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

let processRegistry: Registry | null = null;

/** Process metrics (memory, heap, event loop lag, ...), collected once per process whatever the number of apps in it. */
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/**
 * The app's Prometheus registry. Features register their metrics here (by
 * name, idempotently: asking twice returns the same metric); `/metrics` shows
 * them with the process metrics.
 */
@Injectable()
export class MetricsService {
  private readonly registry = new Registry();

  counter<T extends string>(config: CounterConfiguration<T>): Counter<T> {
    return this.existing<Counter<T>>(config.name) ?? new Counter({ ...config, registers: [this.registry] });
  }

  gauge<T extends string>(config: GaugeConfiguration<T>): Gauge<T> {
    return this.existing<Gauge<T>>(config.name) ?? new Gauge({ ...config, registers: [this.registry] });
  }

  histogram<T extends string>(config: HistogramConfiguration<T>): Histogram<T> {
    return (
      this.existing<Histogram<T>>(config.name) ??
      new Histogram({ buckets: LATENCY_BUCKETS, ...config, registers: [this.registry] })
    );
  }

  /** The Prometheus text exposition of every metric. */
  async render(): Promise<{ contentType: string; body: string }> {
    const merged = Registry.merge([processMetrics(), this.registry]);
    return { contentType: merged.contentType, body: await merged.metrics() };
  }

  private existing<M>(name: string): M | undefined {
    return this.registry.getSingleMetric(name) as M | undefined;
  }
}
