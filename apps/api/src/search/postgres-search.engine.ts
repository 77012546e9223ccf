import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { markedToHtml, QueryPlan } from '@spiraal/search';
import { DataSource, EntityManager } from 'typeorm';
import { resolvePlan, SNIPPET_OPTIONS, TITLE_OPTIONS } from './postgres-query';
import { EngineQuery, EngineResult, FacetValue, SearchDocument, SearchEngine, TAG_FACET_SIZE } from './search-engine';

/** The weighted text of a passage: title (A) over tags (B) over body (C), each stemmed and exact. */
const PASSAGE_TSV = `
  setweight(to_tsvector('spiraal_simple', p.title), 'A') || setweight(to_tsvector('spiraal_dutch', p.title), 'A') ||
  setweight(to_tsvector('spiraal_simple', p.tag_text), 'B') || setweight(to_tsvector('spiraal_dutch', p.tag_text), 'B') ||
  setweight(to_tsvector('spiraal_simple', p.body), 'C') || setweight(to_tsvector('spiraal_dutch', p.body), 'C')`;

interface FacetRow {
  facet: 'stages' | 'kinds' | 'tags' | 'communities' | 'total';
  value: string | null;
  count: string;
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

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async search(query: EngineQuery): Promise<EngineResult> {
    return this.db.transaction('REPEATABLE READ', async (tx) => {
      const { match, highlight } = await resolvePlan(tx, query.plan);
      if (!match || !query.readableCommunityIds.length) return emptyResult();
      const { filters } = query;
      const params = [match, query.readableCommunityIds, filters.communityIds, filters.kinds, filters.stages, filters.tags];
      // The matched items in scope, with their facet fields; each facet ignores its own filter.
      const matched = `
        WITH q AS (SELECT $1::tsquery AS q),
        m AS MATERIALIZED (
          SELECT DISTINCT ON (p.item_id) p.item_id, p.community_id, p.kind, p.stage, p.tags,
                 ($3::uuid[] IS NULL OR p.community_id = ANY($3)) AS c_ok,
                 ($4::text[] IS NULL OR p.kind = ANY($4)) AS k_ok,
                 ($5::text[] IS NULL OR p.stage = ANY($5)) AS s_ok,
                 ($6::text[] IS NULL OR p.tags @> $6) AS t_ok
            FROM search_passages p, q
           WHERE p.tsv @@ q.q AND p.community_id = ANY($2::uuid[])
           ORDER BY p.item_id, p.ordinal
        )`;
      const facetRows: FacetRow[] = await tx.query(
        `${matched}
         SELECT 'total' AS facet, NULL AS value, count(*) AS count FROM m WHERE c_ok AND k_ok AND s_ok AND t_ok
         UNION ALL SELECT 'stages', stage, count(*) FROM m WHERE c_ok AND k_ok AND t_ok GROUP BY stage
         UNION ALL SELECT 'kinds', kind, count(*) FROM m WHERE c_ok AND s_ok AND t_ok GROUP BY kind
         UNION ALL SELECT 'communities', community_id::text, count(*) FROM m WHERE k_ok AND s_ok AND t_ok GROUP BY community_id
         UNION ALL (SELECT 'tags', tag, count(*) FROM m, unnest(m.tags) AS tag WHERE c_ok AND k_ok AND s_ok
                    GROUP BY tag ORDER BY count(*) DESC, tag LIMIT ${TAG_FACET_SIZE})`,
        params,
      );
      const result = facetsFrom(facetRows);
      if (!result.totalHits || query.offset >= result.totalHits) return result;
      // Rank: the best passage of each item; title weighs most, then tags, then body.
      const hitRows: { item_id: string; score: number; title: string; text: string }[] = await tx.query(
        `${matched},
        ranked AS (
          SELECT DISTINCT ON (p.item_id) p.item_id, p.ordinal, p.updated_at, ts_rank(p.tsv, q.q) AS score
            FROM search_passages p JOIN m ON m.item_id = p.item_id, q
           WHERE m.c_ok AND m.k_ok AND m.s_ok AND m.t_ok AND p.tsv @@ q.q
           ORDER BY p.item_id, ts_rank(p.tsv, q.q) DESC, p.ordinal
        ),
        top AS (SELECT * FROM ranked ORDER BY score DESC, updated_at DESC, item_id LIMIT $7 OFFSET $8)
        SELECT top.item_id, top.score,
               ts_headline('spiraal_dutch', p.title, coalesce($9::tsquery, q.q), $10) AS title,
               ts_headline('spiraal_dutch', p.body, coalesce($9::tsquery, q.q), $11) AS text
          FROM top JOIN search_passages p ON p.item_id = top.item_id AND p.ordinal = top.ordinal, q
         ORDER BY top.score DESC, top.updated_at DESC, top.item_id`,
        [...params, query.limit, query.offset, highlight, TITLE_OPTIONS, SNIPPET_OPTIONS],
      );
      result.hits = hitRows.map((row) => ({ itemId: row.item_id, score: Number(row.score), title: markedToHtml(row.title), text: markedToHtml(row.text) }));
      return result;
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
      `INSERT INTO search_passages (item_id, ordinal, community_id, kind, stage, tags, title, body, tsv, updated_at)
       SELECT p.item_id, p.ordinal, p.community_id, p.kind, p.stage, p.tags, p.title, p.body, ${PASSAGE_TSV}, p.updated_at
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

function facetsFrom(rows: FacetRow[]): EngineResult {
  const result = emptyResult();
  for (const row of rows) {
    if (row.facet === 'total') result.totalHits = Number(row.count);
    else result.facets[row.facet].push({ value: row.value ?? '', count: Number(row.count) });
  }
  const byCount = (a: FacetValue, b: FacetValue) => b.count - a.count || a.value.localeCompare(b.value);
  result.facets.stages.sort(byCount);
  result.facets.kinds.sort(byCount);
  result.facets.communities.sort(byCount);
  return result;
}
