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
}

/** A part of the query every hit must match, in one of several ways. */
export interface TermGroup {
  /** What the user typed for this part, for logs and "nothing found" messages. */
  source: string;
  alternatives: Alternative[];
}

/** A parsed query: every group must match (AND), each in one of its ways (OR). */
export interface QueryPlan {
  groups: TermGroup[];
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
const EXPRESSIONS = SYNONYMS.flatMap((group, index) => group.map((expression) => ({ words: words(expression), group: index }))).sort(
  (a, b) => b.words.length - a.words.length,
);
const GROUP_WORDS = SYNONYMS.map((group) => group.map((expression) => words(expression)));

/**
 * Parses what someone typed into a plan both engines can run. Quoted parts
 * are phrases; a known synonym expands to its group; the last word, when the
 * user is still typing it (no space after it), is a prefix.
 */
export function parseQuery(input: string): QueryPlan {
  if (input.length > QUERY_MAX_CHARS) {
    throw new QueryError(`Een zoekvraag mag hoogstens ${QUERY_MAX_CHARS} tekens hebben`, `A query may have at most ${QUERY_MAX_CHARS} characters`);
  }
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
    groups.push(...plainGroups(partWords, lastPart && stillTyping));
  });
  const count = groups.reduce((sum, g) => sum + g.alternatives[0].words.length, 0);
  if (count > QUERY_MAX_WORDS) {
    throw new QueryError(`Zoek met hoogstens ${QUERY_MAX_WORDS} woorden`, `Search with at most ${QUERY_MAX_WORDS} words`);
  }
  return { groups };
}

function plainGroups(list: string[], lastIsPrefix: boolean): TermGroup[] {
  const groups: TermGroup[] = [];
  let i = 0;
  while (i < list.length) {
    const match = EXPRESSIONS.find((e) => e.words.every((w, k) => list[i + k] === w));
    const isLast = (n: number) => lastIsPrefix && i + n === list.length;
    if (match) {
      const alternatives = GROUP_WORDS[match.group].map((ws) => ({ words: ws, prefix: false, fuzzy: false }));
      // "ggz" while still typing may become "ggz-instelling" too.
      if (isLast(match.words.length)) alternatives.push({ words: match.words, prefix: true, fuzzy: false });
      groups.push({ source: match.words.join(' '), alternatives });
      i += match.words.length;
      continue;
    }
    const word = list[i];
    groups.push({ source: word, alternatives: [{ words: [word], prefix: isLast(1), fuzzy: typoBudget(word) > 0 }] });
    i += 1;
  }
  return groups;
}

/** The words of a plan, each once. */
export function planWords(plan: QueryPlan): string[] {
  return [...new Set(plan.groups.flatMap((g) => g.alternatives.flatMap((a) => a.words)))];
}
