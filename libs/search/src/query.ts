import type { CompoundSplitter } from './compounds';
import { isStopWord } from './stopwords.nl';
import { SYNONYMS } from './synonyms.nl';
import { words } from './text';
import { typoBudget } from './typo';

export const QUERY_MAX_CHARS = 500;
export const QUERY_MAX_WORDS = 32;

/**
 * One way to match a part of the query: a word, or several words in a row
 * (a phrase or a multi-word synonym). Words are folded.
 */
export interface Alternative {
  words: string[];
  /** The last word may be half typed: match words that start with it. */
  prefix: boolean;
  /** Words may be matched with typos (within the typo budget). */
  fuzzy: boolean;
  /** The words may stand anywhere (the parts of a compound: "teamoverleg" = overleg in het team), not in a row. */
  loose?: boolean;
}

/** A part of the query, matched in one of several ways. */
export interface TermGroup {
  /** What the user typed for this part, for logs and "nothing found" messages. */
  source: string;
  alternatives: Alternative[];
  /** A stop or question word (hoe, wat, een, met): it neither decides a match nor weighs in the rank. */
  stop?: boolean;
}

/**
 * A parsed query. No group is required: a hit matches at least one
 * meaningful group, and hits matching more of them rank higher.
 */
export interface QueryPlan {
  groups: TermGroup[];
}

export interface ParseOptions {
  /** Synonym groups to use beside the built-in list (a community's own, from the database). */
  synonyms?: readonly (readonly string[])[];
  /** Splits compounds of the query into their parts, as the index does. */
  splitter?: CompoundSplitter | null;
}

export class QueryError extends Error {
  constructor(
    readonly nl: string,
    readonly en: string,
  ) {
    super(`${nl} / ${en}`);
    this.name = 'QueryError';
  }
}

const QUOTES = /["“”„]/;

/** Each synonym expression as folded words, longest first, with its group. */
interface Thesaurus {
  expressions: { words: string[]; group: number }[];
  groups: string[][][];
}

function thesaurus(lists: readonly (readonly string[])[]): Thesaurus {
  const groups = lists.map((group) => group.map((expression) => words(expression)).filter((ws) => ws.length));
  const expressions = groups
    .flatMap((group, index) => group.map((ws) => ({ words: ws, group: index })))
    .sort((a, b) => b.words.length - a.words.length);
  return { expressions, groups };
}

const BUILT_IN = thesaurus(SYNONYMS);

/**
 * Parses what someone typed into a plan both engines can run. Quoted parts
 * are phrases; a known synonym expands to its group; the last word, when the
 * user is still typing it (no space after it), is a prefix.
 */
export function parseQuery(input: string, options: ParseOptions = {}): QueryPlan {
  if (input.length > QUERY_MAX_CHARS) {
    throw new QueryError(
      `Een zoekvraag mag hoogstens ${QUERY_MAX_CHARS} tekens hebben`,
      `A query may have at most ${QUERY_MAX_CHARS} characters`,
    );
  }
  const synonyms = options.synonyms?.length ? thesaurus([...SYNONYMS, ...options.synonyms]) : BUILT_IN;
  const groups: TermGroup[] = [];
  const parts = input.split(QUOTES);
  const stillTyping = !/[\s"“”„]$/u.test(input);
  parts.forEach((part, index) => {
    const quoted = index % 2 === 1;
    const partWords = words(part);
    if (!partWords.length) return;
    if (quoted) {
      groups.push({ source: `"${part.trim()}"`, alternatives: [{ words: partWords, prefix: false, fuzzy: false }] });
      return;
    }
    const lastPart = index === parts.length - 1;
    groups.push(...plainGroups(partWords, lastPart && stillTyping, synonyms, options.splitter ?? null));
  });
  const count = groups.reduce((sum, g) => sum + g.alternatives[0].words.length, 0);
  if (count > QUERY_MAX_WORDS) {
    throw new QueryError(
      `Zoek met hoogstens ${QUERY_MAX_WORDS} woorden`,
      `Search with at most ${QUERY_MAX_WORDS} words`,
    );
  }
  return { groups };
}

function plainGroups(
  list: string[],
  lastIsPrefix: boolean,
  synonyms: Thesaurus,
  splitter: CompoundSplitter | null,
): TermGroup[] {
  const groups: TermGroup[] = [];
  let i = 0;
  while (i < list.length) {
    const match = synonyms.expressions.find((e) => e.words.every((w, k) => list[i + k] === w));
    const isLast = (n: number) => lastIsPrefix && i + n === list.length;
    if (match) {
      const alternatives: Alternative[] = synonyms.groups[match.group].map((ws) => ({
        words: ws,
        prefix: false,
        fuzzy: false,
      }));
      // "ggz" while still typing may become "ggz-instelling" too.
      if (isLast(match.words.length)) alternatives.push({ words: match.words, prefix: true, fuzzy: false });
      groups.push({ source: match.words.join(' '), alternatives });
      i += match.words.length;
      continue;
    }
    const word = list[i];
    const alternatives: Alternative[] = [{ words: [word], prefix: isLast(1), fuzzy: typoBudget(word) > 0 }];
    const parts = splitter?.split(word) ?? [];
    if (parts.length) alternatives.push({ words: parts, prefix: false, fuzzy: false, loose: true });
    groups.push({ source: word, alternatives, ...(isStopWord(word) && !isLast(1) ? { stop: true } : {}) });
    i += 1;
  }
  return groups;
}

/**
 * The groups that decide a match: all but the stop words, or every group
 * when the query is nothing but stop words ("wat is dat").
 */
export function meaningfulGroups(plan: QueryPlan): TermGroup[] {
  const meaningful = plan.groups.filter((g) => !g.stop);
  return meaningful.length ? meaningful : plan.groups;
}

/** The words of a plan, each once. */
export function planWords(plan: QueryPlan): string[] {
  return [...new Set(plan.groups.flatMap((g) => g.alternatives.flatMap((a) => a.words)))];
}

/** The opening of a question after what something is: "wat is", "wat zijn", "wat betekent", "wat verstaan we onder", … */
const DEFINITION_QUESTION =
  /^(wat|wie) (is|zijn|was|waren|betekent|betekenen|houdt|verstaan|verstaat|bedoelen|bedoelt)( |$)|^(definitie|betekenis) /;

/**
 * Whether the query asks what its subject is ("wat is intervisie", "wat
 * verstaan we onder actieleren"): a passage that defines it ("intervisie is
 * …", "onder actieleren verstaan we …") then answers best.
 */
export function asksForDefinition(plan: QueryPlan): boolean {
  return DEFINITION_QUESTION.test(plan.groups.map((g) => g.source).join(' '));
}
