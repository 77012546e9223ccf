import { isTypoOf, isTypoPrefixOf, MARK_END, MARK_START, planWords, QueryPlan } from '@spiraal/search';
import type { EntityManager } from 'typeorm';

/** How PostgreSQL sees one query word, and what the vocabulary offers for it. */
interface WordInfo {
  simple: string | null;
  stem: string | null;
  known: boolean;
  /** [term, stem] pairs near the word (trigram distance), checked for typos here. */
  near: [string, string | null][];
  /** [term, stem] pairs that start with the word (prefix words only). */
  completions: [string, string | null][];
}

/**
 * A plan turned into tsqueries: `match` finds and ranks (every part must
 * match), `any` is true when any part matches (for picking candidates by
 * title), `highlight` marks words in Dutch-stemmed text.
 */
export interface PostgresQuery {
  match: string | null;
  any: string | null;
  highlight: string | null;
}

const NEAR_CANDIDATES = 12;
const COMPLETIONS = 20;

/**
 * Looks the plan's words up: folded form, Dutch stem, whether the network
 * ever used the word, and completions of the word being typed. Only words
 * that need typo tolerance (unknown words, or a half word nothing starts
 * with) cost a second round trip, to the trigram index.
 */
export async function resolvePlan(db: EntityManager, plan: QueryPlan): Promise<PostgresQuery> {
  const list = planWords(plan);
  if (!list.length) return { match: null, any: null, highlight: null };
  const prefixWords = new Set(plan.groups.flatMap((g) => g.alternatives.filter((a) => a.prefix).map((a) => a.words[a.words.length - 1])));
  const fuzzyWords = new Set(plan.groups.flatMap((g) => g.alternatives.filter((a) => a.fuzzy).flatMap((a) => a.words)));
  const rows: { simple: string | null; stem: string | null; known: boolean; completions: [string, string | null][] | null }[] = await db.query(
    `SELECT w.simple, w.stem,
            EXISTS (SELECT 1 FROM search_terms x WHERE x.term = w.simple) AS known,
            CASE WHEN t.prefix AND length(w.simple) >= 2 THEN (
              SELECT json_agg(json_build_array(c.term, (tsvector_to_array(to_tsvector('spiraal_dutch', c.term)))[1]))
                FROM (SELECT x.term FROM search_terms x
                       WHERE x.term LIKE w.simple || '%' -- words are letters and digits only: no LIKE wildcards
                       ORDER BY length(x.term), x.term LIMIT ${COMPLETIONS}) c) END AS completions
       FROM unnest($1::text[], $2::boolean[]) WITH ORDINALITY AS t(word, prefix, ord)
       CROSS JOIN LATERAL (
         SELECT (tsvector_to_array(to_tsvector('spiraal_simple', t.word)))[1] AS simple,
                (tsvector_to_array(to_tsvector('spiraal_dutch', t.word)))[1] AS stem
       ) w
      ORDER BY t.ord`,
    [list, list.map((w) => prefixWords.has(w))],
  );
  const info = new Map<string, WordInfo>();
  rows.forEach((row, i) => info.set(list[i], { ...row, near: [], completions: row.completions ?? [] }));
  const needsNear = list.filter((word) => {
    const found = info.get(word)!;
    if (!fuzzyWords.has(word) || !found.simple) return false;
    return prefixWords.has(word) ? !found.completions.length : !found.known;
  });
  if (needsNear.length) {
    // Two forms, so each ORDER BY can use the trigram index: whole words by similarity, half words by word similarity.
    const near: { word: string; near: [string, string | null][] | null }[] = await db.query(
      `SELECT t.word,
              CASE WHEN t.prefix
                THEN (SELECT json_agg(json_build_array(n.term, (tsvector_to_array(to_tsvector('spiraal_dutch', n.term)))[1]))
                        FROM (SELECT x.term FROM search_terms x ORDER BY t.simple <<-> x.term LIMIT ${NEAR_CANDIDATES}) n)
                ELSE (SELECT json_agg(json_build_array(n.term, (tsvector_to_array(to_tsvector('spiraal_dutch', n.term)))[1]))
                        FROM (SELECT x.term FROM search_terms x ORDER BY x.term <-> t.simple LIMIT ${NEAR_CANDIDATES}) n)
              END AS near
         FROM unnest($1::text[], $2::text[], $3::boolean[]) AS t(word, simple, prefix)`,
      [needsNear, needsNear.map((w) => info.get(w)!.simple), needsNear.map((w) => prefixWords.has(w))],
    );
    for (const row of near) info.get(row.word)!.near = row.near ?? [];
  }
  return buildQueries(plan, info);
}

function lexeme(value: string, prefix = false): string {
  return `'${value.replace(/['\\]/g, '\\$&')}'${prefix ? ':*' : ''}`;
}

/** Exported for unit tests: the tsqueries for a plan, given what the database said about each word. */
export function buildQueries(plan: QueryPlan, info: Map<string, WordInfo>): PostgresQuery {
  const highlight = new Set<string>();
  const groups: string[] = [];
  for (const group of plan.groups) {
    const alternatives: string[] = [];
    for (const alternative of group.alternatives) {
      const parts: string[] = [];
      alternative.words.forEach((word, index) => {
        const isPrefix = alternative.prefix && index === alternative.words.length - 1;
        const lexemes = wordLexemes(word, info.get(word), isPrefix, alternative.fuzzy);
        if (lexemes.match.length) parts.push(`(${lexemes.match.join(' | ')})`);
        lexemes.highlight.forEach((l) => highlight.add(l));
      });
      // A word that cannot match (a stop word of its own) leaves the alternative out, not the query empty.
      if (parts.length === alternative.words.length && parts.length) alternatives.push(parts.length > 1 ? `(${parts.join(' <-> ')})` : parts[0]);
    }
    if (alternatives.length) groups.push(alternatives.length > 1 ? `(${alternatives.join(' | ')})` : alternatives[0]);
  }
  return {
    match: groups.length ? groups.join(' & ') : null,
    any: groups.length ? groups.join(' | ') : null,
    highlight: highlight.size ? [...highlight].join(' | ') : null,
  };
}

function wordLexemes(word: string, info: WordInfo | undefined, prefix: boolean, fuzzy: boolean): { match: string[]; highlight: string[] } {
  if (!info?.simple) return { match: [], highlight: [] };
  const match = new Set<string>([lexeme(info.simple)]);
  const highlight = new Set<string>();
  const addTerm = (term: string, stem: string | null) => {
    match.add(lexeme(term));
    if (stem) {
      match.add(lexeme(stem));
      highlight.add(lexeme(stem));
    }
  };
  if (info.stem) {
    match.add(lexeme(info.stem));
    highlight.add(lexeme(info.stem));
  }
  if (prefix) {
    match.add(lexeme(info.simple, true));
    highlight.add(lexeme(info.simple, true));
    info.completions.forEach(([, stem]) => stem && highlight.add(lexeme(stem)));
    // Half typed with a typo: complete from words within the typo budget of what was typed.
    if (fuzzy && !info.completions.length) {
      info.near.filter(([term]) => isTypoPrefixOf(info.simple!, term)).forEach(([term, stem]) => addTerm(term, stem));
    }
  } else if (fuzzy && !info.known) {
    // Typo tolerance for words the network never used: the nearest words within the budget.
    info.near.filter(([term]) => isTypoOf(info.simple!, term)).forEach(([term, stem]) => addTerm(term, stem));
  }
  return { match: [...match], highlight: [...highlight] };
}

/** ts_headline options: control-character marks, turned into escaped HTML by `markedToHtml`. */
export const SNIPPET_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=32, MinWords=12, ShortWord=0, MaxFragments=2, FragmentDelimiter=" … "`;
export const TITLE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, HighlightAll=true`;
