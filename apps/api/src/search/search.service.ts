import { maskNumbersInSnippet } from '@spiraal/privacy';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUuid, ITEM_KINDS, SECI_STAGES, validatePageSize, validateTags } from '@spiraal/domain';
import { meaningfulGroups, parseQuery, QueryError, QueryPlan } from '@spiraal/search';
import { performance } from 'node:perf_hooks';
import { DataSource, In, IsNull } from 'typeorm';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../common/request-context';
import { badInput, notFound } from '../common/errors';
import { ItemEntity } from '../database/entities/item.entity';
import { dutchCompounds } from './dutch-words';
import { PostgresSearchEngine } from './postgres-search.engine';
import { SearchSuggestions } from './search-suggestions';
import { SearchMetrics } from './search.metrics';
import { emptyResult, type EngineQuery, type EngineResult, type SearchEngine } from './search-engine';
import { PRIMARY_ENGINE } from './search.tokens';
import type { SearchInput, SearchResult } from './search.types';

export const SEARCH_OFFSET_MAX = 1_000;

/**
 * "What does the network already know?": parses the query, limits it to the
 * communities the user may read, asks the engine (falling back to PostgreSQL
 * when Meilisearch does not answer) and returns the current items.
 */
@Injectable()
export class SearchService {
  private readonly logger = new Logger(SearchService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    @Inject(PRIMARY_ENGINE) private readonly primary: SearchEngine,
    private readonly postgres: PostgresSearchEngine,
    private readonly metrics: SearchMetrics,
    private readonly suggestions: SearchSuggestions,
  ) {}

  async search(user: AuthUser, input: SearchInput): Promise<SearchResult> {
    const started = performance.now();
    // Catching up with the latest edits runs beside the permission and synonym reads.
    if (this.primary === this.postgres) this.postgres.catchUp(started);
    const query = await this.engineQuery(user, input, started);
    if (!query) {
      const readableCommunities = (await this.access.readableCommunityIds(user.id)).length;
      return {
        totalHits: 0,
        hits: [],
        facets: emptyResult().facets,
        engine: this.primary.name,
        tookMs: performance.now() - started,
        missingWords: [],
        didYouMean: null,
        suggestions: [],
        readableCommunities,
      };
    }
    // The items shown and the communities' names are read while the engine marks the snippets, when it says what it found early.
    const shown = (itemIds: string[], communityIds: string[]) =>
      Promise.all([
        this.db.getRepository(ItemEntity).findBy({ id: In(itemIds), archivedAt: IsNull() }),
        this.communityNames(communityIds),
      ]);
    let early: ReturnType<typeof shown> | null = null;
    query.onRanked = (itemIds, communityIds) => {
      early = shown(itemIds, communityIds);
      early.catch(() => undefined); // awaited below
    };
    const { engine, found } = await this.run(query);
    // Independent reads, side by side: each is a round trip.
    const [[items, names], feedback, suggestions] = await Promise.all([
      early ??
        shown(
          found.hits.map((h) => h.itemId),
          found.facets.communities.map((f) => f.value),
        ),
      found.feedback ?? this.postgres.feedback(query),
      found.totalHits ? [] : this.suggestions.closestWords(query.plan, query.readableCommunityIds),
    ]);
    // The index may lag a moment behind; what is shown is the item as it is now, and only if still readable.
    const readable = new Set(query.readableCommunityIds);
    const byId = new Map(items.filter((item) => readable.has(item.communityId)).map((item) => [item.id, item]));
    const hits = found.hits.flatMap((hit) => {
      const item = byId.get(hit.itemId);
      // A BSN or IBAN never shows in a snippet, to anyone (docs/privacy.md).
      return item
        ? [
            {
              item,
              score: hit.score,
              highlights: { title: maskNumbersInSnippet(hit.title), text: maskNumbersInSnippet(hit.text) },
            },
          ]
        : [];
    });
    this.metrics.searched(engine, (performance.now() - started) / 1000);
    return {
      missingWords: feedback.missingWords,
      didYouMean: correctedQuery(query.plan, feedback.corrections),
      suggestions,
      totalHits: found.totalHits,
      engine,
      hits,
      facets: {
        ...found.facets,
        communities: found.facets.communities.map((f) => ({ ...f, label: names.get(f.value) ?? null })),
      },
      tookMs: Math.round((performance.now() - started) * 100) / 100,
      readableCommunities: query.readableCommunityIds.length,
    };
  }

  private async run(query: EngineQuery): Promise<{ engine: string; found: EngineResult }> {
    if (this.primary !== this.postgres) {
      try {
        return { engine: this.primary.name, found: await this.primary.search(query) };
      } catch (error) {
        this.logger.warn(`${this.primary.name} did not answer (${String(error)}); searching PostgreSQL instead`);
      }
    }
    return { engine: this.postgres.name, found: await this.postgres.search(query) };
  }

  /** The validated query, or null when there is nothing to look for. */
  private async engineQuery(user: AuthUser, input: SearchInput, since: number): Promise<EngineQuery | null> {
    let plan;
    try {
      plan = parseQuery(input.query ?? '', { splitter: dutchCompounds() });
    } catch (error) {
      if (error instanceof QueryError) throw badInput(error.message, 'query');
      throw error;
    }
    const limit = validatePageSize(input.limit);
    const offset = input.offset ?? 0;
    if (!Number.isInteger(offset) || offset < 0 || offset > SEARCH_OFFSET_MAX) {
      throw badInput(
        `Begin bij resultaat 0 tot ${SEARCH_OFFSET_MAX} / Offset must be 0 to ${SEARCH_OFFSET_MAX}`,
        'offset',
      );
    }
    const kinds = oneOfEach('kinds', input.kinds, ITEM_KINDS);
    const stages = oneOfEach('stages', input.stages, SECI_STAGES);
    const tags = input.tags?.length ? validateTags(input.tags) : null;
    const readableCommunityIds = await this.access.readableCommunityIds(user.id);
    let communityIds: string[] | null = null;
    if (input.communityIds?.length) {
      // An id you may not read is told apart from nothing: it does not exist for you.
      if (input.communityIds.some((id) => !isUuid(id) || !readableCommunityIds.includes(id)))
        throw notFound('Dit leernetwerk');
      communityIds = [...new Set(input.communityIds)];
    }
    if (!plan.groups.length) return null;
    // The synonyms facilitators added for the communities searched apply at once (docs/decisions/search-relevance.md).
    const synonyms = await this.suggestions.synonymsFor(communityIds ?? readableCommunityIds);
    if (synonyms.length) plan = parseQuery(input.query ?? '', { splitter: dutchCompounds(), synonyms });
    return { plan, readableCommunityIds, filters: { communityIds, kinds, stages, tags }, limit, offset, since };
  }

  private async communityNames(ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows: { id: string; name: string }[] = await this.db.query(
      'SELECT id, name FROM communities WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}

function oneOfEach<T extends string>(
  field: string,
  values: readonly T[] | null | undefined,
  allowed: readonly T[],
): T[] | null {
  if (!values?.length) return null;
  if (values.some((v) => !allowed.includes(v)))
    throw badInput(`Onbekende waarde in ${field} / Unknown value in ${field}`, field);
  return [...new Set(values)];
}

/** The query with each corrected word replaced, or null when nothing was corrected. */
export function correctedQuery(plan: QueryPlan, corrections: { word: string; correction: string }[]): string | null {
  if (!corrections.length) return null;
  const byWord = new Map(corrections.map((c) => [c.word, c.correction]));
  return plan.groups
    .map((g) => (meaningfulGroups(plan).includes(g) ? (byWord.get(g.source) ?? g.source) : g.source))
    .join(' ');
}
