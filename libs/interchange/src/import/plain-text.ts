/**
 * Plain text -> ProseMirror JSON. Text extracted from a PDF (pdftotext, copy
 * and paste) is hard-wrapped, splits words over line ends, glues words
 * together and repeats page headers and numbers; `cleanExtractedText` undoes
 * what can be undone without a dictionary, so the result reads and searches.
 */
import { textNode, type PMNode } from '@spiraal/collab';

/** Words after "zorg-" that make it a shortened compound ("zorg- en welzijn"), not a split word. */
const CONJUNCTIONS = new Set(['en', 'of', 'tot', 'noch', 'and', 'or', 'to']);
/** Short Dutch words that PDF extraction glues onto a following capitalised word ("deWerkplaatsen"). */
const GLUED_PREFIXES = new Set([
  'de',
  'het',
  'een',
  'van',
  'en',
  'in',
  'op',
  'met',
  'voor',
  'naar',
  'om',
  'te',
  'bij',
  'door',
  'uit',
  'aan',
  'als',
  'dat',
  'die',
  'is',
]);

const BULLET = /^\s*(?:[-*•·▪◦●‣–]|\d{1,3}[.)]|[a-z][.)])\s+(?=\S)/;
const PAGE_NUMBER =
  /^\s*(?:[-–—]\s*)?(?:(?:pagina|page|blz\.?|p\.)\s*)?\d{1,4}(?:\s*(?:\/|van|of)\s*\d{1,4})?(?:\s*[-–—])?\s*$/i;

/**
 * Cleans extracted text line by line. Returns the text with paragraphs
 * separated by blank lines and every paragraph on one line (list items keep
 * their own lines).
 */
export function cleanExtractedText(raw: string): string {
  const pages = raw.replace(/\r\n?/g, '\n').split('\f');
  const lines = dropPageFurniture(pages).map((line) => line.replace(/[\t\u00a0 ]+/g, ' ').replace(/\s+$/, ''));
  return toParagraphs(lines, wordsOf(lines))
    .map((paragraph) => unglue(paragraph))
    .join('\n\n');
}

/**
 * Page numbers, and headers and footers: short lines that come back on
 * several pages (digits aside). Without form feeds there are no pages to
 * compare; then only lines next to a page number count as page furniture.
 */
function dropPageFurniture(pages: string[]): string[] {
  const counts = new Map<string, number>();
  const edges = pages.map((page) => edgeLines(page.split('\n')));
  for (const edge of edges)
    for (const key of new Set(edge.map(furnitureKey))) counts.set(key, (counts.get(key) ?? 0) + 1);
  const repeated = (line: string) =>
    pages.length >= 3 && (counts.get(furnitureKey(line)) ?? 0) >= Math.max(3, Math.ceil(pages.length / 3));
  const out: string[] = [];
  pages.forEach((page, p) => {
    const lines = page.split('\n');
    const edge = new Set(edges[p]);
    lines.forEach((line, i) => {
      if (PAGE_NUMBER.test(line) && line.trim() !== '') return out.push('');
      if (edge.has(line) && line.trim() && repeated(line)) return out.push('');
      if (pages.length === 1 && line.trim().length <= 80 && nextToPageNumber(lines, i) && repeatsElsewhere(lines, line))
        return out.push('');
      out.push(line);
    });
    // A page break ends a line (but not necessarily a paragraph).
  });
  return out;
}

/** The first and last two non-empty lines of a page. */
function edgeLines(lines: string[]): string[] {
  const filled = lines.filter((line) => line.trim() !== '');
  return [...filled.slice(0, 2), ...filled.slice(-2)];
}

function furnitureKey(line: string): string {
  return line.trim().replace(/\d+/g, '#').toLowerCase();
}

function nextToPageNumber(lines: string[], index: number): boolean {
  const near = (step: number) => {
    for (let i = index + step, seen = 0; i >= 0 && i < lines.length && seen < 2; i += step) {
      if (lines[i].trim() === '') continue;
      seen++;
      if (PAGE_NUMBER.test(lines[i])) return true;
    }
    return false;
  };
  return lines[index].trim() !== '' && (near(-1) || near(1));
}

function repeatsElsewhere(lines: string[], line: string): boolean {
  const key = furnitureKey(line);
  let count = 0;
  for (const other of lines) if (furnitureKey(other) === key && ++count >= 3) return true;
  return false;
}

/**
 * Joins hard-wrapped lines into paragraphs. A paragraph ends at a blank line,
 * before a list item, and before an indented line that follows a finished
 * sentence (how many PDFs mark a new paragraph).
 */
function toParagraphs(lines: string[], words: ReadonlySet<string>): string[] {
  const paragraphs: string[] = [];
  let current = '';
  const finish = () => {
    if (current.trim()) paragraphs.push(current.trim());
    current = '';
  };
  for (const line of lines) {
    if (line.trim() === '') {
      finish();
      continue;
    }
    const indented = /^ {1,}\S/.test(line) && /[.!?:;’'"”]$/.test(current);
    if (BULLET.test(line) || indented || isHeadingLine(line)) finish();
    current = current ? joinLines(current, line.trim(), words) : line.trim();
    if (isHeadingLine(line)) finish();
  }
  finish();
  return paragraphs;
}

/** A short line in capitals, as PDFs print section titles. */
export function isHeadingLine(line: string): boolean {
  const text = line.trim();
  if (text.length > 80 || /\p{Ll}/u.test(text)) return false;
  const letters = text.replace(/[^\p{L}]/gu, '');
  return (
    text.length <= 80 &&
    letters.length >= 4 &&
    letters === letters.toUpperCase() &&
    letters !== letters.toLowerCase() &&
    !/[.,;]$/.test(text)
  );
}

/**
 * Joins two lines of a paragraph: "samen-" + "werking" is one word, but
 * "zorg-" + "en welzijn", "Noord-" + "Brabant" and "Wmo-" + "werkplaatsen"
 * keep their hyphen.
 */
function joinLines(before: string, after: string, words: ReadonlySet<string>): string {
  // Only the end of the paragraph so far matters (and a regex over all of it, for every line, would be quadratic).
  const tail = before.slice(-100);
  if (/\d-$/.test(tail) && /^\d/.test(after)) return `${before}${after}`;
  const split = /(?:^|[^\p{L}])(\p{L}+)-$/u.exec(tail);
  const nextWord = /^\p{L}+/u.exec(after)?.[0] ?? '';
  if (!split) return splitWithoutHyphen(tail, nextWord, words) ? `${before}${after}` : `${before} ${after}`;
  if (!nextWord || CONJUNCTIONS.has(nextWord.toLowerCase())) return `${before} ${after}`;
  // "Noord-Brabant", "ICT-afdeling", "Wmo-werkplaats": capitals around the hyphen mean a real one.
  const fragment = split[1];
  const keepHyphen =
    /\p{Lu}/u.test(nextWord[0]) ||
    /\p{Lu}/u.test(fragment.slice(1)) ||
    (/^\p{Lu}/u.test(fragment) && fragment.length <= 3);
  return keepHyphen ? `${before}${after}` : `${before.slice(0, -1)}${after}`;
}

/**
 * Some PDFs split words over lines without a hyphen ("prak" / "tijken"). The
 * document itself is the dictionary: join when the joined word occurs in it
 * and the first piece never does on its own.
 */
function splitWithoutHyphen(before: string, nextWord: string, words: ReadonlySet<string>): boolean {
  const last = /(?:^|[^\p{L}])(\p{L}{3,})$/u.exec(before)?.[1];
  if (!last || nextWord.length < 3 || /\p{Lu}/u.test(nextWord[0])) return false;
  return !words.has(last.toLowerCase()) && words.has(`${last}${nextWord}`.toLowerCase());
}

/** Every word of the text except those at a line's end or start (which may be pieces of a split word). */
function wordsOf(lines: readonly string[]): Set<string> {
  const words = new Set<string>();
  for (const line of lines) {
    const tokens = line.toLowerCase().match(/\p{L}+/gu) ?? [];
    for (let i = 1; i < tokens.length - 1; i++) words.add(tokens[i]);
  }
  return words;
}

/** "werk.De" -> "werk. De", "deWerkplaatsen" -> "de Werkplaatsen"; web and e-mail addresses stay as they are. */
function unglue(paragraph: string): string {
  return paragraph
    .split(' ')
    .map((word) => {
      if (/[/@]|www\.|\.(nl|com|org|eu|be|net)\b/i.test(word)) return word;
      return word
        .replace(/(\p{Ll}{2,}[.!?;,:])(\p{Lu}\p{Ll})/gu, '$1 $2')
        .replace(/^(\p{Ll}{2,4})(\p{Lu}\p{Ll}{2,})/u, (match, prefix: string, rest: string) =>
          GLUED_PREFIXES.has(prefix) ? `${prefix} ${rest}` : match,
        );
    })
    .join(' ');
}

/** Cleaned text -> blocks: capitals lines become headings, bullets become lists, the rest paragraphs. */
export function textToProseMirror(raw: string): PMNode {
  const content: PMNode[] = [];
  for (const paragraph of cleanExtractedText(raw).split('\n\n')) {
    if (!paragraph.trim()) continue;
    const bullet = BULLET.exec(paragraph);
    if (bullet) {
      appendListItem(
        content,
        /^\s*\d/.test(bullet[0]) ? 'orderedList' : 'bulletList',
        paragraph.slice(bullet[0].length),
      );
    } else if (isHeadingLine(paragraph)) {
      content.push({ type: 'heading', attrs: { level: 2 }, content: [textNode(paragraph.trim())] });
    } else {
      content.push({ type: 'paragraph', content: [textNode(paragraph)] });
    }
  }
  return { type: 'doc', content: content.length > 0 ? content : [{ type: 'paragraph' }] };
}

function appendListItem(content: PMNode[], type: 'bulletList' | 'orderedList', text: string): void {
  const item: PMNode = { type: 'listItem', content: [{ type: 'paragraph', content: [textNode(text)] }] };
  const last = content[content.length - 1];
  if (last?.type === type) last.content!.push(item);
  else
    content.push(type === 'orderedList' ? { type, attrs: { start: 1 }, content: [item] } : { type, content: [item] });
}
