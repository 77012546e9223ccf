import type { BenchItem, Corpus } from './corpus';
import type { QuerySet } from './queries';
import { seededUuid, Rng } from './rng';

/** Planted items are older than every other item: older than the newest 10,000 at any corpus size. */
const PLANTED_AT = new Date(Date.parse('2020-01-01T00:00:00Z'));
const PLANTED = 5;

export interface PlantedCase {
  query: string;
  itemId: string;
}

/**
 * For a few common two-word queries, one old item that is their clear answer
 * (both words in its short title and body). Spiraal once ranked only the 200
 * newest matches: such an item was never shown. It must rank in the top 5.
 */
export function plantItems(corpus: Corpus, queries: QuerySet, rng: Rng): { items: BenchItem[]; cases: PlantedCase[] } {
  const pairs = queries.common.filter((q) => q.form === 'two words').slice(0, PLANTED);
  const items = pairs.map((q, i): BenchItem => {
    const [a, b] = q.text.trim().split(' ');
    return {
      id: seededUuid(rng),
      communityId: corpus.communities[i % corpus.communities.length].id,
      kind: 'NOTE',
      stage: 'COMBINATIE',
      title: `${a} ${b}: wat we leerden`,
      tags: [],
      text: `Over ${a} en ${b}. Wat ${a} met ${b} te maken heeft, schreven we hier op.`,
      createdAt: PLANTED_AT,
      updatedAt: PLANTED_AT,
    };
  });
  return { items, cases: pairs.map((q, i) => ({ query: q.text, itemId: items[i].id })) };
}
