import { isItemKind, isSeciStage, ItemKind, SeciStage } from '../../entities/items/vocabulary';
import type { SearchInput } from './search-queries';

export const SEARCH_PATH = '/zoeken';

/** What is searched: the query and the chosen facet values (several per facet: any of them). */
export interface SearchState {
  q: string;
  stages: SeciStage[];
  kinds: ItemKind[];
  tags: string[];
  communities: string[];
}

export type FacetName = 'stage' | 'kind' | 'tag' | 'community';

/** The facets in the order they are shown, with the address parameter and state key of each. */
export const FACETS: { name: FacetName; key: Exclude<keyof SearchState, 'q'> }[] = [
  { name: 'stage', key: 'stages' },
  { name: 'kind', key: 'kinds' },
  { name: 'community', key: 'communities' },
  { name: 'tag', key: 'tags' },
];

const unique = <T>(values: T[]): T[] => [...new Set(values)];

/** The search lives in the address (`/zoeken?q=…&stage=…&stage=…&kind=…&tag=…&community=…`), so it can be shared. */
export function searchFromAddress(search: string): SearchState {
  const params = new URLSearchParams(search);
  const all = (name: string) =>
    unique(
      params
        .getAll(name)
        .map((v) => v.trim())
        .filter(Boolean),
    );
  return {
    q: params.get('q') ?? '',
    stages: all('stage').filter(isSeciStage),
    kinds: all('kind').filter(isItemKind),
    tags: all('tag'),
    communities: all('community'),
  };
}

export function addressFor(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  for (const { name, key } of FACETS) for (const value of state[key]) params.append(name, value);
  const search = params.toString();
  return search ? `${SEARCH_PATH}?${search}` : SEARCH_PATH;
}

/** The results page for a query, without filters. */
export function addressForQuery(query: string): string {
  return addressFor({ q: query, stages: [], kinds: [], tags: [], communities: [] });
}

/** The API's SearchInput; empty filters are left out (no filter, not "none of them"). */
export function searchInput(state: SearchState, page: { limit: number; offset?: number }): SearchInput {
  return {
    query: state.q.trim(),
    ...(state.communities.length ? { communityIds: state.communities } : {}),
    ...(state.kinds.length ? { kinds: state.kinds } : {}),
    ...(state.stages.length ? { stages: state.stages } : {}),
    ...(state.tags.length ? { tags: state.tags } : {}),
    limit: page.limit,
    ...(page.offset ? { offset: page.offset } : {}),
  };
}

export interface ActiveFilter {
  facet: FacetName;
  value: string;
}

export function activeFilters(state: SearchState): ActiveFilter[] {
  return FACETS.flatMap(({ name, key }) => state[key].map((value) => ({ facet: name, value })));
}

const keyOf = (facet: FacetName) => FACETS.find((f) => f.name === facet)!.key;

export function isChosen(state: SearchState, facet: FacetName, value: string): boolean {
  return (state[keyOf(facet)] as string[]).includes(value);
}

export function toggleFilter(state: SearchState, facet: FacetName, value: string): SearchState {
  const key = keyOf(facet);
  const values = state[key] as string[];
  return { ...state, [key]: values.includes(value) ? values.filter((v) => v !== value) : [...values, value] };
}

export function withoutFilters(state: SearchState): SearchState {
  return { q: state.q, stages: [], kinds: [], tags: [], communities: [] };
}
