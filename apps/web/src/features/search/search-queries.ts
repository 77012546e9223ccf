import type { ItemKind, SeciStage } from '../../entities/items/vocabulary';

export interface SearchInput {
  query: string;
  communityIds?: string[];
  kinds?: ItemKind[];
  stages?: SeciStage[];
  tags?: string[];
  limit?: number;
  offset?: number;
}

export interface SearchHit {
  score: number;
  /** HTML with only `<mark>` in it, everything else escaped: render with HighlightedText, never as HTML. */
  highlights: { title: string; text: string };
  item: { id: string; title: string; kind: ItemKind; stage: SeciStage; tags: string[]; community: { id: string; name: string } };
}

export interface FacetCount {
  value: string;
  count: number;
  /** The community's name for the community facet; null otherwise. */
  label: string | null;
}

export interface SearchFacets {
  stages: FacetCount[];
  kinds: FacetCount[];
  tags: FacetCount[];
  communities: FacetCount[];
}

export interface SearchResult {
  totalHits: number;
  tookMs: number;
  hits: SearchHit[];
  facets: SearchFacets;
}

const HIT = `score highlights { title text } item { id title kind stage tags community { id name } }`;
const FACET = `value count label`;

/** The results page: hits and facets. */
export const SEARCH_QUERY = `query Search($input: SearchInput!) {
  search(input: $input) {
    totalHits tookMs
    hits { ${HIT} }
    facets { stages { ${FACET} } kinds { ${FACET} } tags { ${FACET} } communities { ${FACET} } }
  }
}`;

/** Further pages of the results, and the header's suggestions: no facets needed. */
export const SEARCH_HITS_QUERY = `query SearchHits($input: SearchInput!) {
  search(input: $input) { totalHits hits { ${HIT} } }
}`;

export type SearchHitsResult = Pick<SearchResult, 'totalHits' | 'hits'>;
