import { renameItem, RunningApi, searchSpiraal } from './api';
import type { BenchItem } from './corpus';
import { pick, Rng, shuffled } from './rng';

const POLL_MS = 20;
const GIVE_UP_MS = 30_000;

export interface LagResult {
  /** ms from the updateItem response (the change committed) until search found the item. */
  lags: number[];
  /** Edits not found within GIVE_UP_MS. */
  missed: number;
}

/**
 * Edit-to-searchable: gives an item a title with a word nobody used, then
 * searches for that word every 20 ms until the item is among the hits. The
 * API's own indexer does the work (woken by the outbox NOTIFY).
 */
export async function measureLag(
  api: RunningApi,
  token: string,
  items: BenchItem[],
  edits: number,
  rng: Rng,
): Promise<LagResult> {
  const result: LagResult = { lags: [], missed: 0 };
  for (const item of shuffled(rng, items).slice(0, edits)) {
    const word = `zoekproef${Array.from({ length: 6 }, () => pick(rng, [...'bcdfghjklmnpqrstvwxz'])).join('')}`;
    await renameItem(api.baseUrl, token, item.id, `${word} ${item.title}`.slice(0, 200));
    const saved = performance.now();
    const lag = await pollUntilFound(api, token, `${word} `, item.id, saved);
    if (lag === null) result.missed += 1;
    else result.lags.push(lag);
  }
  return result;
}

async function pollUntilFound(
  api: RunningApi,
  token: string,
  query: string,
  itemId: string,
  since: number,
): Promise<number | null> {
  while (performance.now() - since < GIVE_UP_MS) {
    const { ids } = await searchSpiraal(api.baseUrl, token, query);
    if (ids.includes(itemId)) return performance.now() - since;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return null;
}
