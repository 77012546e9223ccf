import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Histogram } from 'prom-client';
import { DataSource } from 'typeorm';
import { MetricsService } from '../metrics/metrics.service';

/** How long a scrape waits for the outbox count before it reports the backlog as unknown (NaN). */
const BACKLOG_TIMEOUT_MS = 1_000;

/** Search latency per answering engine, and the outbox backlog (changes not yet indexed) on scrape. */
@Injectable()
export class SearchMetrics {
  private readonly duration: Histogram<'engine'>;

  constructor(metrics: MetricsService, @InjectDataSource() db: DataSource) {
    this.duration = metrics.histogram({
      name: 'spiraal_search_duration_seconds',
      help: 'Time to answer a search, by the engine that answered',
      labelNames: ['engine'],
    });
    metrics.gauge({
      name: 'spiraal_search_outbox_backlog',
      help: 'Item changes waiting in search_outbox to be indexed',
      async collect() {
        this.set(await backlog(db));
      },
    });
  }

  searched(engine: string, seconds: number): void {
    this.duration.observe({ engine }, seconds);
  }
}

async function backlog(db: DataSource): Promise<number> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<number>((resolve) => (timer = setTimeout(() => resolve(NaN), BACKLOG_TIMEOUT_MS)));
  const count = db
    .query('SELECT count(*)::int AS n FROM search_outbox')
    .then((rows: { n: number }[]) => rows[0].n)
    .catch(() => NaN);
  try {
    return await Promise.race([count, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
