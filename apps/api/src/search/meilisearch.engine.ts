import { Logger } from '@nestjs/common';
import { meaningfulGroups, QueryPlan, SYNONYMS, TYPO_MIN_ONE, TYPO_MIN_TWO, words } from '@spiraal/search';
import type { Meilisearch, Settings } from 'meilisearch';
import type { DataSource, EntityManager } from 'typeorm';
import type { PostgresSearchEngine } from './postgres-search.engine';
import { emptyResult, EngineQuery, EngineResult, FacetName, SearchDocument, SearchEngine, SearchFilters, TAG_FACET_SIZE } from './search-engine';

/** How long a delivery waits for Meilisearch to finish its task before it counts as failed (and is retried). */
const TASK_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 2_000;

export interface MeiliOptions {
  url: string;
  apiKey: string | null;
  index: string;
}

/** One passage of an item, as Meilisearch stores it. */
interface MeiliDocument {
  id: string;
  itemId: string;
  ordinal: number;
  communityId: string;
  kind: string;
  stage: string;
  tags: string[];
  title: string;
  tagsText: string;
  body: string;
  /** Meilisearch has no Dutch stemmer: these fields hold the Dutch stems PostgreSQL computes. */
  titleStems: string;
  tagsStems: string;
  bodyStems: string;
  /** The parts of the passage's compound words (teamoverleg → team overleg), searched last. */
  compoundParts: string;
  updatedAt: number;
}

const FACET_FIELDS: Record<FacetName, keyof MeiliDocument> = { stages: 'stage', kinds: 'kind', tags: 'tags', communities: 'communityId' };

/**
 * Meilisearch, when MEILI_URL is set. Settings are applied before any
 * document; each passage is a document, collapsed per item by the distinct
 * attribute. The query is sent as Dutch stems (and the last word as typed,
 * for prefixes), so the stem fields match inflections. The permission filter
 * is always ours; highlights come from PostgreSQL, with the same rules as the
 * PostgreSQL engine.
 */
export class MeilisearchEngine implements SearchEngine {
  readonly external = true;
  readonly name = 'meilisearch';
  private readonly logger = new Logger(MeilisearchEngine.name);
  private client: Promise<Meilisearch> | null = null;
  /** Which state of search_synonyms the index's synonyms reflect (undefined: not yet synced). */
  private synonymsVersion: string | null | undefined = undefined;

  constructor(
    private readonly options: MeiliOptions,
    private readonly db: DataSource,
    private readonly postgres: PostgresSearchEngine,
  ) {}

  async search(query: EngineQuery): Promise<EngineResult> {
    if (!query.readableCommunityIds.length) return emptyResult();
    const client = await this.ready();
    await this.syncSynonyms(client);
    const q = await this.queryText(query.plan);
    const scope = `communityId IN ${list(query.readableCommunityIds)}`;
    // No word is required: when too few items match all words, the most common words are dropped first.
    const base = { indexUid: this.options.index, q, matchingStrategy: 'frequency' as const };
    const facetNames = Object.keys(FACET_FIELDS) as FacetName[];
    const { results } = await client.multiSearch({
      queries: [
        { ...base, filter: filterFor(scope, query.filters), limit: query.limit, offset: query.offset, showRankingScore: true, attributesToRetrieve: ['itemId', 'ordinal'] },
        { ...base, filter: filterFor(scope, query.filters), hitsPerPage: 0, page: 1 },
        ...facetNames.map((facet) => ({ ...base, filter: filterFor(scope, query.filters, facet), facets: [FACET_FIELDS[facet]], hitsPerPage: 0, page: 1 })),
      ],
    });
    const [main, count, ...facetResults] = results;
    const feedback = await this.postgres.feedback(query);
    const hits = main.hits.map((hit) => ({ itemId: String(hit.itemId), ordinal: Number(hit.ordinal), score: Number(hit._rankingScore ?? 0) }));
    const marked = await this.postgres.highlight(query.plan, hits);
    const facets = Object.fromEntries(
      facetNames.map((facet, i) => {
        const distribution = facetResults[i].facetDistribution?.[FACET_FIELDS[facet]] ?? {};
        const values = Object.entries(distribution)
          .map(([value, n]) => ({ value, count: n }))
          .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
        return [facet, facet === 'tags' ? values.slice(0, TAG_FACET_SIZE) : values];
      }),
    ) as EngineResult['facets'];
    return {
      totalHits: Number(count.totalHits ?? count.estimatedTotalHits ?? 0),
      hits: hits.map((hit) => ({ itemId: hit.itemId, score: hit.score, ...(marked.get(hit.itemId) ?? { title: '', text: '' }) })),
      facets,
      feedback,
    };
  }

  async index(documents: SearchDocument[], tx: EntityManager): Promise<void> {
    if (!documents.length) return;
    const client = await this.ready();
    const rows = await this.toMeili(documents, tx);
    const index = client.index<MeiliDocument>(this.options.index);
    await succeeded(index.addDocuments(rows, { primaryKey: 'id' }).waitTask({ timeout: TASK_TIMEOUT_MS }));
    // Passages an item no longer has (it got shorter).
    const stale = documents.map((d) => `(itemId = ${quote(d.itemId)} AND ordinal >= ${d.passages.length})`).join(' OR ');
    await succeeded(index.deleteDocuments({ filter: stale }).waitTask({ timeout: TASK_TIMEOUT_MS }));
  }

  async remove(itemIds: string[]): Promise<void> {
    if (!itemIds.length) return;
    const client = await this.ready();
    const index = client.index(this.options.index);
    await succeeded(index.deleteDocuments({ filter: `itemId IN ${list(itemIds)}` }).waitTask({ timeout: TASK_TIMEOUT_MS }));
  }

  /** Every document away (before a full reindex). */
  async clear(): Promise<void> {
    const client = await this.ready();
    await succeeded(client.index(this.options.index).deleteAllDocuments().waitTask({ timeout: 60_000 }));
  }

  /** The client, once the index exists with our settings. A failure is retried on the next call. */
  private ready(): Promise<Meilisearch> {
    this.client ??= this.connect().catch((error) => {
      this.client = null;
      throw error;
    });
    return this.client;
  }

  private async connect(): Promise<Meilisearch> {
    const { Meilisearch } = await import('meilisearch');
    const client = new Meilisearch({ host: this.options.url, apiKey: this.options.apiKey ?? undefined, timeout: REQUEST_TIMEOUT_MS });
    await succeeded(client.createIndex(this.options.index, { primaryKey: 'id' }).waitTask({ timeout: TASK_TIMEOUT_MS }), ['index_already_exists']);
    await succeeded(client.index(this.options.index).updateSettings(await this.settings()).waitTask({ timeout: 60_000 }));
    this.logger.log(`Meilisearch index "${this.options.index}" is ready at ${this.options.url}`);
    return client;
  }

  /**
   * Community synonyms (search_synonyms) go into the index settings, with
   * the built-in list, when the table changed since this process last
   * looked; Meilisearch applies synonyms at query time, so no reindex.
   */
  private async syncSynonyms(client: Meilisearch): Promise<void> {
    const [{ version }]: { version: string | null }[] = await this.db.query(
      `SELECT md5(string_agg(id::text || array_to_string(expressions, '|'), ',' ORDER BY id)) AS version FROM search_synonyms`,
    );
    if (version === this.synonymsVersion) return;
    await succeeded(client.index(this.options.index).updateSynonyms(await this.synonyms()).waitTask({ timeout: TASK_TIMEOUT_MS }));
    this.synonymsVersion = version;
  }

  private async settings(): Promise<Settings> {
    return {
      searchableAttributes: ['title', 'titleStems', 'tagsText', 'tagsStems', 'body', 'bodyStems', 'compoundParts'],
      filterableAttributes: ['communityId', 'kind', 'stage', 'tags', 'itemId', 'ordinal'],
      sortableAttributes: ['updatedAt'],
      distinctAttribute: 'itemId',
      rankingRules: ['words', 'typo', 'proximity', 'attribute', 'exactness', 'updatedAt:desc'],
      synonyms: await this.synonyms(),
      // The newest synonyms are applied by syncSynonyms before the next search.
      typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: TYPO_MIN_ONE, twoTypos: TYPO_MIN_TWO } },
      faceting: { maxValuesPerFacet: 100, sortFacetValuesBy: { '*': 'count' } },
      pagination: { maxTotalHits: 1_100 },
      localizedAttributes: [{ attributePatterns: ['*'], locales: ['nld'] }],
    };
  }

  /** The built-in synonyms and every community's own, as typed and as Dutch stems (the query is sent as stems). */
  private async synonyms(): Promise<Record<string, string[]>> {
    const own: { expressions: string[] }[] = await this.db.query(`SELECT expressions FROM search_synonyms ORDER BY created_at, id`);
    const expressions = [...SYNONYMS, ...own.map((r) => r.expressions)].map((group) => group.map((e) => words(e).join(' ')));
    const stemmed = await this.stems(expressions.flat());
    const synonyms: Record<string, string[]> = {};
    let k = 0;
    for (const group of expressions) {
      const forms = group.flatMap((e) => [e, stemmed[k++]]).filter((v, i, all) => v && all.indexOf(v) === i);
      for (const form of forms) synonyms[form] = [...new Set([...(synonyms[form] ?? []), ...forms.filter((f) => f !== form)])];
    }
    return synonyms;
  }

  /** What Meilisearch is asked: Dutch stems, phrases in quotes, and the word being typed as typed. */
  private async queryText(plan: QueryPlan): Promise<string> {
    // Stop and question words are left out, as they decide nothing in the PostgreSQL engine either.
    const parts = meaningfulGroups(plan).map((group) => group.alternatives[0]);
    const plain = parts.filter((a) => !a.prefix && a.words.length === 1).map((a) => a.words[0]);
    const stemmed = new Map(plain.map((w, i) => [w, i]));
    const stems = await this.stems(plain);
    return parts
      .map((a) => {
        if (a.words.length > 1) return `"${a.words.join(' ')}"`;
        if (a.prefix) return a.words[0];
        return stems[stemmed.get(a.words[0])!] || a.words[0];
      })
      .join(' ');
  }

  /** Dutch stems of each text, space separated (empty for stop words only). */
  private async stems(texts: string[], tx: EntityManager = this.db.manager): Promise<string[]> {
    if (!texts.length) return [];
    const rows: { stems: string }[] = await tx.query(
      `SELECT coalesce((SELECT string_agg(word, ' ' ORDER BY pos)
                          FROM (SELECT lexeme AS word, min(p) AS pos FROM unnest(to_tsvector('spiraal_dutch', t.text)) AS u(lexeme, positions, weights),
                                       unnest(u.positions) AS p GROUP BY lexeme) w), '') AS stems
         FROM unnest($1::text[]) WITH ORDINALITY AS t(text, ord) ORDER BY t.ord`,
      [texts],
    );
    return rows.map((r) => r.stems);
  }

  private async toMeili(documents: SearchDocument[], tx: EntityManager): Promise<MeiliDocument[]> {
    const passages = documents.flatMap((d) => d.passages.map((body, ordinal) => ({ d, body, ordinal })));
    const texts = passages.flatMap(({ d, body }) => [d.title, d.tags.join(' ; '), body]);
    const stems = await this.stems(texts, tx);
    return passages.map(({ d, body, ordinal }, i) => ({
      id: `${d.itemId}-${ordinal}`,
      itemId: d.itemId,
      ordinal,
      communityId: d.communityId,
      kind: d.kind,
      stage: d.stage,
      tags: d.tags,
      title: d.title,
      tagsText: d.tags.join(' ; '),
      body,
      titleStems: stems[i * 3],
      tagsStems: stems[i * 3 + 1],
      bodyStems: stems[i * 3 + 2],
      compoundParts: d.compoundParts?.[ordinal] ?? '',
      updatedAt: d.updatedAt.getTime(),
    }));
  }
}

/** Filter values are always quoted and escaped: user input never becomes filter syntax. */
function quote(value: string): string {
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}

function list(values: string[]): string {
  return `[${values.map(quote).join(', ')}]`;
}

/** The scope and every filter except the facet's own (disjunctive facets). */
function filterFor(scope: string, filters: SearchFilters, except?: FacetName): string {
  const parts = [scope];
  if (filters.communityIds && except !== 'communities') parts.push(`communityId IN ${list(filters.communityIds)}`);
  if (filters.kinds && except !== 'kinds') parts.push(`kind IN ${list(filters.kinds)}`);
  if (filters.stages && except !== 'stages') parts.push(`stage IN ${list(filters.stages)}`);
  if (filters.tags && except !== 'tags') parts.push(...filters.tags.map((tag) => `tags = ${quote(tag)}`));
  return parts.join(' AND ');
}

/** Waits for a Meilisearch task and fails unless it succeeded (or failed with an expected code). */
async function succeeded(task: Promise<{ status: string; error: { code: string; message: string } | null }>, expected: string[] = []): Promise<void> {
  const done = await task;
  if (done.status === 'succeeded') return;
  if (done.error && expected.includes(done.error.code)) return;
  throw new Error(`Meilisearch task ${done.status}: ${done.error ? `${done.error.code}: ${done.error.message}` : 'no details'}`);
}
