import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { markedToHtml, QueryPlan } from '@spiraal/search';
import { DataSource, EntityManager } from 'typeorm';
import { resolvePlan, SNIPPET_OPTIONS, TITLE_OPTIONS } from './postgres-query';
import { EngineQuery, EngineResult, FacetValue, SearchDocument, SearchEngine, TAG_FACET_SIZE } from './search-engine';

/** Title (A) over tags (B), each stemmed and exact. */
const HEAD_TSV = `
  setweight(to_tsvector('spiraal_simple', p.title), 'A') || setweight(to_tsvector('spiraal_dutch', p.title), 'A') ||
  setweight(to_tsvector('spiraal_simple', p.tag_text), 'B') || setweight(to_tsvector('spiraal_dutch', p.tag_text), 'B')`;

/** The weighted text of a passage: the head over the body (C). */
const PASSAGE_TSV = `${HEAD_TSV} ||
  setweight(to_tsvector('spiraal_simple', p.body), 'C') || setweight(to_tsvector('spiraal_dutch', p.body), 'C')`;

/**
 * Ranking reads each candidate's whole text (ts_rank), which is what costs
 * time when a common word matches half the network. So only this many
 * candidates are ranked: the most recent items whose title or tags match,
 * and the most recent of the rest. Below this many hits, ranking is exact.
 */
const RANK_CANDIDATES = 300;

interface ResultRow {
  total: string;
  stages: [string, number][] | null;
  kinds: [string, number][] | null;
  communities: [string, number][] | null;
  tags: [string, number][] | null;
  hits: [string, number, string, string][] | null;
}

/**
 * One statement: the matched items in scope ($4) with their facet fields
 * (each facet ignores its own filter), the total, and the ranked page with
 * highlights. $1 match, $2 any part, $3 highlight query; $5–$8 filters;
 * $9 candidates, $10 limit, $11 offset; $12, $13 headline options.
 */
const SEARCH_SQL = `
  WITH q AS (SELECT $1::tsquery AS q, $2::tsquery AS any, $3::tsquery AS mark),
  m AS MATERIALIZED (
    SELECT DISTINCT ON (p.item_id) p.item_id, p.community_id, p.kind, p.stage, p.tags, p.updated_at,
           p.head @@ q.any AS head_hit,
           ($5::uuid[] IS NULL OR p.community_id = ANY($5)) AS c_ok,
           ($6::text[] IS NULL OR p.kind = ANY($6)) AS k_ok,
           ($7::text[] IS NULL OR p.stage = ANY($7)) AS s_ok,
           ($8::text[] IS NULL OR p.tags @> $8) AS t_ok
      FROM search_passages p, q
     WHERE p.tsv @@ q.q AND p.community_id = ANY($4::uuid[])
     ORDER BY p.item_id, p.ordinal
  ),
  hits AS (SELECT * FROM m WHERE c_ok AND k_ok AND s_ok AND t_ok),
  candidates AS (
    (SELECT item_id FROM hits WHERE head_hit ORDER BY updated_at DESC LIMIT $9)
    UNION
    (SELECT item_id FROM hits ORDER BY updated_at DESC LIMIT $9)
  ),
  ranked AS (
    SELECT DISTINCT ON (p.item_id) p.item_id, p.ordinal, p.updated_at, ts_rank(p.tsv, q.q) AS score
      FROM candidates c JOIN search_passages p ON p.item_id = c.item_id, q
     WHERE p.tsv @@ q.q
     ORDER BY p.item_id, score DESC, p.ordinal
  ),
  top AS (SELECT * FROM ranked ORDER BY score DESC, updated_at DESC, item_id LIMIT $10 OFFSET $11)
  SELECT
    (SELECT count(*) FROM hits) AS total,
    (SELECT json_agg(json_build_array(stage, n)) FROM (SELECT stage, count(*) AS n FROM m WHERE c_ok AND k_ok AND t_ok GROUP BY stage) x) AS stages,
    (SELECT json_agg(json_build_array(kind, n)) FROM (SELECT kind, count(*) AS n FROM m WHERE c_ok AND s_ok AND t_ok GROUP BY kind) x) AS kinds,
    (SELECT json_agg(json_build_array(community_id, n)) FROM (SELECT community_id, count(*) AS n FROM m WHERE k_ok AND s_ok AND t_ok GROUP BY community_id) x) AS communities,
    (SELECT json_agg(json_build_array(tag, n)) FROM (
       SELECT tag, count(*) AS n FROM m, unnest(m.tags) AS tag WHERE c_ok AND k_ok AND s_ok GROUP BY tag ORDER BY n DESC, tag LIMIT ${TAG_FACET_SIZE}) x) AS tags,
    (SELECT json_agg(json_build_array(t.item_id, t.score, ts_headline('spiraal_dutch', p.title, q.mark, $12), ts_headline('spiraal_dutch', p.body, q.mark, $13))
                     ORDER BY t.score DESC, t.updated_at DESC, t.item_id)
       FROM top t JOIN search_passages p ON p.item_id = t.item_id AND p.ordinal = t.ordinal, q) AS hits`;

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

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async search(query: EngineQuery): Promise<EngineResult> {
    return this.db.transaction('REPEATABLE READ', async (tx) => {
      const { match, any, highlight } = await resolvePlan(tx, query.plan);
      if (!match || !query.readableCommunityIds.length) return emptyResult();
      const { filters } = query;
      const [row]: ResultRow[] = await tx.query(SEARCH_SQL, [
        match,
        any,
        highlight ?? match,
        query.readableCommunityIds,
        filters.communityIds,
        filters.kinds,
        filters.stages,
        filters.tags,
        Math.max(RANK_CANDIDATES, query.offset + query.limit),
        query.limit,
        query.offset,
        TITLE_OPTIONS,
        SNIPPET_OPTIONS,
      ]);
      const facet = (pairs: [string, number][] | null): FacetValue[] =>
        (pairs ?? []).map(([value, count]) => ({ value, count: Number(count) })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
      return {
        totalHits: Number(row.total),
        hits: (row.hits ?? []).map(([itemId, score, title, text]) => ({ itemId, score: Number(score), title: markedToHtml(title), text: markedToHtml(text) })),
        facets: { stages: facet(row.stages), kinds: facet(row.kinds), communities: facet(row.communities), tags: facet(row.tags) },
      };
    });
  }

  /**
   * Highlights for hits another engine found, from the same passages and with
   * the same rules, so every engine marks words the same way.
   */
  async highlight(plan: QueryPlan, hits: { itemId: string; ordinal: number }[]): Promise<Map<string, { title: string; text: string }>> {
    const found = new Map<string, { title: string; text: string }>();
    if (!hits.length) return found;
    const { match, highlight } = await resolvePlan(this.db.manager, plan);
    if (!match) return found;
    const rows: { item_id: string; title: string; text: string }[] = await this.db.query(
      `SELECT p.item_id, ts_headline('spiraal_dutch', p.title, $3::tsquery, $4) AS title, ts_headline('spiraal_dutch', p.body, $3::tsquery, $5) AS text
         FROM unnest($1::uuid[], $2::int[]) AS h(item_id, ordinal)
         JOIN search_passages p ON p.item_id = h.item_id AND p.ordinal = h.ordinal`,
      [hits.map((h) => h.itemId), hits.map((h) => h.ordinal), highlight ?? match, TITLE_OPTIONS, SNIPPET_OPTIONS],
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
    await tx.query(
      `INSERT INTO search_passages (item_id, ordinal, community_id, kind, stage, tags, title, body, tsv, head, updated_at)
       SELECT p.item_id, p.ordinal, p.community_id, p.kind, p.stage, p.tags, p.title, p.body, ${PASSAGE_TSV}, ${HEAD_TSV}, p.updated_at
         FROM (SELECT *, array_to_string(tags, ' ; ') AS tag_text
                 FROM jsonb_to_recordset($1::jsonb) AS r(item_id uuid, ordinal int, community_id uuid, kind text, stage text,
                                                          tags text[], title text, body text, updated_at timestamptz)) p`,
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
            updated_at: d.updatedAt.toISOString(),
          })),
        ),
      ],
    );
    // The vocabulary for typos and completions; sorted so concurrent inserts cannot deadlock.
    await tx.query(
      `INSERT INTO search_terms (term)
       SELECT DISTINCT term FROM search_passages p,
              unnest(tsvector_to_array(to_tsvector('spiraal_simple', p.title || ' ' || array_to_string(p.tags, ' ') || ' ' || p.body))) AS term
        WHERE p.item_id = ANY($1::uuid[]) AND term ~ '^[[:alpha:]]{2,40}$'
        ORDER BY term
       ON CONFLICT DO NOTHING`,
      [ids],
    );
  }
}

function emptyResult(): EngineResult {
  return { totalHits: 0, hits: [], facets: { stages: [], kinds: [], tags: [], communities: [] } };
}
