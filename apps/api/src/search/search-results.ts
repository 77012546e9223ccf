import type { FacetRow } from '@spiraal/search';
import type { PostgresQuery } from './postgres-query';
import type { EngineResult, FacetValue, QueryFeedback } from './search-engine';

/** Total and facets from counts per combination: each facet sums the rows where every other filter holds. */
export function facetsFrom(groups: FacetRow[], tags: [string, number][]): Omit<EngineResult, 'hits'> {
  const count = (
    pick: (g: (typeof groups)[number]) => string,
    holds: (g: (typeof groups)[number]) => boolean,
  ): FacetValue[] => {
    const totals = new Map<string, number>();
    for (const g of groups) if (holds(g)) totals.set(pick(g), (totals.get(pick(g)) ?? 0) + Number(g[7]));
    return [...totals]
      .map(([value, n]) => ({ value, count: n }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  };
  return {
    totalHits: groups.filter(([, , , c, k, s, t]) => c && k && s && t).reduce((sum, g) => sum + Number(g[7]), 0),
    facets: {
      stages: count(
        (g) => g[0],
        ([, , , c, k, , t]) => c && k && t,
      ),
      kinds: count(
        (g) => g[1],
        ([, , , c, , s, t]) => c && s && t,
      ),
      communities: count(
        (g) => g[2],
        ([, , , , k, s, t]) => k && s && t,
      ),
      tags: tags.map(([value, n]) => ({ value, count: Number(n) })),
    },
  };
}

/** Missing words (a group no passage in scope matches) and typo corrections, from the resolved query and its document frequencies. */
export function feedbackOf(resolved: PostgresQuery, df: number[] | null): QueryFeedback {
  return {
    missingWords: df ? resolved.groups.filter((_, i) => !df[i]).map((g) => g.source) : [],
    corrections: [...resolved.corrections].map(([word, correction]) => ({ word, correction })),
  };
}
