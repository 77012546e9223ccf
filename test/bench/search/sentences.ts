import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { words } from '@spiraal/search';
import { CORPUS_DIR } from '../collab/dutch-markdown';
import { FILLER_SENTENCES, FIXTURE, NETWORK_ITEM, OTHER_COMMUNITY_ITEM } from '../../search/dutch-fixture';
import { intBetween, pick, seededRng } from './rng';

/** The sentences bodies are made of, and where they come from (for the report). */
export interface SentencePool {
  description: string;
  sentences: string[];
}

/** Fewer usable sentences than this in the shared corpus: use the fixture instead. */
const MIN_CORPUS_SENTENCES = 500;
/** How many recombined sentences to make from the small fixture. */
const FALLBACK_SENTENCES = 3_000;

/**
 * Sentences from the shared corpus (read now, never copied into the repo), or,
 * when it is absent, from the project's own search fixture.
 */
export function loadSentences(): SentencePool {
  const files = existsSync(CORPUS_DIR)
    ? readdirSync(CORPUS_DIR)
        .filter((name) => name.endsWith('.txt'))
        .sort()
    : [];
  const sentences = [...new Set(files.flatMap((name) => proseSentences(readFileSync(join(CORPUS_DIR, name), 'utf8'))))];
  if (sentences.length >= MIN_CORPUS_SENTENCES) {
    return {
      description: `shared corpus ${CORPUS_DIR} (${files.length} files, ${sentences.length} sentences)`,
      sentences,
    };
  }
  const fallback = fixtureSentences();
  return {
    description: `project fixture test/search/dutch-fixture.ts, recombined (${fallback.length} sentences; ${CORPUS_DIR} not found)`,
    sentences: fallback,
  };
}

/**
 * PDF-extracted text into sentences that read as prose: hyphenated line
 * breaks joined, control characters out, and only pieces of 6 to 40 words,
 * mostly letters, starting with a capital and ending with a full stop.
 */
function proseSentences(raw: string): string[] {
  const text = raw
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex -- strips control characters on purpose
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ' ')
    .replace(/(\p{L})-\n(\p{Ll})/gu, '$1$2')
    .replace(/\s+/g, ' ');
  return text
    .split(/(?<=[.!?])\s+(?=[\p{Lu}‘“"'])/u)
    .map((sentence) => sentence.trim())
    .filter(isProse);
}

function isProse(sentence: string): boolean {
  const count = sentence.split(' ').length;
  const letters = sentence.match(/\p{L}/gu)?.length ?? 0;
  return (
    count >= 6 &&
    count <= 40 &&
    /[.!?]$/.test(sentence) &&
    /^[\p{Lu}‘“"']/u.test(sentence) &&
    letters / sentence.length > 0.75 &&
    !/[■•|*_#<>\\]/.test(sentence)
  );
}

/**
 * The fixture has a few dozen sentences: too few for rare words. Each is
 * used as is, and recombined many times with one word replaced by a
 * compound of two fixture words (as Dutch makes "buurtkoffie"), so some words
 * are rare and others common, as in real text.
 */
function fixtureSentences(): string[] {
  const bodies = [...FIXTURE, OTHER_COMMUNITY_ITEM, NETWORK_ITEM]
    .filter((item) => item.body.length < 2_000)
    .map((item) => item.body);
  const base = [...new Set([...FILLER_SENTENCES, ...bodies.flatMap((body) => body.split(/(?<=[.!?])\s+/))])].filter(
    (s) => s.split(' ').length >= 5,
  );
  const parts = [...new Set(base.flatMap((s) => words(s)).filter((w) => /^[a-z]{4,8}$/.test(w)))];
  const rng = seededRng(7);
  const recombined = Array.from({ length: FALLBACK_SENTENCES }, () => {
    const tokens = pick(rng, base).split(' ');
    const at = intBetween(rng, 1, tokens.length - 1);
    const tail = tokens[at].match(/[.,;:!?]+$/)?.[0] ?? '';
    tokens[at] = `${pick(rng, parts)}${pick(rng, parts)}${tail}`;
    return tokens.join(' ');
  });
  return [...new Set([...base, ...recombined])];
}
