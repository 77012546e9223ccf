import { Client } from 'pg';
import { forEachEdit, nowNs, SendTimes } from './edit-marker';

const POLL_MS = 5;
/** A missing id this long is a sequence gap (a rolled-back insert), not a row still committing. */
const GAP_GIVE_UP_MS = 2_000;

export interface StoredProbe {
  /** Stops polling (once; later calls get the same answer): latencies (ms) from an edit to its row being visible in yjs_updates. */
  stop(): Promise<{ latencies: number[]; polls: number }>;
}

/**
 * Polls `yjs_updates` every few ms and, for each new row, finds the edits it
 * holds (rows are batches merged per user) and how long ago they were made.
 * Detection adds up to one poll interval plus the query time.
 */
export async function startStoredProbe(
  url: string,
  sendTimes: SendTimes,
  window: { startNs: bigint; endNs: bigint },
  maxMs: number,
): Promise<StoredProbe> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const latencies: number[] = [];
  let polls = 0;
  let stopped = false;
  // Ids come from a sequence at insert time but become visible at commit, possibly out of
  // order: poll above the highest id below which everything was seen, skipping rows seen already.
  let watermark = Number((await client.query('SELECT coalesce(max(id), 0)::bigint AS id FROM yjs_updates')).rows[0].id);
  const seenAbove = new Set<number>();
  let gapSince: number | null = null;

  const poll = async () => {
    const deadline = performance.now() + maxMs;
    while (!stopped && performance.now() < deadline) {
      const { rows } = await client.query<{ id: string; update: Buffer }>(
        'SELECT id, update FROM yjs_updates WHERE id > $1 ORDER BY id LIMIT 5000',
        [watermark],
      );
      const seenAt = nowNs();
      polls += 1;
      for (const row of rows) {
        const id = Number(row.id);
        if (seenAbove.has(id)) continue;
        seenAbove.add(id);
        forEachEdit(new Uint8Array(row.update.buffer, row.update.byteOffset, row.update.byteLength), (editor, seq) => {
          const sentAt = sendTimes.sentAt(editor, seq);
          if (sentAt >= window.startNs && sentAt < window.endNs) latencies.push(Number(seenAt - sentAt) / 1e6);
        });
      }
      while (seenAbove.delete(watermark + 1)) watermark += 1;
      if (seenAbove.size === 0) gapSince = null;
      else if (gapSince === null) gapSince = performance.now();
      else if (performance.now() - gapSince > GAP_GIVE_UP_MS) {
        watermark = Math.min(...seenAbove) - 1; // give up on the hole; the loop above then moves past the seen rows
        while (seenAbove.delete(watermark + 1)) watermark += 1;
        gapSince = null;
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  };
  const running = poll();
  running.catch(() => undefined); // reported by stop()
  let stopping: Promise<{ latencies: number[]; polls: number }> | null = null;
  return {
    stop() {
      stopped = true;
      stopping ??= running.finally(() => client.end()).then(() => ({ latencies, polls }));
      return stopping;
    },
  };
}
