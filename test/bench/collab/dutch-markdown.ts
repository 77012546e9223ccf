import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The shared corpus, next to the repository; read at run time, never copied into the repo. */
export const CORPUS_DIR = join(__dirname, '../../../../shared/corpus');

// Used only when the corpus is absent: a few words of our own, to make Dutch-looking filler.
const FALLBACK_WORDS = (
  'de het een en van in op met voor door over naar bij als dat die niet ook maar nog wel om tot ' +
  'leren praktijk netwerk kennis ervaring deelnemers begeleider zorg wijk samen vraag antwoord ' +
  'gesprek oefening reflectie team collega cliënt familie werkplek verandering ontwikkeling ' +
  'inzicht gewoonte afspraak voorbeeld verhaal moment week maand jaar nieuwe goede eigen ' +
  'bespreken delen uitproberen opschrijven terugkijken vernieuwen verbinden ondersteunen'
).split(' ');

let cachedParagraphs: string[] | null = null;

/** Where the text comes from, for the report. */
export function textSource(): string {
  return sourceParagraphs().source;
}

function sourceParagraphs(): { source: string; paragraphs: string[] } {
  if (cachedParagraphs)
    return {
      source: cachedParagraphs === FALLBACK ? 'generated filler' : `corpus (${CORPUS_DIR})`,
      paragraphs: cachedParagraphs,
    };
  const files = existsSync(CORPUS_DIR)
    ? readdirSync(CORPUS_DIR)
        .filter((name) => name.endsWith('.txt'))
        .sort()
    : [];
  const paragraphs = files.flatMap((name) => cleanParagraphs(readFileSync(join(CORPUS_DIR, name), 'utf8')));
  cachedParagraphs = paragraphs.length >= 20 ? paragraphs : FALLBACK;
  return sourceParagraphs();
}

const FALLBACK: string[] = Array.from({ length: 200 }, (_, i) => fallbackParagraph(i));

function fallbackParagraph(seed: number): string {
  let state = seed * 7919 + 17;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const sentences = Array.from({ length: 3 + Math.floor(next() * 4) }, () => {
    const words = Array.from(
      { length: 6 + Math.floor(next() * 10) },
      () => FALLBACK_WORDS[Math.floor(next() * FALLBACK_WORDS.length)],
    );
    const sentence = words.join(' ');
    return sentence[0].toUpperCase() + sentence.slice(1) + '.';
  });
  return sentences.join(' ');
}

/**
 * PDF-extracted text into plain paragraphs: no control characters (the API
 * refuses them), hyphenated line breaks joined, nothing that Markdown would
 * read as markup, and only pieces that read as prose.
 */
function cleanParagraphs(raw: string): string[] {
  return (
    raw
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex -- strips control characters on purpose
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '\n')
      .replace(/(\p{L})-\n(\p{Ll})/gu, '$1$2')
      .split(/\n\s*\n/)
      .map((block) =>
        block
          .replace(/\s+/g, ' ')
          .replace(/[*_`[\]<>\\#|~■•]/g, '')
          .replace(/^[\s\-+>\d.)]+/, '')
          .trim(),
      )
      .filter(
        (paragraph) => paragraph.length >= 120 && (paragraph.match(/\p{L}/gu)?.length ?? 0) / paragraph.length > 0.7,
      )
      .map((paragraph) => (paragraph.length > 1200 ? paragraph.slice(0, paragraph.lastIndexOf(' ', 1200)) : paragraph))
  );
}

/**
 * A Markdown body of about `targetBytes` (UTF-8, never more): headings,
 * paragraphs and now and then a bullet list. `variant` picks where in the
 * text to start, so several documents differ.
 */
export function dutchMarkdown(targetBytes: number, variant = 0): string {
  const { paragraphs } = sourceParagraphs();
  const parts: string[] = [];
  let bytes = 0;
  const add = (block: string): boolean => {
    const size = Buffer.byteLength(block, 'utf8') + 2;
    if (bytes + size > targetBytes) return false;
    parts.push(block);
    bytes += size;
    return true;
  };
  // Bounded: at most a few passes over the text, however large the target.
  const limit = paragraphs.length * 4 + 64;
  for (let i = 0; i < limit; i++) {
    const paragraph = paragraphs[(variant * 37 + i) % paragraphs.length];
    if (i % 12 === 0 && !add(`## ${headingFrom(paragraph, i)}`)) break;
    if (i % 9 === 5) {
      const items = paragraph
        .split(/(?<=\.)\s+/)
        .filter((s) => s.length > 20)
        .slice(0, 3);
      if (items.length >= 2 && !add(items.map((item) => `- ${item}`).join('\n'))) break;
      continue;
    }
    if (!add(paragraph)) {
      if (targetBytes - bytes < 200) break;
      continue; // a shorter paragraph may still fit
    }
  }
  return parts.join('\n\n');
}

function headingFrom(paragraph: string, index: number): string {
  const words = paragraph
    .split(' ')
    .slice(0, 5)
    .join(' ')
    .replace(/[.,:;]+$/, '');
  return `${Math.floor(index / 12) + 1}. ${words}`;
}

/** Exactly `count` short paragraphs (a sentence or two each): the small document editors type into. */
export function dutchParagraphs(count: number, variant = 0): string {
  const { paragraphs } = sourceParagraphs();
  return Array.from({ length: count }, (_, i) => {
    const paragraph = paragraphs[(variant * 37 + i) % paragraphs.length];
    const cut = paragraph.indexOf('. ', 80);
    return cut > 0 && cut < 300 ? paragraph.slice(0, cut + 1) : paragraph.slice(0, paragraph.lastIndexOf(' ', 200));
  }).join('\n\n');
}
