import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { markedToHtml, QueryPlan } from '@spiraal/search';
import { DataSource, EntityManager } from 'typeorm';
import { resolvePlan, SNIPPET_OPTIONS, TITLE_OPTIONS } from './postgres-query';
import { emptyResult, EngineQuery, EngineResult, FacetValue, SearchDocument, SearchEngine, TAG_FACET_SIZE } from './search-engine';

/** Title (A) over tags (B), each stemmed and exact. */
const HEAD_TSV = `
  setweight(to_tsvector('spiraal_simple', p.title), 'A') || setweight(to_tsvector('spiraal_dutch', p.title), 'A') ||
  setweight(to_tsvector('spiraal_simple', p.tag_text), 'B') || setweight(to_tsvector('spiraal_dutch', p.tag_text), 'B')`;

/**
 * Ranking reads each candidate's whole text (ts_rank), which is what costs
 * time when a common word matches half the network. So only this many
 * candidates are ranked: the most recent items whose title or tags match,
 * and the most recent of the rest. Below this many hits, ranking is exact.
 */
const RANK_CANDIDATES = 200;

interface ResultRow {
  /** [stage, kind, communityId, inCommunities, inKinds, inStages, withTags, count]: one pass for total and facets. */
  groups: [string, string, string, boolean, boolean, boolean, boolean, number][] | null;
  tags: [string, number][] | null;
  hits: [string, number, string, string][] | null;
}

/**
 * One statement. `m`: the matched items in scope ($4), one row per item (its
 * first matching passage; the NOT EXISTS runs only for later passages), with
 * whether each filter holds. From it: counts per combination of facet values
 * and filters (the facets, each ignoring its own filter, and the total are
 * summed from these in JavaScript), the tag facet, and the ranked page with
 * highlights. $1 match, $2 any part, $3 highlight query; $5–$8 filters;
 * $9 candidates, $10 limit, $11 offset; $12, $13 headline options.
 */
const SEARCH_SQL = `
  WITH m AS MATERIALIZED (
    SELECT p.item_id, p.community_id, p.kind, p.stage, p.tags, p.updated_at,
           p.head @@ $2::tsquery AS head_hit,
           ($5::uuid[] IS NULL OR p.community_id = ANY($5)) AS c_ok,
           ($6::text[] IS NULL OR p.kind = ANY($6)) AS k_ok,
           ($7::text[] IS NULL OR p.stage = ANY($7)) AS s_ok,
           ($8::text[] IS NULL OR p.tags @> $8) AS t_ok
      FROM search_passages p
     WHERE p.tsv @@ $1::tsquery AND p.community_id = ANY($4::uuid[])
       AND (p.ordinal = 0 OR NOT EXISTS (
             SELECT 1 FROM search_passages e WHERE e.item_id = p.item_id AND e.ordinal < p.ordinal AND e.tsv @@ $1::tsquery))
  ),
  hits AS (SELECT * FROM m WHERE c_ok AND k_ok AND s_ok AND t_ok),
  candidates AS (
    (SELECT item_id FROM hits WHERE head_hit ORDER BY updated_at DESC LIMIT $9)
    UNION
    (SELECT item_id FROM hits ORDER BY updated_at DESC LIMIT $9)
  ),
  ranked AS (
    SELECT DISTINCT ON (p.item_id) p.item_id, p.ordinal, p.updated_at, ts_rank(p.tsv, $1::tsquery) AS score
      FROM candidates c JOIN search_passages p ON p.item_id = c.item_id
     WHERE p.tsv @@ $1::tsquery
     ORDER BY p.item_id, score DESC, p.ordinal
  ),
  top AS (SELECT * FROM ranked ORDER BY score DESC, updated_at DESC, item_id LIMIT $10 OFFSET $11)
  SELECT
    (SELECT json_agg(json_build_array(stage, kind, community_id, c_ok, k_ok, s_ok, t_ok, n))
       FROM (SELECT stage, kind, community_id, c_ok, k_ok, s_ok, t_ok, count(*) AS n FROM m GROUP BY 1, 2, 3, 4, 5, 6, 7) g) AS groups,
    (SELECT json_agg(json_build_array(tag, n)) FROM (
       SELECT tag, count(*) AS n FROM m, unnest(m.tags) AS tag WHERE c_ok AND k_ok AND s_ok GROUP BY tag ORDER BY n DESC, tag LIMIT ${TAG_FACET_SIZE}) x) AS tags,
    (SELECT json_agg(json_build_array(t.item_id, t.score, ts_headline('spiraal_dutch', b.title, $3::tsquery, $12), ts_headline('spiraal_dutch', b.body, $3::tsquery, $13))
                     ORDER BY t.score DESC, t.updated_at DESC, t.item_id)
       FROM top t JOIN search_bodies b ON b.item_id = t.item_id AND b.ordinal = t.ordinal) AS hits`;

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
      return {
        ...facetsFrom(row.groups ?? [], row.tags ?? []),
        hits: (row.hits ?? []).map(([itemId, score, title, text]) => ({ itemId, score: Number(score), title: markedToHtml(title), text: markedToHtml(text) })),
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
      `SELECT b.item_id, ts_headline('spiraal_dutch', b.title, $3::tsquery, $4) AS title, ts_headline('spiraal_dutch', b.body, $3::tsquery, $5) AS text
         FROM unnest($1::uuid[], $2::int[]) AS h(item_id, ordinal)
         JOIN search_bodies b ON b.item_id = h.item_id AND b.ordinal = h.ordinal`,
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
    // Each text is parsed once per configuration: the exact words feed both the index and the vocabulary.
    await tx.query(
      `WITH p AS (
         SELECT r.*, array_to_string(r.tags, ' ; ') AS tag_text,
                to_tsvector('spiraal_simple', r.body) AS body_exact, to_tsvector('spiraal_dutch', r.body) AS body_stems
           FROM jsonb_to_recordset($1::jsonb) AS r(item_id uuid, ordinal int, community_id uuid, kind text, stage text,
                                                   tags text[], title text, body text, updated_at timestamptz)
       ),
       h AS (SELECT p.*, ${HEAD_TSV} AS head FROM p),
       passages AS (
         INSERT INTO search_passages (item_id, ordinal, community_id, kind, stage, tags, updated_at, head, tsv)
         SELECT item_id, ordinal, community_id, kind, stage, tags, updated_at, head,
                head || setweight(body_exact, 'C') || setweight(body_stems, 'C')
           FROM h
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
            updated_at: d.updatedAt.toISOString(),
          })),
        ),
      ],
    );
  }
}

/** Total and facets from counts per combination: each facet sums the rows where every other filter holds. */
export function facetsFrom(groups: ResultRow['groups'] & object, tags: [string, number][]): Omit<EngineResult, 'hits'> {
  const count = (pick: (g: (typeof groups)[number]) => string, holds: (g: (typeof groups)[number]) => boolean): FacetValue[] => {
    const totals = new Map<string, number>();
    for (const g of groups) if (holds(g)) totals.set(pick(g), (totals.get(pick(g)) ?? 0) + Number(g[7]));
    return [...totals].map(([value, n]) => ({ value, count: n })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  };
  return {
    totalHits: groups.filter(([, , , c, k, s, t]) => c && k && s && t).reduce((sum, g) => sum + Number(g[7]), 0),
    facets: {
      stages: count((g) => g[0], ([, , , c, k, , t]) => c && k && t),
      kinds: count((g) => g[1], ([, , , c, , s, t]) => c && s && t),
      communities: count((g) => g[2], ([, , , , k, s, t]) => k && s && t),
      tags: tags.map(([value, n]) => ({ value, count: Number(n) })),
    },
  };
}
