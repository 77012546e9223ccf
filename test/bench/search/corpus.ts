import { ITEM_KINDS, SECI_STAGES } from '@spiraal/domain';
import { words } from '@spiraal/search';
import { intBetween, pick, Rng, seededRng, seededUuid, shuffled, zipfSampler } from './rng';
import type { SentencePool } from './sentences';

export const COMMUNITY_COUNT = 50;
/** Every fourth community is open to the whole network; the others are private. */
const NETWORK_EVERY = 4;
const BODY_WORDS = { min: 80, max: 600 };
const TITLE_WORDS = { min: 4, max: 9 };
const SENTENCES_PER_PARAGRAPH = { min: 2, max: 6 };
/** Sentence popularity: 1/rank^0.7, so a sentence is in about 0.1 % to 35 % of the bodies. */
const SENTENCE_SKEW = 0.7;
/** All dates lie in the two years before this moment, so every run stores the same items. */
const NOW = Date.parse('2025-11-01T12:00:00Z');
const DAY_MS = 86_400_000;
/** Guidelines carry fields of their own (status, version) that search does not use: the corpus has every other kind. */
const KINDS = ITEM_KINDS.filter((kind) => kind !== 'GUIDELINE');

/** A small tag vocabulary of our own (popular ones first). */
const TAGS = [
  'leernetwerk',
  'intervisie',
  'reflectie',
  'samenwerking',
  'kennisdeling',
  'werkplekleren',
  'teamleren',
  'praktijkvoorbeeld',
  'innovatie',
  'evaluatie',
  'vakmanschap',
  'methodiek',
  'ouderenzorg',
  'gehandicaptenzorg',
  'jeugdhulp',
  'onderwijs',
  'wijkteam',
  'mantelzorg',
  'zelfregie',
  'participatie',
  'dagbesteding',
  'huisbezoek',
  'leiderschap',
  'actieleren',
];

export interface BenchCommunity {
  id: string;
  name: string;
  visibility: 'PRIVATE' | 'NETWORK';
}

export interface BenchItem {
  id: string;
  communityId: string;
  kind: string;
  stage: string;
  title: string;
  tags: string[];
  text: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface Corpus {
  size: number;
  source: string;
  userId: string;
  communities: BenchCommunity[];
  items: BenchItem[];
  /** Folded words as the engines see them (lower case, accents folded), by id. */
  vocabulary: string[];
  /** Per sentence of the pool: the ids of its distinct words. */
  sentenceWords: Int32Array[];
  /** Per item: the pool sentences its body is made of. */
  itemSentences: Int32Array[];
  /** Per item: the word ids of its title and tags. */
  itemExtraWords: Int32Array[];
  wordCount: number;
  textBytes: number;
}

/** `size` items with Dutch titles and bodies sampled from the pool; the same for the same size on every run. */
export function buildCorpus(size: number, pool: SentencePool): Corpus {
  const rng = seededRng(20251121 + size);
  const vocabulary = new Vocabulary();
  const sentenceWords = pool.sentences.map((sentence) => vocabulary.idsOf(words(sentence)));
  const sentenceLengths = pool.sentences.map((sentence) => sentence.split(' ').length);
  // Which sentences are popular is random, not the order of the source files.
  const order = shuffled(
    rng,
    pool.sentences.map((_, i) => i),
  );
  const drawRank = zipfSampler(rng, order.length, SENTENCE_SKEW);
  const drawSentence = () => order[drawRank()];
  const drawCommunity = zipfSampler(rng, COMMUNITY_COUNT, 0.6);
  const drawTag = zipfSampler(rng, TAGS.length, 1);

  const communities = Array.from({ length: COMMUNITY_COUNT }, (_, i) => ({
    id: seededUuid(rng),
    name: `Leernetwerk ${i + 1}`,
    visibility: i % NETWORK_EVERY === NETWORK_EVERY - 1 ? ('NETWORK' as const) : ('PRIVATE' as const),
  }));
  const corpus: Corpus = {
    size,
    source: pool.description,
    userId: seededUuid(rng),
    communities,
    items: [],
    vocabulary: vocabulary.words,
    sentenceWords,
    itemSentences: [],
    itemExtraWords: [],
    wordCount: 0,
    textBytes: 0,
  };
  for (let i = 0; i < size; i++) {
    const body = makeBody(rng, pool.sentences, sentenceLengths, drawSentence);
    const title = makeTitle(rng, pool.sentences[drawSentence()]);
    const tags = [...new Set(Array.from({ length: intBetween(rng, 0, 3) }, () => TAGS[drawTag()]))];
    const createdAt = new Date(NOW - rng() * 730 * DAY_MS);
    const updatedAt = new Date(createdAt.getTime() + rng() * Math.min(60 * DAY_MS, NOW - createdAt.getTime()));
    corpus.items.push({
      id: seededUuid(rng),
      communityId: communities[drawCommunity()].id,
      kind: pick(rng, KINDS),
      stage: pick(rng, SECI_STAGES),
      title,
      tags,
      text: body.text,
      createdAt,
      updatedAt,
    });
    corpus.itemSentences.push(body.sentenceIds);
    corpus.itemExtraWords.push(vocabulary.idsOf(words(`${title} ${tags.join(' ')}`)));
    corpus.wordCount += body.words;
    corpus.textBytes += Buffer.byteLength(body.text) + Buffer.byteLength(title);
  }
  return corpus;
}

/** Paragraphs of 2 to 6 sampled sentences, until the body has its drawn length (80 to 600 words). */
function makeBody(
  rng: Rng,
  sentences: string[],
  lengths: number[],
  draw: () => number,
): { text: string; sentenceIds: Int32Array; words: number } {
  const target = intBetween(rng, BODY_WORDS.min, BODY_WORDS.max);
  const ids: number[] = [];
  const paragraphs: string[] = [];
  let count = 0;
  while (count < target) {
    const paragraph: string[] = [];
    const n = intBetween(rng, SENTENCES_PER_PARAGRAPH.min, SENTENCES_PER_PARAGRAPH.max);
    for (let k = 0; k < n && count < target; k++) {
      const id = draw();
      ids.push(id);
      paragraph.push(sentences[id]);
      count += lengths[id];
    }
    paragraphs.push(paragraph.join(' '));
  }
  return { text: paragraphs.join('\n\n'), sentenceIds: Int32Array.from(ids), words: count };
}

/** 4 to 9 consecutive words of a sentence, without punctuation at their edges, starting with a capital. */
function makeTitle(rng: Rng, sentence: string): string {
  const tokens = sentence
    .split(' ')
    .map((t) => t.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter(Boolean);
  const length = Math.min(tokens.length, intBetween(rng, TITLE_WORDS.min, TITLE_WORDS.max));
  const start = intBetween(rng, 0, tokens.length - length);
  const title = tokens.slice(start, start + length).join(' ');
  return title.charAt(0).toLocaleUpperCase('nl') + title.slice(1);
}

/** Folded words to ids and back. */
class Vocabulary {
  readonly words: string[] = [];
  private readonly ids = new Map<string, number>();

  idsOf(list: string[]): Int32Array {
    const ids = new Set<number>();
    for (const word of list) {
      let id = this.ids.get(word);
      if (id === undefined) {
        id = this.words.length;
        this.words.push(word);
        this.ids.set(word, id);
      }
      ids.add(id);
    }
    return Int32Array.from(ids);
  }
}

/**
 * In how many items each key occurs, where `keyOf` maps a word id to a key
 * (the word itself, or its Dutch stem) or to -1 for none.
 */
export function documentFrequency(corpus: Corpus, keyOf: Int32Array, keyCount: number): Int32Array {
  const counts = new Int32Array(keyCount);
  const lastItem = new Int32Array(keyCount).fill(-1);
  const count = (wordId: number, item: number) => {
    const key = keyOf[wordId];
    if (key >= 0 && lastItem[key] !== item) {
      lastItem[key] = item;
      counts[key] += 1;
    }
  };
  for (let item = 0; item < corpus.items.length; item++) {
    for (const sentence of corpus.itemSentences[item])
      for (const wordId of corpus.sentenceWords[sentence]) count(wordId, item);
    for (const wordId of corpus.itemExtraWords[item]) count(wordId, item);
  }
  return counts;
}
