// The search operations live in search-queries.graphql; types generated from the API schema.
import type { SearchHitFieldsFragment, SearchHitsQuery, SearchQuery } from '../../shared/api/generated/graphql';

export { SearchHitsDocument as SEARCH_HITS_QUERY, SearchDocument as SEARCH_QUERY } from '../../shared/api/generated/graphql';
export type { FacetCountFieldsFragment as FacetCount, SearchInput } from '../../shared/api/generated/graphql';

export type SearchHit = SearchHitFieldsFragment;
export type SearchResult = SearchQuery['search'];
export type SearchFacets = SearchResult['facets'];
export type SearchHitsResult = SearchHitsQuery['search'];
