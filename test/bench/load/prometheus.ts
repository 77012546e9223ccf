/** One scrape of a process's /metrics (Prometheus text format). */
export interface Scrape {
  /** Every sample: metric name with its labels as written, and the value. */
  samples: { name: string; labels: string; value: number }[];
}

export async function scrape(baseUrl: string): Promise<Scrape> {
  const response = await fetch(`${baseUrl}/metrics`);
  if (!response.ok)
    throw new Error(
      `/metrics answered ${response.status}: is the observability work (spiraal_* metrics) in this build?`,
    );
  const samples: Scrape['samples'] = [];
  for (const line of (await response.text()).split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][\w:]*)(\{[^}]*\})?\s+(\S+)/.exec(line);
    if (match) samples.push({ name: match[1], labels: match[2] ?? '', value: Number(match[3]) });
  }
  return { samples };
}

/** The sum of a metric's samples over all label sets; NaN when the metric is absent. */
export function total(s: Scrape, name: string): number {
  const values = s.samples.filter((sample) => sample.name === name).map((sample) => sample.value);
  return values.length ? values.reduce((a, b) => a + b, 0) : Number.NaN;
}

/** Cumulative bucket counts of a histogram (summed over other labels), by upper bound in seconds. */
function buckets(s: Scrape, name: string): Map<number, number> {
  const counts = new Map<number, number>();
  for (const sample of s.samples) {
    if (sample.name !== `${name}_bucket`) continue;
    const le = /le="([^"]+)"/.exec(sample.labels)?.[1];
    if (!le) continue;
    const bound = le === '+Inf' ? Number.POSITIVE_INFINITY : Number(le);
    counts.set(bound, (counts.get(bound) ?? 0) + sample.value);
  }
  return counts;
}

/**
 * A quantile of what a histogram observed between two scrapes (of one or
 * more processes, summed), interpolated linearly within the bucket as
 * Prometheus's histogram_quantile does. Returns seconds, and how many
 * observations there were.
 */
export function histogramQuantile(
  before: Scrape[],
  after: Scrape[],
  name: string,
  q: number,
): { seconds: number; count: number } {
  const delta = new Map<number, number>();
  for (const s of after)
    for (const [bound, count] of buckets(s, name)) delta.set(bound, (delta.get(bound) ?? 0) + count);
  for (const s of before)
    for (const [bound, count] of buckets(s, name)) delta.set(bound, (delta.get(bound) ?? 0) - count);
  const bounds = [...delta.keys()].sort((a, b) => a - b);
  const count = delta.get(Number.POSITIVE_INFINITY) ?? 0;
  if (!count) return { seconds: Number.NaN, count: 0 };
  const rank = q * count;
  let lowerBound = 0;
  let lowerCount = 0;
  for (const bound of bounds) {
    const cumulative = delta.get(bound)!;
    if (cumulative >= rank) {
      if (bound === Number.POSITIVE_INFINITY) return { seconds: lowerBound, count };
      const inBucket = cumulative - lowerCount;
      return { seconds: lowerBound + (bound - lowerBound) * (inBucket ? (rank - lowerCount) / inBucket : 1), count };
    }
    lowerBound = bound;
    lowerCount = cumulative;
  }
  return { seconds: Number.NaN, count };
}
