import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { markedToHtml, QueryPlan, RankedHit, RankRun } from '@spiraal/search';
import { DataSource, EntityManager } from 'typeorm';
import { resolvePlan, SNIPPET_OPTIONS, TITLE_OPTIONS } from './postgres-query';
import {
  emptyResult,
  EngineQuery,
  EngineResult,
  QueryFeedback,
  SearchDocument,
  SearchEngine,
  TAG_FACET_SIZE,
} from './search-engine';
import { SearchMirror } from './search-mirror';
import { facetsFrom, feedbackOf } from './search-results';
import { searchWithSql } from './sql-ranking';

/** Title (A) over tags (B), each stemmed and exact. */
const HEAD_TSV = `
  setweight(to_tsvector('spiraal_simple', p.title), 'A') || setweight(to_tsvector('spiraal_dutch', p.title), 'A') ||
  setweight(to_tsvector('spiraal_simple', p.tag_text), 'B') || setweight(to_tsvector('spiraal_dutch', p.tag_text), 'B')`;

/** The SQL rankings stay selectable (SPIRAAL_SEARCH_RANKING=sql or scan), so the benchmark can measure them beside the in-memory one. */
function inMemory(): boolean {
  const ranking = process.env.SPIRAAL_SEARCH_RANKING;
  return ranking !== 'sql' && ranking !== 'scan';
}

/**
 * PostgreSQL full-text search, the default engine (also on the embedded
 * database). Dutch stems and exact words together, accents folded, typo
 * tolerance and completions from the vocabulary, the permission scope and
 * the filters in the same statement.
 */
@Injectable()
export class PostgresSearchEngine implements SearchEngine {
  readonly external = false;
  readonly name = 'postgresql';

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly mirror: SearchMirror,
  ) {}

  /** Starts catching up with changes committed before `since`, ahead of a search (errors surface in the search). */
  catchUp(since: number): void {
    if (inMemory() && this.mirror.loaded) this.mirror.current(since).catch(() => undefined);
  }

  async search(query: EngineQuery): Promise<EngineResult> {
    // While a process reads the passages at start (seconds per 10,000 items), PostgreSQL ranks: search stays available.
    if (inMemory() && this.mirror.loaded) return this.searchInMemory(query);
    if (inMemory()) this.mirror.warm();
    return searchWithSql(this.db, query);
  }

  /**
   * The ranking over this process's in-memory copy of the passages
   * (docs/decisions/search-in-memory.md); PostgreSQL still analyses the
   * words, checks words in a row on the best candidates and marks snippets.
   */
  private async searchInMemory(query: EngineQuery): Promise<EngineResult> {
    const [index, resolved] = await Promise.all([
      this.mirror.current(query.since),
      resolvePlan(this.db.manager, query.plan),
    ]);
    if (!resolved.any || !query.readableCommunityIds.length)
      return { ...emptyResult(), feedback: feedbackOf(resolved, null) };
    const { filters } = query;
    const rank = async (): Promise<{ run: RankRun; hits: RankedHit[] }> => {
      const generation = index.generation;
      const run = new RankRun(
        index,
        resolved.rank,
        {
          readable: query.readableCommunityIds,
          communities: filters.communityIds,
          kinds: filters.kinds,
          stages: filters.stages,
          tags: filters.tags,
        },
        TAG_FACET_SIZE,
      );
      const hits = await run.top(query.offset, query.limit, (passages) => this.check(passages, resolved.checks));
      // Compacted meanwhile (rare): the run's passage numbers are stale, rank again.
      return index.generation === generation ? { run, hits } : rank();
    };
    const { run, hits } = await rank();
    const facets = facetsFrom(run.facetRows, run.tagCounts);
    query.onRanked?.(
      hits.map((h) => h.itemId),
      facets.facets.communities.map((f) => f.value),
    );
    const marked = await this.headlines(hits, resolved.highlight ?? resolved.any);
    return {
      ...facets,
      hits: hits.flatMap((hit) => {
        const found = marked.get(hit.itemId);
        return found ? [{ itemId: hit.itemId, score: hit.score, ...found }] : [];
      }),
      feedback: feedbackOf(resolved, run.df),
    };
  }

  /** Per passage, whether each tsquery matches it (words in a row); a passage gone since matches none. */
  private async check(passages: { itemId: string; ordinal: number }[], checks: string[]): Promise<boolean[][]> {
    const rows: { ord: string; ok: boolean[] }[] = await this.db.query(
      `SELECT h.ord, (SELECT array_agg(p.tsv @@ c.q::tsquery ORDER BY c.n) FROM unnest($3::text[]) WITH ORDINALITY c(q, n)) AS ok
         FROM unnest($1::uuid[], $2::int[]) WITH ORDINALITY h(item_id, ordinal, ord)
         JOIN search_passages p ON p.item_id = h.item_id AND p.ordinal = h.ordinal`,
      [passages.map((p) => p.itemId), passages.map((p) => p.ordinal), checks],
    );
    const results: boolean[][] = passages.map(() => []);
    for (const row of rows) results[Number(row.ord) - 1] = row.ok;
    return results;
  }

  /** What happened to the words, for an engine that searched elsewhere: document frequencies from this index. */
  async feedback(query: EngineQuery): Promise<QueryFeedback> {
    const resolved = await resolvePlan(this.db.manager, query.plan);
    if (!resolved.groups.length || !query.readableCommunityIds.length) return feedbackOf(resolved, null);
    const rows: { ord: number; found: boolean }[] = await this.db.query(
      `SELECT t.ord, EXISTS (SELECT 1 FROM search_passages p WHERE p.tsv @@ t.q::tsquery AND p.community_id = ANY($2::uuid[])) AS found
         FROM unnest($1::text[]) WITH ORDINALITY AS t(q, ord) ORDER BY t.ord`,
      [resolved.groups.map((g) => g.full), query.readableCommunityIds],
    );
    return feedbackOf(
      resolved,
      rows.map((r) => (r.found ? 1 : 0)),
    );
  }

  /**
   * Highlights for hits another engine found, from the same passages and with
   * the same rules, so every engine marks words the same way.
   */
  async highlight(
    plan: QueryPlan,
    hits: { itemId: string; ordinal: number }[],
  ): Promise<Map<string, { title: string; text: string }>> {
    const found = new Map<string, { title: string; text: string }>();
    if (!hits.length) return found;
    const { any, highlight } = await resolvePlan(this.db.manager, plan);
    if (!any) return found;
    return this.headlines(hits, highlight ?? any);
  }

  /** The title and snippet of each hit's passage with the words of `tsquery` marked. */
  private async headlines(
    hits: { itemId: string; ordinal: number }[],
    tsquery: string,
  ): Promise<Map<string, { title: string; text: string }>> {
    const found = new Map<string, { title: string; text: string }>();
    if (!hits.length) return found;
    const rows: { item_id: string; title: string; text: string }[] = await this.db.query(
      `SELECT b.item_id, ts_headline('spiraal_dutch', b.title, $3::tsquery, $4) AS title, ts_headline('spiraal_dutch', b.body, $3::tsquery, $5) AS text
         FROM unnest($1::uuid[], $2::int[]) AS h(item_id, ordinal)
         JOIN search_bodies b ON b.item_id = h.item_id AND b.ordinal = h.ordinal`,
      [hits.map((h) => h.itemId), hits.map((h) => h.ordinal), tsquery, TITLE_OPTIONS, SNIPPET_OPTIONS],
    );
    for (const row of rows) found.set(row.item_id, { title: markedToHtml(row.title), text: markedToHtml(row.text) });
    return found;
  }

  /** Nothing to do: a rebuild replaces each item's passages in place, so search keeps working meanwhile. */
  async clear(): Promise<void> {}

  async remove(itemIds: string[], tx: EntityManager): Promise<void> {
    if (!itemIds.length) return;
    await tx.query('DELETE FROM search_passages WHERE item_id = ANY($1::uuid[])', [itemIds]);
  }

  async index(documents: SearchDocument[], tx: EntityManager): Promise<void> {
    if (!documents.length) return;
    const rows = documents.flatMap((d) => d.passages.map((body, ordinal) => ({ d, body, ordinal })));
    const ids = documents.map((d) => d.itemId);
    await tx.query('DELETE FROM search_passages WHERE item_id = ANY($1::uuid[])', [ids]);
    // Each text is parsed once per configuration: the exact words feed both the index and the vocabulary.
    await tx.query(
      `WITH p AS (
         SELECT r.*, array_to_string(r.tags, ' ; ') AS tag_text,
                to_tsvector('spiraal_simple', r.body) AS body_exact, to_tsvector('spiraal_dutch', r.body) AS body_stems
           FROM jsonb_to_recordset($1::jsonb) AS r(item_id uuid, ordinal int, community_id uuid, kind text, stage text,
                                                   tags text[], title text, body text, parts text, updated_at timestamptz)
       ),
       h AS (SELECT p.*, ${HEAD_TSV} AS head FROM p),
       passages AS (
         INSERT INTO search_passages (item_id, ordinal, community_id, kind, stage, tags, updated_at, head, tsv, len)
         SELECT item_id, ordinal, community_id, kind, stage, tags, updated_at, head, tsv, length(tsv)
           FROM (SELECT h.*, head || setweight(body_exact, 'C') || setweight(body_stems, 'C')
                        || setweight(to_tsvector('spiraal_simple', parts), 'D') || setweight(to_tsvector('spiraal_dutch', parts), 'D') AS tsv
                   FROM h) v
         RETURNING item_id, ordinal
       ),
       bodies AS (
         INSERT INTO search_bodies (item_id, ordinal, title, body)
         SELECT h.item_id, h.ordinal, h.title, h.body FROM h JOIN passages USING (item_id, ordinal)
       )
       -- The vocabulary for typos and completions; sorted so concurrent inserts cannot deadlock.
       INSERT INTO search_terms (term)
       SELECT DISTINCT term
         FROM h, unnest(tsvector_to_array(to_tsvector('spiraal_simple', h.title || ' ' || h.tag_text) || h.body_exact)) AS term
        WHERE term ~ '^[[:alpha:]]{2,40}$'
        ORDER BY term
       ON CONFLICT DO NOTHING`,
      [
        JSON.stringify(
          rows.map(({ d, body, ordinal }) => ({
            item_id: d.itemId,
            ordinal,
            community_id: d.communityId,
            kind: d.kind,
            stage: d.stage,
            tags: d.tags,
            title: d.title,
            body,
            parts: d.compoundParts?.[ordinal] ?? '',
            updated_at: d.updatedAt.toISOString(),
          })),
        ),
      ],
    );
  }
}
