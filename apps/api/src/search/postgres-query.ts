import {
  asksForDefinition,
  editDistance,
  isTypoOf,
  isTypoPrefixOf,
  MARK_END,
  MARK_START,
  meaningfulGroups,
  planWords,
  QueryPlan,
  RankAlternative,
  RankLexeme,
  RankQuery,
  RANKING,
} from '@spiraal/search';
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

/** One meaningful query group as tsqueries: `full` matches it in every way, `stem` by the word or its stem, `exact` by the word as typed. */
export interface GroupQuery {
  source: string;
  full: string;
  stem: string;
  exact: string;
  /**
   * Every lexeme of `full` as one OR query, when the group's rank can be
   * bounded from where its words stand (see BODY_RANK_BOUND in
   * postgres-search.engine.ts): no prefix lexeme (which may match many
   * words) and `full`, `stem` and `exact` each a plain OR at the top (ts_rank
   * scores an AND or phrase differently). Null otherwise: no bound.
   */
  lexemes: string | null;
}

/**
 * A plan turned into tsqueries: `any` finds the candidates (any meaningful
 * group), `groups` score them, `phrase` gives a bonus where two groups stand
 * side by side, `highlight` marks words in Dutch-stemmed text. `corrections`
 * holds the nearest known word for each typo that was corrected.
 */
export interface PostgresQuery {
  any: string | null;
  groups: GroupQuery[];
  phrase: string | null;
  highlight: string | null;
  corrections: Map<string, string>;
  /** The same query for the in-memory ranking; its checks are tsqueries in `checks`. */
  rank: RankQuery;
  checks: string[];
}

const NEAR_CANDIDATES = 12;
/** Read from the trigram index before ties are broken by the word. */
const NEAR_POOL = 40;
const COMPLETIONS = 20;

/** The words of search_terms nearest to w.simple by `distance`; equally near ones by the word, so every database corrects alike. */
const nearest = (distance: string) => `
  (SELECT json_agg(json_build_array(n.term, (tsvector_to_array(to_tsvector('spiraal_dutch', n.term)))[1]) ORDER BY n.d, n.term)
     FROM (SELECT c.term, c.d FROM (SELECT x.term, ${distance} AS d FROM search_terms x ORDER BY d LIMIT ${NEAR_POOL}) c
            ORDER BY c.d, c.term LIMIT ${NEAR_CANDIDATES}) n)`;

/**
 * Looks the plan's words up in one round trip: folded form, Dutch stem,
 * whether the network ever used the word, completions of the word being
 * typed, and, for words that need typo tolerance (unknown words, or a half
 * word nothing starts with), the nearest words from the trigram index
 * (whole words by similarity, half words by word similarity: each ORDER BY
 * can use the index).
 */
export async function resolvePlan(db: EntityManager, plan: QueryPlan): Promise<PostgresQuery> {
  const list = planWords(plan);
  if (!list.length) return buildQueries(plan, new Map());
  const prefixWords = new Set(
    plan.groups.flatMap((g) => g.alternatives.filter((a) => a.prefix).map((a) => a.words[a.words.length - 1])),
  );
  const fuzzyWords = new Set(plan.groups.flatMap((g) => g.alternatives.filter((a) => a.fuzzy).flatMap((a) => a.words)));
  const rows: {
    simple: string | null;
    stem: string | null;
    known: boolean;
    completions: [string, string | null][] | null;
    near: [string, string | null][] | null;
  }[] = await db.query(
    `SELECT w.simple, w.stem, k.known, c.completions,
            CASE WHEN t.fuzzy AND w.simple IS NOT NULL AND CASE WHEN t.prefix THEN c.completions IS NULL ELSE NOT k.known END
              THEN CASE WHEN t.prefix THEN ${nearest('w.simple <<-> x.term')} ELSE ${nearest('x.term <-> w.simple')} END
            END AS near
       FROM unnest($1::text[], $2::boolean[], $3::boolean[]) WITH ORDINALITY AS t(word, prefix, fuzzy, ord)
       CROSS JOIN LATERAL (
         SELECT (tsvector_to_array(to_tsvector('spiraal_simple', t.word)))[1] AS simple,
                (tsvector_to_array(to_tsvector('spiraal_dutch', t.word)))[1] AS stem
       ) w
       CROSS JOIN LATERAL (SELECT EXISTS (SELECT 1 FROM search_terms x WHERE x.term = w.simple) AS known) k
       CROSS JOIN LATERAL (
         SELECT CASE WHEN t.prefix AND length(w.simple) >= 2 THEN (
           SELECT json_agg(json_build_array(m.term, (tsvector_to_array(to_tsvector('spiraal_dutch', m.term)))[1]))
             FROM (SELECT x.term FROM search_terms x
                    WHERE x.term LIKE w.simple || '%' -- words are letters and digits only: no LIKE wildcards
                    ORDER BY length(x.term), x.term LIMIT ${COMPLETIONS}) m) END AS completions
       ) c
      ORDER BY t.ord`,
    [list, list.map((w) => prefixWords.has(w)), list.map((w) => fuzzyWords.has(w))],
  );
  const info = new Map<string, WordInfo>();
  rows.forEach((row, i) => info.set(list[i], { ...row, near: row.near ?? [], completions: row.completions ?? [] }));
  return buildQueries(plan, info);
}

function lexeme(value: string, prefix = false): string {
  return `'${value.replace(/['\\]/g, '\\$&')}'${prefix ? ':*' : ''}`;
}

/** Exported for unit tests: the tsqueries for a plan, given what the database said about each word. */
export function buildQueries(plan: QueryPlan, info: Map<string, WordInfo>): PostgresQuery {
  const highlight = new Set<string>();
  const groups: GroupQuery[] = [];
  const corrections = new Map<string, string>();
  const rank: RankQuery = { groups: [], bonuses: [], checks: 0 };
  const checks: string[] = [];
  for (const group of meaningfulGroups(plan)) {
    const full: string[] = [];
    const stem: string[] = [];
    const exact: string[] = [];
    const rankAlternatives: RankAlternative[] = [];
    const hasTyped = group.alternatives.some((a) => isTyped(a, group.source));
    for (const alternative of group.alternatives) {
      const parts: string[] = [];
      const stemParts: string[] = [];
      const exactParts: string[] = [];
      const rankWords: RankLexeme[][] = [];
      // Exact: the words as typed; stem: their stems too. A synonym, typo, completion or compound part is neither.
      const typed = isTyped(alternative, group.source);
      alternative.words.forEach((word, index) => {
        const isPrefix = alternative.prefix && index === alternative.words.length - 1;
        const lexemes = wordLexemes(word, info.get(word), isPrefix, alternative.fuzzy);
        if (lexemes.match.length) parts.push(`(${lexemes.match.join(' | ')})`);
        if (lexemes.stem.length) stemParts.push(`(${lexemes.stem.join(' | ')})`);
        if (lexemes.exact) exactParts.push(lexemes.exact);
        lexemes.highlight.forEach((l) => highlight.add(l));
        if (lexemes.correction) corrections.set(word, lexemes.correction);
        // Without a typed alternative (a quoted phrase) every way counts fully, as ts_rank against `full` did.
        rankWords.push(lexemes.rank.map((l) => ({ ...l, factor: !hasTyped ? 1 : typed ? l.factor : OTHER_FACTOR })));
      });
      const join = alternative.loose ? ' & ' : ' <-> ';
      const combine = (list: string[]) => (list.length > 1 ? `(${list.join(join)})` : list[0]);
      // A word that cannot match (a stop word of its own) leaves the alternative out, not the query empty.
      if (parts.length !== alternative.words.length || !parts.length) continue;
      full.push(combine(parts));
      // Words in a row are checked on the best candidates only (docs/decisions/search-in-memory.md).
      const inARow = parts.length > 1 && !alternative.loose;
      if (inARow) checks.push(combine(parts));
      rankAlternatives.push({ words: rankWords, check: inARow ? checks.length - 1 : null });
      // Compound parts match as well as the stem, but are no exact match.
      if (typed && stemParts.length === parts.length) stem.push(combine(stemParts));
      if (typed && exactParts.length === parts.length) exact.push(combine(exactParts));
    }
    if (!full.length) continue;
    rank.groups.push({ alternatives: rankAlternatives });
    const or = (list: string[]) => (list.length > 1 ? `(${list.join(' | ')})` : list[0]);
    const fullQuery = or(full);
    const queries = {
      source: group.source,
      full: fullQuery,
      stem: stem.length ? or(stem) : fullQuery,
      exact: exact.length ? or(exact) : fullQuery,
    };
    groups.push({ ...queries, lexemes: boundableLexemes([queries.full, queries.stem, queries.exact]) });
  }
  const pairs = groups.slice(1).map((g, i) => `(${groups[i].stem} <-> ${g.full})`);
  const phrase = pairs.length ? pairs.join(' | ') : null;
  if (phrase) {
    checks.push(phrase);
    rank.bonuses.push({ check: checks.length - 1, factor: RANKING.phraseBonus, needs: 'neighbours' });
  }
  if (groups.length && groups.length <= DEFINED_MAX_WORDS && asksForDefinition(plan)) {
    checks.push(definitionQuery(groups.map((g) => g.full)));
    rank.bonuses.push({ check: checks.length - 1, factor: RANKING.definitionBonus, needs: 'all' });
  }
  rank.checks = checks.length;
  return {
    any: groups.length ? groups.map((g) => g.full).join(' | ') : null,
    groups,
    phrase,
    highlight: highlight.size ? [...highlight].join(' | ') : null,
    corrections,
    rank,
    checks,
  };
}

/** A subject of more words than this is no term being defined. */
const DEFINED_MAX_WORDS = 4;

/**
 * Where a passage defines the subject: "<subject> is/zijn/betekent …" or
 * "onder <subject> verstaan …". The verbs are stop words, so only the exact
 * words (spiraal_simple) hold them, which is where the subject's exact form
 * stands too.
 */
function definitionQuery(subject: string[]): string {
  const words = subject.length > 1 ? `(${subject.join(' <-> ')})` : subject[0];
  return (
    `(${words} <-> ('is' | 'zijn' | 'betekent' | 'betekenen' | 'heet' | 'houdt' | 'omvat' | 'noemen' | 'noemt' | 'staat'))` +
    ` | ('onder' <-> ${words} <-> ('verstaan' | 'verstaat' | 'wordt' | 'worden'))`
  );
}

/** A stem shorter than this has no relatives looked up. */
const ROOT_MIN = 6;
const RELATIVE_FACTOR = 0.5;

/**
 * The word's relatives the Dutch stemmer does not join: words that share its
 * stem but for the last three letters and are at most four letters longer
 * (zorgmijder and zorgmijding, reflecteren and reflectie, mantelzorger and
 * mantelzorg), counted below a synonym.
 */
function relativesOf(stem: string): RankLexeme {
  const root = stem.slice(0, Math.max(ROOT_MIN, stem.length - 3));
  return { term: root, prefix: true, factor: RELATIVE_FACTOR, longer: stem.length - root.length + 4 };
}

/** How a match counts: by the word as typed, by its stem, or any other way (synonym, typo, completion, compound part). */
const EXACT_FACTOR = 1;
const STEM_FACTOR = 0.9;
const OTHER_FACTOR = 0.7;

function isTyped(alternative: QueryPlan['groups'][number]['alternatives'][number], source: string): boolean {
  return !alternative.loose && alternative.words.join(' ') === source;
}

const QUOTED_LEXEME = /'(?:[^'\\]|\\.)*'(:\*)?/g;

/** All lexemes of the queries as one OR query, or null when a prefix or a top-level AND/phrase makes ts_rank unbounded by weight alone. */
export function boundableLexemes(queries: string[]): string | null {
  const lexemes = new Set<string>();
  for (const query of queries) {
    for (const match of query.matchAll(QUOTED_LEXEME)) {
      if (match[1]) return null;
      lexemes.add(match[0]);
    }
    if (!isTopLevelOr(query.replace(QUOTED_LEXEME, 'w'))) return null;
  }
  return lexemes.size ? [...lexemes].join(' | ') : null;
}

/** Whether a query (lexemes replaced by a letter) has no AND or phrase outside all parentheses, once its outer parentheses are off. */
function isTopLevelOr(query: string): boolean {
  let q = query.trim();
  while (q.startsWith('(') && closingParen(q, 0) === q.length - 1) q = q.slice(1, -1).trim();
  let depth = 0;
  for (let i = 0; i < q.length; i++) {
    const c = q[i];
    if (c === '(') depth += 1;
    else if (c === ')') depth -= 1;
    else if (depth === 0 && (c === '&' || c === '<')) return false;
  }
  return true;
}

function closingParen(q: string, open: number): number {
  let depth = 0;
  for (let i = open; i < q.length; i++) {
    if (q[i] === '(') depth += 1;
    else if (q[i] === ')' && --depth === 0) return i;
  }
  return -1;
}

interface Lexemes {
  /** The same lexemes for the in-memory ranking, each with how much a match through it counts. */
  rank: RankLexeme[];
  match: string[];
  stem: string[];
  exact: string | null;
  highlight: string[];
  correction: string | null;
}

function wordLexemes(word: string, info: WordInfo | undefined, prefix: boolean, fuzzy: boolean): Lexemes {
  if (!info?.simple) return { rank: [], match: [], stem: [], exact: null, highlight: [], correction: null };
  const match = new Set<string>([lexeme(info.simple)]);
  const stem = new Set<string>([lexeme(info.simple)]);
  const highlight = new Set<string>();
  let correction: string | null = null;
  const addTerm = (term: string, termStem: string | null) => {
    match.add(lexeme(term));
    if (termStem) {
      match.add(lexeme(termStem));
      highlight.add(lexeme(termStem));
    }
  };
  if (info.stem) {
    match.add(lexeme(info.stem));
    stem.add(lexeme(info.stem));
    highlight.add(lexeme(info.stem));
  }
  // Compound parts are marked where they begin a longer word (intervisie in intervisiebijeenkomst).
  if (info.simple.length >= 4) highlight.add(lexeme(info.simple, true));
  if (prefix) {
    match.add(lexeme(info.simple, true));
    highlight.add(lexeme(info.simple, true));
    info.completions.forEach(([, completionStem]) => completionStem && highlight.add(lexeme(completionStem)));
    // Half typed with a typo: complete from words within the typo budget of what was typed.
    if (fuzzy && !info.completions.length) {
      info.near.filter(([term]) => isTypoPrefixOf(info.simple!, term)).forEach(([term, s]) => addTerm(term, s));
    }
  } else if (fuzzy && !info.known) {
    // Typo tolerance for words the network never used: the nearest words within the budget.
    const near = info.near.filter(([term]) => isTypoOf(info.simple!, term));
    near.forEach(([term, s]) => addTerm(term, s));
    const best = [...near].sort((a, b) => editDistance(info.simple!, a[0]) - editDistance(info.simple!, b[0]))[0];
    correction = best?.[0] ?? null;
  }
  const simple = info.simple;
  const relatives = !prefix && info.stem && info.stem.length > ROOT_MIN ? relativesOf(info.stem) : null;
  if (relatives) highlight.add(lexeme(relatives.term, true));
  const rank: RankLexeme[] = [...match].map((quoted) => {
    const completes = quoted.endsWith(':*');
    const term = quoted.slice(1, completes ? -3 : -1).replace(/\\(.)/g, '$1');
    const factor = completes
      ? OTHER_FACTOR
      : term === simple
        ? EXACT_FACTOR
        : term === info.stem
          ? STEM_FACTOR
          : OTHER_FACTOR;
    return { term, prefix: completes, factor };
  });
  if (relatives) rank.push(relatives);
  return { rank, match: [...match], stem: [...stem], exact: lexeme(simple), highlight: [...highlight], correction };
}

/** ts_headline options: control-character marks, turned into escaped HTML by `markedToHtml`. */
export const SNIPPET_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=32, MinWords=12, ShortWord=0, MaxFragments=2, FragmentDelimiter=" … "`;
export const TITLE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, HighlightAll=true`;
