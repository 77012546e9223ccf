import type { PrivacyFinding } from './kinds';
import {
  CITATION_CUES,
  COMPANY_NAMES,
  FIRST_NAMES,
  INSTITUTION_NOUNS,
  LAST_NAMES,
  NOT_NAMES,
  PARTICLES,
  PERSON_ROLES,
  PERSON_TITLES,
  PERSON_VERBS,
  THEORY_AUTHORS,
} from './lexicon';

/** A word with where it stands. */
export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  capitalised: boolean;
  /** First word of a sentence (or line, or list item): capitals say little there. */
  sentenceStart: boolean;
}

const WORD = /\p{L}[\p{L}\p{M}'’]*(?:-\p{L}[\p{L}\p{M}'’]*)*/gu;

const isUpper = (c: string) =>
  (c >= 'A' && c <= 'Z') || (c > '\u007f' && c !== c.toLowerCase() && c === c.toUpperCase());

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const word = m[0];
    const capitalised = isUpper(word[0]) && !(word.length > 1 && isUpper(word[1]));
    tokens.push({
      text: word,
      lower: word.toLowerCase(),
      start: m.index,
      end: m.index + word.length,
      capitalised,
      sentenceStart: startsSentence(text, m.index, tokens),
    });
  }
  return tokens;
}

/**
 * Whether the word at `index` opens a sentence, a line or a list item. A dot
 * after an initial ("J.P. Visser") or a title ("dhr. Visser") ends nothing.
 */
function startsSentence(text: string, index: number, before: Token[]): boolean {
  let i = index - 1;
  while (i >= 0 && ' \t\u00a0"\'“‘(*•-'.includes(text[i])) i--;
  if (i < 0) return true;
  const c = text[i];
  if (c === '\n') return true;
  if (c === '!' || c === '?' || c === ':' || c === ';') return true;
  if (c !== '.') return false;
  const prev = before[before.length - 1];
  if (prev && prev.end === i && ((prev.text.length === 1 && isUpper(prev.text)) || PERSON_TITLES.has(prev.lower)))
    return false;
  return true;
}

/** The characters between two tokens: a name runs on only across one space (or nothing, at a hyphen). */
const joined = (text: string, a: Token, b: Token) => /^[ \u00a0]$/.test(text.slice(a.end, b.start));

const isNameWord = (t: Token) =>
  t.capitalised &&
  !NOT_NAMES.has(t.lower) &&
  !INSTITUTION_NOUNS.has(t.lower) &&
  !PERSON_TITLES.has(t.lower) &&
  !PERSON_ROLES.has(t.lower);
const isInitial = (text: string, t: Token) => /^\p{Lu}$/u.test(t.text) && text[t.end] === '.';
const inLists = (lower: string) =>
  FIRST_NAMES.has(lower) ||
  LAST_NAMES.has(lower) ||
  lower.split('-').every((part) => LAST_NAMES.has(part) || FIRST_NAMES.has(part));

interface Chain {
  first: number;
  last: number;
}

/**
 * From token `i` on: initials, capitalised words and particles ("Anna van
 * den Berg", "J.P. Visser-de Graaf"), ending on a capitalised word.
 */
function chainAt(text: string, tokens: Token[], i: number): Chain | null {
  let j = i;
  let last = -1;
  while (j < tokens.length) {
    const t = tokens[j];
    if (
      j > i &&
      !joined(text, tokens[j - 1], t) &&
      !(isInitial(text, tokens[j - 1]) && /^\.\s?$/.test(text.slice(tokens[j - 1].end, t.start)))
    ) {
      // "Visser-de Graaf": a hyphen then particles then the second surname.
      if (!(text.slice(tokens[j - 1].end, t.start) === '-' && PARTICLES.has(t.lower))) break;
    }
    if (isInitial(text, t) || (isNameWord(t) && !(j > i && t.sentenceStart))) {
      last = j;
      j++;
    } else if (PARTICLES.has(t.lower) && j + 1 < tokens.length) {
      j++;
    } else break;
  }
  return last >= i ? { first: i, last } : null;
}

function citedAuthor(text: string, tokens: Token[], chain: Chain): boolean {
  const words = tokens.slice(chain.first, chain.last + 1).filter((t) => t.capitalised);
  if (words.some((t) => THEORY_AUTHORS.has(t.lower))) return true;
  const after = text.slice(tokens[chain.last].end, tokens[chain.last].end + 40);
  if (/^(?:\s(?:en|&)\s\p{Lu}[\p{L}-]+)?(?:\set al\.?)?\s?(?:\(\s?(?:19|20)\d{2}|,\s?(?:19|20)\d{2}\))/u.test(after))
    return true;
  if (COMPANY_NAMES.has(words.map((t) => t.lower).join(' '))) return true;
  // "volgens Kolb" is a citation, "volgens Khadija" is not: a listed first name stays a person.
  if (FIRST_NAMES.has(words[0]?.lower ?? '')) return false;
  return CITATION_CUES.test(text.slice(Math.max(0, tokens[chain.first].start - 20), tokens[chain.first].start));
}

/** Lower-case context just before token `i`: a title or role ("mevrouw", "zijn dochter", "dhr."). */
function personContextBefore(text: string, tokens: Token[], i: number): 'title' | 'role' | null {
  const prev = tokens[i - 1];
  if (!prev) return null;
  const between = text.slice(prev.end, tokens[i].start);
  if (!/^\.?,?\s{1,2}$/.test(between) && !/^\s?[:]\s?$/.test(between)) return null;
  if (PERSON_TITLES.has(prev.lower)) return 'title';
  if (PERSON_ROLES.has(prev.lower) && !prev.capitalised) return 'role';
  if (PERSON_ROLES.has(prev.lower) && prev.capitalised && prev.sentenceStart) return 'role';
  return null;
}

function spanOf(text: string, tokens: Token[], chain: Chain, confidence: number): PrivacyFinding {
  // Leading particles belong to the name only after a title ("mevrouw van Dijk"): they are inside the chain then.
  const start = tokens[chain.first].start;
  const end = tokens[chain.last].end;
  return { kind: 'NAME', start, end, text: text.slice(start, end), confidence };
}

/**
 * Persons' names: after a title or a role word whatever capitalised words
 * follow; elsewhere capitalised words found in the name lists (at a
 * sentence's start only when a verb or a surname follows); then every other
 * mention of a surname or first name found so far.
 */
export function findNames(text: string, tokens: Token[] = tokenize(text)): PrivacyFinding[] {
  const found: PrivacyFinding[] = [];
  const known = new Set<string>();
  const coveredStarts = new Set<number>();
  const cover = (chain: Chain) => {
    for (let k = chain.first; k <= chain.last; k++) coveredStarts.add(tokens[k].start);
  };
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (!t.capitalised && !PARTICLES.has(t.lower)) {
      i++;
      continue;
    }
    const context = personContextBefore(text, tokens, i);
    // After a title, particles may lead ("mevrouw van den Berg"); elsewhere a name starts capitalised.
    const startsHere = t.capitalised || (context === 'title' && PARTICLES.has(t.lower));
    if (!startsHere || (!isNameWord(t) && !(context === 'title' && PARTICLES.has(t.lower)))) {
      i++;
      continue;
    }
    const chain = chainAt(text, tokens, i);
    if (!chain) {
      i++;
      continue;
    }
    const words = tokens.slice(chain.first, chain.last + 1).filter((w) => w.capitalised && !isInitial(text, w));
    const lowerAll = tokens
      .slice(chain.first, chain.last + 1)
      .map((w) => w.lower)
      .join(' ');
    const listed = words.filter((w) => inLists(w.lower)).length + (LAST_NAMES.has(lowerAll) ? 1 : 0);
    const firstListed = FIRST_NAMES.has(words[0]?.lower ?? '');
    // A role word's sentence may end before the next capital ("de huisarts. Zie …", "collega: Zie …"):
    // a capital that opens a sentence stays a name after a role only when it is listed.
    const afterRole = context === 'role' && (listed > 0 || !t.sentenceStart);
    let confidence = 0;
    // "mevrouw J." (initials only) is how case write-ups already anonymise: not a name.
    if (citedAuthor(text, tokens, chain) || !words.length) confidence = 0;
    else if (context === 'title') confidence = 0.95;
    else if (afterRole) confidence = listed ? 0.9 : 0.75;
    else if (t.sentenceStart) {
      const next = tokens[chain.last + 1];
      const gap = next ? text.slice(tokens[chain.last].end, next.start) : '';
      const verbFollows = next && PERSON_VERBS.has(next.lower) && /^,?\s$/.test(gap);
      // "Luuk (7) wordt …", "Aisha en haar moeder …": what follows a first name says it is someone.
      const personFollows =
        /^\s\(\d{1,3}\)/.test(text.slice(tokens[chain.last].end)) ||
        (firstListed && next && /^\s$/.test(gap) && /^(en|zelf|met)$/.test(next.lower));
      if (words.length >= 2 && firstListed) confidence = 0.85;
      else if (listed && (verbFollows || personFollows)) confidence = 0.75;
      else if (words.length >= 2 && chain.last > chain.first) {
        // A capitalised sentence opener before a name ("Wat Bilal …"): try again from the next word.
        i = chain.first + 1;
        continue;
      }
    } else if (words.length >= 2 && (firstListed || listed >= 2)) confidence = 0.9;
    else if (listed) confidence = 0.7;
    if (confidence > 0) {
      found.push(spanOf(text, tokens, chain, confidence));
      cover(chain);
      for (const w of words) if (w.text.length > 1) known.add(w.text);
    }
    i = chain.last + 1;
  }
  // Every other mention of someone already found (also at a sentence start, and when unlisted).
  if (known.size) {
    const covered = (start: number) => coveredStarts.has(start);
    for (let k = 0; k < tokens.length; k++) {
      const t = tokens[k];
      if (!known.has(t.text) || covered(t.start)) continue;
      const chain = chainAt(text, tokens, k) ?? { first: k, last: k };
      if (citedAuthor(text, tokens, chain)) continue;
      found.push(spanOf(text, tokens, chain, 0.8));
      cover(chain);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
