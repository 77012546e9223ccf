import type { QueryPlan } from '@spiraal/search';
import type { EntityManager } from 'typeorm';

export type FacetName = 'stages' | 'kinds' | 'tags' | 'communities';

export interface FacetValue {
  value: string;
  count: number;
}

export interface SearchFilters {
  communityIds: string[] | null;
  kinds: string[] | null;
  stages: string[] | null;
  tags: string[] | null;
}

export interface EngineQuery {
  plan: QueryPlan;
  /** Every community the asking user may read; nothing outside it is ever counted or returned. */
  readableCommunityIds: string[];
  filters: SearchFilters;
  limit: number;
  offset: number;
  /** When the search began (`performance.now()`): every change committed before it is seen. */
  since: number;
  /** Told the hits' items and the communities counted as soon as they are known, before the highlights. */
  onRanked?: (itemIds: string[], communityIds: string[]) => void;
}

export interface EngineHit {
  itemId: string;
  score: number;
  /** Highlight HTML: matched words in `<mark>`, everything else escaped. */
  title: string;
  text: string;
}

/** What happened to the query's words, to tell the user. */
export interface QueryFeedback {
  /** Meaningful words (as typed) that matched nothing the user may read. */
  missingWords: string[];
  /** Words the network never used, each with the nearest word it does use. */
  corrections: { word: string; correction: string }[];
}

export interface EngineResult {
  feedback?: QueryFeedback;
  totalHits: number;
  hits: EngineHit[];
  /** Each facet counts the hits under every filter except its own (so a chosen value's siblings stay visible). */
  facets: Record<FacetName, FacetValue[]>;
  /** Passages whose text was ranked (PostgreSQL's pruned ranking only; for tests and the benchmark). */
  ranked?: number;
}

/** What an engine indexes for one item: its current state, read from PostgreSQL. */
export interface SearchDocument {
  itemId: string;
  communityId: string;
  kind: string;
  stage: string;
  tags: string[];
  title: string;
  passages: string[];
  /** Per passage (the title and tags with the first): the parts of its compound words, indexed with low weight. */
  compoundParts?: string[];
  updatedAt: Date;
}

/** A search engine behind Spiraal's search: PostgreSQL full-text search or Meilisearch. */
export interface SearchEngine {
  readonly name: string;
  /**
   * An engine outside PostgreSQL (Meilisearch). When it fails, the PostgreSQL
   * index is kept and only this delivery is retried.
   */
  readonly external: boolean;
  search(query: EngineQuery): Promise<EngineResult>;
  /**
   * Makes the index hold exactly these documents for their items (safe to
   * repeat). Called by the indexer inside its transaction, which holds the
   * items' locks: an engine on PostgreSQL writes in it.
   */
  index(documents: SearchDocument[], tx: EntityManager): Promise<void>;
  /** Removes items (archived or gone) from the index (safe to repeat). */
  remove(itemIds: string[], tx: EntityManager): Promise<void>;
  /** Empties an external index before a full rebuild. */
  clear(): Promise<void>;
}

export const TAG_FACET_SIZE = 20;

/** Nothing found (or nothing to look for). */
export function emptyResult(): EngineResult {
  return { totalHits: 0, hits: [], facets: { stages: [], kinds: [], tags: [], communities: [] } };
}
