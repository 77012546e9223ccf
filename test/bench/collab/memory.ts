import { rssBytes } from '../support/process-stats';
import { median } from '../support/percentiles';
import { BenchClient, blockCount, expectedBlocks, openClient } from './client';
import type { CollabTarget } from './target';

/** Documents are opened in this many steps, with the server's RSS read after each. */
const STEPS = 4;

export interface MemoryResult {
  /** Slope of RSS over documents opened (least squares over the steps). */
  perDocumentBytes: number;
  beforeBytes: number;
  afterBytes: number;
  documents: number;
}

/**
 * Server RSS while `count` documents are opened, one client each. A single
 * before/after difference is at the mercy of when V8 grows or collects its
 * heap, so RSS is read after each of a few steps and the slope is reported.
 * A warm-up document is opened and closed first, so one-time costs of the
 * first connection do not count.
 */
export async function measureMemory(target: CollabTarget, count: number, markdown: string): Promise<MemoryResult> {
  const blocks = expectedBlocks(markdown);
  const [warmup, ...prepared] = await target.prepareRooms(count + 1, markdown);
  const warmupClient = openClient(await target.endpoint(warmup.room, 0), { seed: warmup.seed });
  await warmupClient.synced.finally(() => warmupClient.destroy());
  // Tickets first, so the GraphQL work happens before the first reading.
  const endpoints = await Promise.all(prepared.map((p, i) => target.endpoint(p.room, i)));

  await pause(1_000);
  const points: [number, number][] = [[0, await steadyRss(target.pid)]];
  const clients: BenchClient[] = [];
  try {
    for (let step = 1; step <= STEPS; step++) {
      const upTo = Math.round((count * step) / STEPS);
      const opened = prepared
        .slice(clients.length, upTo)
        .map((p, i) => openClient(endpoints[clients.length + i], { seed: p.seed }));
      clients.push(...opened);
      await Promise.all(opened.map((client) => client.synced));
      if (opened.some((client) => blockCount(client.doc) !== blocks))
        throw new Error(`${target.label}: a document did not load completely`);
      await pause(1_500);
      points.push([clients.length, await steadyRss(target.pid)]);
    }
  } finally {
    for (const client of clients) client.destroy();
  }
  return {
    perDocumentBytes: slope(points),
    beforeBytes: points[0][1],
    afterBytes: points[points.length - 1][1],
    documents: count,
  };
}

function slope(points: readonly [number, number][]): number {
  const n = points.length;
  const meanX = points.reduce((sum, [x]) => sum + x, 0) / n;
  const meanY = points.reduce((sum, [, y]) => sum + y, 0) / n;
  const covariance = points.reduce((sum, [x, y]) => sum + (x - meanX) * (y - meanY), 0);
  const variance = points.reduce((sum, [x]) => sum + (x - meanX) ** 2, 0);
  return covariance / variance;
}

/** Median of a few readings, against momentary spikes. */
async function steadyRss(pid: number): Promise<number> {
  const readings: number[] = [];
  for (let i = 0; i < 5; i++) {
    readings.push(rssBytes(pid));
    await pause(100);
  }
  return median(readings);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
