import { FacetRow, markedToHtml } from '@spiraal/search';
import type { DataSource } from 'typeorm';
import { resolvePlan, SNIPPET_OPTIONS, TITLE_OPTIONS } from './postgres-query';
import { emptyResult, EngineQuery, EngineResult, TAG_FACET_SIZE } from './search-engine';
import { facetsFrom, feedbackOf } from './search-results';

/**
 * The rankings in PostgreSQL that came before the in-memory index
 * (docs/decisions/search-in-memory.md): the pruned exact top k of
 * docs/decisions/search-speed.md (SPIRAAL_SEARCH_RANKING=sql, also what a
 * process answers with while it loads its index) and the full scan it
 * replaced (scan). Kept as the benchmark's reference.
 */

/** ts_rank weights for D (compound parts), C (body), B (tags), A (title). */
const WEIGHTS = '{0.05, 0.2, 0.5, 1.0}';

/**
 * The most ts_rank gives a word whose every occurrence weighs C (body) or
 * less: per lexeme it sums w/j² over the occurrences and divides by π²/6, so
 * it stays below w = 0.2 (averaged over the query's words, each matching one
 * lexeme). A little above 0.2 for float4 rounding.
 */
const BODY_RANK_BOUND = '0.2001';
/** The same for any weight: A (title) = 1.0. */
const HEAD_RANK_BOUND = '1.0001';

/** Passages ranked in full before the threshold is known: twice the page, and some to spare for long items. */
const firstRanked = (limit: number, offset: number) => 2 * (limit + offset) + 10;

interface ResultRow {
  /** One pass for total and facets. */
  groups: FacetRow[] | null;
  tags: [string, number][] | null;
  hits: [string, number, string, string][] | null;
  /** Per meaningful group: how many passages in scope match it. */
  df: number[] | null;
  /** Passages ranked in full (the pruned path only). */
  ranked?: number;
}

/**
 * What both SQL rankings return: total and facets counted over `items` (one
 * row per item, with the filter flags), the page `top` with its highlights,
 * and each group's document frequency.
 */
const resultColumns = (items: string) => `SELECT
    (SELECT json_agg(json_build_array(stage, kind, community_id, c_ok, k_ok, s_ok, t_ok, n))
       FROM (SELECT stage, kind, community_id, c_ok, k_ok, s_ok, t_ok, count(*) AS n FROM ${items} GROUP BY 1, 2, 3, 4, 5, 6, 7) x) AS groups,
    (SELECT json_agg(json_build_array(tag, n)) FROM (
       SELECT tag, count(*) AS n FROM ${items}, unnest(${items}.tags) AS tag WHERE c_ok AND k_ok AND s_ok GROUP BY tag ORDER BY n DESC, tag LIMIT ${TAG_FACET_SIZE}) x) AS tags,
    (SELECT json_agg(json_build_array(t.item_id, t.score, ts_headline('spiraal_dutch', b.title, $9::tsquery, $12), ts_headline('spiraal_dutch', b.body, $9::tsquery, $13))
                     ORDER BY t.score DESC, t.updated_at DESC, t.item_id)
       FROM top t JOIN search_bodies b ON b.item_id = t.item_id AND b.ordinal = t.ordinal) AS hits,
    (SELECT array_agg(df ORDER BY ord) FROM idf) AS df`;

/**
 * One statement, BM25-like over every match (no cap). `s`: each passage in
 * scope ($4) that matches any meaningful group ($1), read once (the
 * detoasted vector is reused by every group), with per group a rank: by the
 * word as typed ($14), else 0.9 × by its stem ($3), else 0.7 × by a
 * synonym, typo, completion or compound part ($2), else 0. Each is ranked
 * against its own small query, since ts_rank divides by the query's size. `stats`: passages in the index, average length, and each
 * group's document frequency, for idf. `scored`: Σ idf · saturated rank
 * (length-normalised), times the share of the query's idf that matched (so
 * more matched words rank higher), times 1.25 where two query words stand
 * side by side ($15). Per item its best passage (a long write-up ranks by
 * its best part, and that part is the snippet). Recency only breaks ties.
 * The path before docs/decisions/search-speed.md: it reads and ranks every
 * matching tsvector; kept for the benchmark (SPIRAAL_SEARCH_RANKING=scan).
 */
const SCAN_SQL = `
  WITH g AS (
    SELECT t.ord, t.q::tsquery AS q, t.st::tsquery AS st, t.x::tsquery AS x
      FROM unnest($2::text[], $3::text[], $14::text[]) WITH ORDINALITY AS t(q, st, x, ord)
  ),
  s AS MATERIALIZED (
    SELECT p.item_id, p.ordinal, p.community_id, p.kind, p.stage, p.tags, p.updated_at, d.len, d.phrase, d.r,
           ($5::uuid[] IS NULL OR p.community_id = ANY($5)) AS c_ok,
           ($6::text[] IS NULL OR p.kind = ANY($6)) AS k_ok,
           ($7::text[] IS NULL OR p.stage = ANY($7)) AS s_ok,
           ($8::text[] IS NULL OR p.tags @> $8) AS t_ok
      FROM search_passages p
      CROSS JOIN LATERAL (
        SELECT length(v.t) AS len, ($15::text IS NOT NULL AND v.t @@ $15::tsquery) AS phrase,
               (SELECT array_agg(CASE WHEN v.t @@ g.x THEN ts_rank('${WEIGHTS}', v.t, g.x)
                                      WHEN v.t @@ g.st THEN 0.9 * ts_rank('${WEIGHTS}', v.t, g.st)
                                      WHEN v.t @@ g.q THEN 0.7 * ts_rank('${WEIGHTS}', v.t, g.q)
                                      ELSE 0 END ORDER BY g.ord) FROM g) AS r
          FROM (SELECT p.tsv || ''::tsvector AS t OFFSET 0) v
      ) d
     WHERE p.tsv @@ $1::tsquery AND p.community_id = ANY($4::uuid[])
  ),
  stats AS (
    SELECT greatest((SELECT reltuples FROM pg_class WHERE oid = 'search_passages'::regclass), count(*), 1)::float8 AS n,
           greatest(avg(len), 1)::float8 AS avglen
      FROM s
  ),
  idf AS (
    SELECT g.ord, (SELECT count(*) FROM s WHERE s.r[g.ord] > 0) AS df
      FROM g
  ),
  weights AS (
    SELECT i.ord, i.df, ln(1 + (st.n - i.df + 0.5) / (i.df + 0.5)) AS w FROM idf i, stats st
  ),
  scored AS (
    SELECT s.*, x.score * CASE WHEN s.phrase THEN 1.25 ELSE 1 END AS score
      FROM s, stats st
      CROSS JOIN LATERAL (
        SELECT sum(w.w * r.v / (r.v + 0.05 * (0.5 + 0.5 * s.len / st.avglen))) * sum(w.w) FILTER (WHERE r.v > 0) / nullif(sum(w.w), 0) AS score
          FROM unnest(s.r) WITH ORDINALITY AS r(v, ord) JOIN weights w USING (ord)
      ) x
  ),
  best AS (SELECT DISTINCT ON (item_id) * FROM scored ORDER BY item_id, score DESC, ordinal),
  hits AS (SELECT * FROM best WHERE c_ok AND k_ok AND s_ok AND t_ok),
  top AS (SELECT * FROM hits ORDER BY score DESC, updated_at DESC, item_id LIMIT $10 OFFSET $11)
  ${resultColumns('best')}`;

/** One ts_rank per meaningful group, as in SCAN_SQL, skipping groups the passage does not match (bit clear in `c.mask`). */
const GROUP_RANKS = `(SELECT array_agg(CASE WHEN (c.mask >> (g.ord - 1)::int) & 1 = 0 THEN 0
                            WHEN v.t @@ g.x THEN ts_rank('${WEIGHTS}', v.t, g.x)
                            WHEN v.t @@ g.st THEN 0.9 * ts_rank('${WEIGHTS}', v.t, g.st)
                            WHEN v.t @@ g.q THEN 0.7 * ts_rank('${WEIGHTS}', v.t, g.q)
                            ELSE 0 END ORDER BY g.ord) FROM g)`;

/** The full score of the candidate passages in `source`, exactly as SCAN_SQL computes it. */
const scoreOf = (source: string) => `
    SELECT c.item_id, c.ordinal, c.updated_at, x.score * CASE WHEN d.phrase THEN 1.25 ELSE 1 END AS score
      FROM ${source} c
      JOIN search_passages p ON p.item_id = c.item_id AND p.ordinal = c.ordinal
      CROSS JOIN stats st
      CROSS JOIN LATERAL (
        SELECT ($15::text IS NOT NULL AND v.t @@ $15::tsquery) AS phrase, ${GROUP_RANKS} AS r
          FROM (SELECT p.tsv || ''::tsvector AS t OFFSET 0) v
      ) d
      CROSS JOIN LATERAL (
        SELECT sum(w.w * r.v / (r.v + 0.05 * (0.5 + 0.5 * c.len / st.avglen))) * sum(w.w) FILTER (WHERE r.v > 0) / nullif(sum(w.w), 0) AS score
          FROM unnest(d.r) WITH ORDINALITY AS r(v, ord) JOIN weights w USING (ord)
      ) x`;

/**
 * The same ranking as SCAN_SQL, without reading every match
 * (docs/decisions/search-speed.md). `gm`: per meaningful group the passages
 * in scope that match it, straight from the GIN index (no tsvector is read),
 * with the stored length and whether the group's words stand in the small
 * title-and-tags vector. From these alone come the statistics (n, average
 * length, document frequencies), the total, the facets, and per passage an
 * upper bound of its score: a group matched only in the body ranks at most
 * C = 0.2 (ts_rank's per-word series converges to the weight), so its
 * saturated share is at most 0.2 / (0.2 + k·norm); one in the title or tags
 * at most 1 / (1 + k·norm); a group with a half word (any number of
 * completions) at most 1.
 * Then the passages with the highest bounds are ranked in full; the k-th
 * best item score among them (θ) is a lower bound of the final k-th, and
 * only passages whose bound reaches θ are ranked too. The top k is exactly
 * that of the full scan.
 */
const searchSql = (single: boolean) => `
  WITH g AS (
    SELECT t.ord, t.q::tsquery AS q, t.st::tsquery AS st, t.x::tsquery AS x, t.lx::tsquery AS lx,
           (1::bigint << (t.ord - 1)::int) AS bit
      FROM unnest($2::text[], $3::text[], $14::text[], $16::text[]) WITH ORDINALITY AS t(q, st, x, lx, ord)
     WHERE $1::text IS NOT NULL -- the union of the groups: each group is looked up on its own here
  ),
  gm AS ${single ? '' : 'MATERIALIZED'} (
    SELECT m.*, g.bit, g.lx IS NOT NULL AS bounded
      FROM g CROSS JOIN LATERAL (
        SELECT p.item_id, p.ordinal, p.community_id, p.kind, p.stage, p.tags, p.updated_at, p.len,
               (g.lx IS NOT NULL AND NOT p.head @@ g.lx) AS body_only
          FROM search_passages p
         WHERE p.tsv @@ g.q AND p.community_id = ANY($4::uuid[])
      ) m
  ),
  s AS MATERIALIZED (
    SELECT item_id, ordinal, community_id, kind, stage, tags, updated_at, len,
           ${
             single
               ? // One group: each passage comes once, nothing to combine.
                 `bit AS mask, CASE WHEN body_only THEN bit ELSE 0 END AS body_mask, CASE WHEN bounded THEN bit ELSE 0 END AS bounded_mask,`
               : `bit_or(bit) AS mask, coalesce(bit_or(bit) FILTER (WHERE body_only), 0) AS body_mask,
                  coalesce(bit_or(bit) FILTER (WHERE bounded), 0) AS bounded_mask,`
           }
           ($5::uuid[] IS NULL OR community_id = ANY($5)) AS c_ok,
           ($6::text[] IS NULL OR kind = ANY($6)) AS k_ok,
           ($7::text[] IS NULL OR stage = ANY($7)) AS s_ok,
           ($8::text[] IS NULL OR tags @> $8) AS t_ok
      FROM gm
     ${single ? '' : 'GROUP BY item_id, ordinal, community_id, kind, stage, tags, updated_at, len'}
  ),
  stats AS (
    SELECT greatest((SELECT reltuples FROM pg_class WHERE oid = 'search_passages'::regclass), count(*), 1)::float8 AS n,
           greatest(avg(len), 1)::float8 AS avglen
      FROM s
  ),
  idf AS (
    SELECT g.ord, g.bit, (SELECT count(*) FROM s WHERE s.mask & g.bit <> 0) AS df
      FROM g
  ),
  weights AS (
    SELECT i.ord, i.bit, i.df, ln(1 + (st.n - i.df + 0.5) / (i.df + 0.5)) AS w FROM idf i, stats st
  ),
  total AS (SELECT sum(w) AS w FROM weights),
  -- Per combination of matched groups (few): the idf sums the bound needs, so each passage costs a hash lookup.
  combos AS (
    SELECT c.mask, c.body_mask, c.bounded_mask,
           coalesce(sum(w.w) FILTER (WHERE c.body_mask & w.bit <> 0), 0) AS w_body,
           coalesce(sum(w.w) FILTER (WHERE c.body_mask & w.bit = 0 AND c.bounded_mask & w.bit <> 0), 0) AS w_head,
           coalesce(sum(w.w) FILTER (WHERE c.bounded_mask & w.bit = 0), 0) AS w_free,
           sum(w.w) / nullif(tw.w, 0) AS share,
           -- The phrase bonus needs two neighbouring groups matched.
           CASE WHEN c.mask & (c.mask >> 1) <> 0 THEN 1.25 ELSE 1 END AS phrase
      FROM (SELECT DISTINCT mask, body_mask, bounded_mask FROM s) c
      JOIN weights w ON c.mask & w.bit <> 0
      CROSS JOIN total tw
     GROUP BY c.mask, c.body_mask, c.bounded_mask, tw.w
  ),
  bounded AS MATERIALIZED (
    SELECT s.item_id, s.ordinal, s.updated_at, s.len, s.mask,
           (c.w_body * ${BODY_RANK_BOUND} / (${BODY_RANK_BOUND} + 0.05 * (0.5 + 0.5 * s.len / st.avglen))
            + c.w_head * ${HEAD_RANK_BOUND} / (${HEAD_RANK_BOUND} + 0.05 * (0.5 + 0.5 * s.len / st.avglen))
            + c.w_free) * c.share * c.phrase AS ub
      FROM s
      JOIN combos c USING (mask, body_mask, bounded_mask)
      CROSS JOIN stats st
     WHERE s.c_ok AND s.k_ok AND s.s_ok AND s.t_ok
  ),
  first AS (SELECT * FROM bounded ORDER BY ub DESC, item_id, ordinal LIMIT $17),
  first_scored AS (${scoreOf('first')}),
  theta AS (
    SELECT coalesce((SELECT score FROM (SELECT DISTINCT ON (item_id) score FROM first_scored ORDER BY item_id, score DESC) b
                      ORDER BY score DESC LIMIT 1 OFFSET $10::int + $11::int - 1), 0) AS t
  ),
  rest AS (
    SELECT b.* FROM bounded b, theta
     WHERE b.ub >= theta.t AND NOT EXISTS (SELECT 1 FROM first f WHERE f.item_id = b.item_id AND f.ordinal = b.ordinal)
  ),
  scored AS (SELECT * FROM first_scored UNION ALL ${scoreOf('rest')}),
  best AS (SELECT DISTINCT ON (item_id) * FROM scored ORDER BY item_id, score DESC, ordinal),
  top AS (SELECT * FROM best ORDER BY score DESC, updated_at DESC, item_id LIMIT $10 OFFSET $11),
  items AS (SELECT DISTINCT ON (item_id) * FROM s ORDER BY item_id)
  ${resultColumns('items')},
    (SELECT count(*) FROM scored)::int AS ranked`;

const SEARCH_SQL = searchSql(false);
const SEARCH_ONE_GROUP_SQL = searchSql(true);

/** Ranks in one statement (or the full scan with SPIRAAL_SEARCH_RANKING=scan). */
export async function searchWithSql(db: DataSource, query: EngineQuery): Promise<EngineResult> {
  return db.transaction('REPEATABLE READ', async (tx) => {
    const resolved = await resolvePlan(tx, query.plan);
    const { any, groups, phrase, highlight } = resolved;
    if (!any || !query.readableCommunityIds.length) return { ...emptyResult(), feedback: feedbackOf(resolved, null) };
    const { filters } = query;
    const scan = process.env.SPIRAAL_SEARCH_RANKING === 'scan';
    const single = groups.length === 1;
    // A word in most passages tempts the planner into a sequential scan, which unpacks every tsvector;
    // the GIN bitmap answers "which passages match" without reading any (docs/decisions/search-speed.md).
    // Tens of thousands of matches are grouped and sorted: in memory, not in temporary files.
    if (!scan) await tx.query(`SET LOCAL enable_seqscan = off; SET LOCAL work_mem = '64MB'`);
    const [row]: ResultRow[] = await tx.query(scan ? SCAN_SQL : single ? SEARCH_ONE_GROUP_SQL : SEARCH_SQL, [
      any,
      groups.map((g) => g.full),
      groups.map((g) => g.stem),
      query.readableCommunityIds,
      filters.communityIds,
      filters.kinds,
      filters.stages,
      filters.tags,
      highlight ?? any,
      query.limit,
      query.offset,
      TITLE_OPTIONS,
      SNIPPET_OPTIONS,
      groups.map((g) => g.exact),
      phrase,
      ...(scan ? [] : [groups.map((g) => g.lexemes), firstRanked(query.limit, query.offset)]),
    ]);
    return {
      ...facetsFrom(row.groups ?? [], row.tags ?? []),
      hits: (row.hits ?? []).map(([itemId, score, title, text]) => ({
        itemId,
        score: Number(score),
        title: markedToHtml(title),
        text: markedToHtml(text),
      })),
      feedback: feedbackOf(resolved, (row.df ?? []).map(Number)),
      ...(row.ranked === undefined ? {} : { ranked: row.ranked }),
    };
  });
}
