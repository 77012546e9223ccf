import { blockCount, expectedBlocks, openClient } from './client';
import type { CollabTarget } from './target';

export interface LoadTimes {
  /** ms to 'synced' of the first client of a document (for ours: loaded from the database). */
  first: number[];
  /** ms to 'synced' of a second, fresh client while the document is loaded. */
  second: number[];
}

/**
 * Opens `count` fresh documents, each with its own ~1 MB body: times the
 * first client (from `new WebsocketProvider` to synced), then a second one.
 * On the reference the first client is the one that brings the document, so
 * only the second one is a load.
 */
export async function runLoads(target: CollabTarget, bodies: readonly string[]): Promise<LoadTimes> {
  const times: LoadTimes = { first: [], second: [] };
  for (const markdown of bodies) {
    const [prepared] = await target.prepareRooms(1, markdown);
    const blocks = expectedBlocks(markdown);
    // Tickets first: the timing covers the connection, not the GraphQL round trip.
    const [endpointA, endpointB] = await Promise.all([
      target.endpoint(prepared.room, 0),
      target.endpoint(prepared.room, 1),
    ]);
    const first = openClient(endpointA, { seed: prepared.seed, timeoutMs: 60_000 });
    let second: ReturnType<typeof openClient> | null = null;
    try {
      times.first.push(await first.synced);
      // The reference applies the pushed document as it arrives; give it a moment before the second client asks.
      if (prepared.seed) await new Promise((resolve) => setTimeout(resolve, 500));
      second = openClient(endpointB, { timeoutMs: 60_000 });
      times.second.push(await second.synced);
      for (const [which, client] of [
        ['first', first],
        ['second', second],
      ] as const) {
        const got = blockCount(client.doc);
        if (got !== blocks) throw new Error(`${target.label}: the ${which} client got ${got} of ${blocks} blocks`);
      }
    } finally {
      first.destroy();
      second?.destroy();
    }
  }
  return times;
}
