/**
 * The server's own accepted-to-stored histogram
 * (`spiraal_collab_update_stored_seconds`, from the moment the update log
 * takes an accepted update to its row being durable), read from `/metrics`
 * before and after a window: the part of update-to-stored the write path
 * decides, without the time an edit queues before the server accepts it.
 */
const METRIC = 'spiraal_collab_update_stored_seconds';

/** Cumulative counts per upper bound (seconds; Infinity last). */
export type HistogramSnapshot = Map<number, number>;

export async function scrapeHistogram(baseUrl: string): Promise<HistogramSnapshot | null> {
  try {
    const response = await fetch(`${baseUrl}/metrics`);
    if (!response.ok) return null;
    const snapshot: HistogramSnapshot = new Map();
    for (const line of (await response.text()).split('\n')) {
      const match = new RegExp(`^${METRIC}_bucket\\{le="([^"]+)"\\} (\\d+(?:\\.\\d+)?)$`).exec(line);
      if (match) snapshot.set(match[1] === '+Inf' ? Infinity : Number(match[1]), Number(match[2]));
    }
    return snapshot.size ? snapshot : null;
  } catch {
    return null;
  }
}

export interface BucketedDistribution {
  count: number;
  /** Milliseconds, interpolated linearly inside the bucket (upper bound for the last finite one). */
  p50: number;
  p95: number;
  p99: number;
}

/** Percentiles (ms) of what was observed between two snapshots. */
export function histogramDelta(before: HistogramSnapshot, after: HistogramSnapshot): BucketedDistribution | null {
  const bounds = [...after.keys()].sort((a, b) => a - b);
  const counts = bounds.map((bound) => (after.get(bound) ?? 0) - (before.get(bound) ?? 0));
  const total = counts[counts.length - 1] ?? 0;
  if (total <= 0) return null;
  const at = (p: number) => {
    const rank = (p / 100) * total;
    for (let i = 0; i < bounds.length; i++) {
      if (counts[i] < rank) continue;
      const lower = i === 0 ? 0 : bounds[i - 1];
      const upper = bounds[i];
      if (!Number.isFinite(upper)) return lower * 1000; // beyond the last bound: at least that
      const below = i === 0 ? 0 : counts[i - 1];
      const inBucket = counts[i] - below;
      return (lower + (inBucket > 0 ? ((rank - below) / inBucket) * (upper - lower) : 0)) * 1000;
    }
    return Number.NaN;
  };
  return { count: total, p50: at(50), p95: at(95), p99: at(99) };
}
