import { SYNONYMS, typoBudget, words } from '@spiraal/search';
import { Corpus, documentFrequency } from './corpus';
import { pick, Rng, shuffled } from './rng';

export type QueryClass = 'selective' | 'common';

export interface BenchQuery {
  /** As typed: a trailing space marks the last word as complete; without it the last word is half typed. */
  text: string;
  form: 'one word' | 'two words' | 'half typed' | 'one typo';
}

export type QuerySet = Record<QueryClass, BenchQuery[]>;

/** Selective: every word (with all its inflections) in fewer items than this share. */
export const SELECTIVE_MAX_SHARE = 0.005;
/** Common: every word in more items than this share. */
export const COMMON_MIN_SHARE = 0.1;

/** How often each word occurs, as a word and as its Dutch stem (which the engine matches too). */
export interface WordStats {
  /** Items with this exact (folded) word. */
  wordDf: Int32Array;
  /** Items with any word of the same Dutch stem; 0 for stop words. */
  stemDf: Int32Array;
  stemmed: boolean[];
}

export function wordStats(corpus: Corpus, stems: (string | null)[]): WordStats {
  const stemIds = new Map<string, number>();
  const keyOf = Int32Array.from(stems, (stem) => {
    if (!stem) return -1;
    if (!stemIds.has(stem)) stemIds.set(stem, stemIds.size);
    return stemIds.get(stem)!;
  });
  const byStem = documentFrequency(corpus, keyOf, stemIds.size);
  const identity = Int32Array.from(corpus.vocabulary, (_, i) => i);
  return {
    wordDf: documentFrequency(corpus, identity, corpus.vocabulary.length),
    stemDf: Int32Array.from(keyOf, (key) => (key >= 0 ? byStem[key] : 0)),
    stemmed: stems.map((stem) => stem !== null),
  };
}

/** Words that expand to synonyms would measure the synonym list, not the word. */
const SYNONYM_WORDS = new Set(SYNONYMS.flatMap((group) => group.flatMap((expression) => words(expression))));

/**
 * About 20 selective queries (1 or 2 rare words; some half typed, some with
 * a typo) and 20 common-word queries (1 or 2 words each in > 10 % of the
 * items), chosen by document frequency in this corpus.
 */
export function pickQueries(corpus: Corpus, stats: WordStats, rng: Rng): QuerySet {
  return { selective: selectiveQueries(corpus, stats, rng), common: commonQueries(corpus, stats, rng) };
}

function selectiveQueries(corpus: Corpus, stats: WordStats, rng: Rng): BenchQuery[] {
  const n = corpus.items.length;
  const maxDf = Math.floor(n * SELECTIVE_MAX_SHARE);
  // At least a few hits for every engine: the exact word occurs in some items.
  const minDf = Math.max(3, Math.ceil(n * 0.0005));
  const vocabulary = corpus.vocabulary;
  const rare = (id: number) =>
    /^[a-z]{6,}$/.test(vocabulary[id]) &&
    !SYNONYM_WORDS.has(vocabulary[id]) &&
    stats.stemmed[id] &&
    stats.stemDf[id] < maxDf &&
    stats.wordDf[id] >= minDf;
  const known = new Set(vocabulary);
  const used = new Set<number>();
  const take = (id: number) => used.add(id);

  // A half-typed word stays selective only if everything it may complete to is rare too.
  const prefixOf = (id: number): string | null => {
    const word = vocabulary[id];
    if (word.length < 7) return null;
    const prefix = word.slice(0, Math.max(5, Math.ceil(word.length * 0.6)));
    let total = 0;
    vocabulary.forEach((other, j) => other.startsWith(prefix) && (total += stats.stemDf[j]));
    return total < maxDf ? prefix : null;
  };

  const singles = shuffled(rng, vocabulary.map((_, id) => id).filter(rare));
  // Pairs of rare words from one sentence, so the two together still have hits.
  const pairs = shuffled(
    rng,
    corpus.sentenceWords.map((ids) => [...ids].filter(rare)).filter((ids) => ids.length >= 2),
  );
  const queries: BenchQuery[] = [];
  const add = (text: string, form: BenchQuery['form']) => queries.push({ text, form });

  for (const id of singles.slice(0, 8)) {
    take(id);
    add(`${vocabulary[id]} `, 'one word');
  }
  let twoWords = 0;
  let twoTyping = 0;
  for (const ids of pairs) {
    const [a, b] = ids.filter((id) => !used.has(id));
    if (a === undefined || b === undefined) continue;
    if (twoWords < 4) {
      take(a);
      take(b);
      add(`${vocabulary[a]} ${vocabulary[b]} `, 'two words');
      twoWords++;
      continue;
    }
    const prefix = twoTyping < 2 ? prefixOf(b) : null;
    if (prefix) {
      take(a);
      take(b);
      add(`${vocabulary[a]} ${prefix}`, 'half typed');
      twoTyping++;
    }
    if (twoTyping >= 2) break;
  }
  let typing = 0;
  let typos = 0;
  for (const id of singles) {
    if (used.has(id)) continue;
    const prefix = prefixOf(id);
    if (typing < 2 && prefix) {
      take(id);
      add(prefix, 'half typed');
      typing++;
      continue;
    }
    const typo = typos < 4 ? withTypo(rng, vocabulary[id], known) : null;
    if (typo) {
      take(id);
      add(`${typo} `, 'one typo');
      typos++;
    }
    if (typing >= 2 && typos >= 4) break;
  }
  return queries;
}

/** The word with one typo (two letters swapped, one replaced or one left out), not itself a word of the corpus. */
function withTypo(rng: Rng, word: string, known: Set<string>): string | null {
  if (typoBudget(word) < 1) return null;
  for (let attempt = 0; attempt < 10; attempt++) {
    const at = 1 + Math.floor(rng() * (word.length - 2));
    const edits = [
      word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2),
      word.slice(0, at) + pick(rng, [...'aeioulnrst']) + word.slice(at + 1),
      word.slice(0, at) + word.slice(at + 1),
    ];
    const typo = pick(rng, edits);
    if (typo !== word && !known.has(typo)) return typo;
  }
  return null;
}

function commonQueries(corpus: Corpus, stats: WordStats, rng: Rng): BenchQuery[] {
  const minDf = corpus.items.length * COMMON_MIN_SHARE;
  const common = corpus.vocabulary
    .map((_, id) => id)
    .filter(
      (id) =>
        /^[a-z]{4,}$/.test(corpus.vocabulary[id]) &&
        !SYNONYM_WORDS.has(corpus.vocabulary[id]) &&
        stats.stemmed[id] &&
        stats.wordDf[id] > minDf,
    );
  if (common.length < 4)
    throw new Error(`only ${common.length} words occur in more than ${COMMON_MIN_SHARE * 100} % of the items`);
  const order = shuffled(rng, common);
  const word = (i: number) => corpus.vocabulary[order[i % order.length]];
  const queries: BenchQuery[] = [];
  for (let i = 0; i < 12; i++) queries.push({ text: `${word(i)} `, form: 'one word' });
  for (let i = 0; i < 8; i++) queries.push({ text: `${word(12 + 2 * i)} ${word(13 + 2 * i)} `, form: 'two words' });
  return queries;
}
