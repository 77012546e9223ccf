/**
 * One lexeme of a PostgreSQL tsvector and how often it stands in each weight
 * class, packed in one unsigned 32-bit number: A (title) in the lowest byte,
 * then B (tags), C (body) and D (compound parts), each at most 255.
 */
export interface LexemeCounts {
  term: string;
  counts: number;
}

const CLAMP = 255;

export function packCounts(a: number, b: number, c: number, d: number): number {
  return (
    (Math.min(a, CLAMP) | (Math.min(b, CLAMP) << 8) | (Math.min(c, CLAMP) << 16) | (Math.min(d, CLAMP) << 24)) >>> 0
  );
}

/** The four counts of `packCounts`, as [A, B, C, D]. */
export function unpackCounts(packed: number): [number, number, number, number] {
  return [packed & 255, (packed >>> 8) & 255, (packed >>> 16) & 255, packed >>> 24];
}

const QUOTE = 39; // '
const BACKSLASH = 92;
const COLON = 58;
const COMMA = 44;

/**
 * Parses the text form of a tsvector (`'team':1A,7 'overleg':3C`), as
 * PostgreSQL prints it: lexemes in quotes, a quote or backslash inside
 * doubled, positions with weight letters A to C and no letter for D. A
 * lexeme without positions counts once as D.
 */
export function parseTsvector(text: string): LexemeCounts[] {
  const out: LexemeCounts[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && text.charCodeAt(i) !== QUOTE) i++;
    if (i >= n) break;
    i++;
    let term = '';
    let start = i;
    for (;;) {
      if (i >= n) throw new Error('tsvector text ends inside a lexeme');
      const c = text.charCodeAt(i);
      if (c === QUOTE) {
        if (text.charCodeAt(i + 1) === QUOTE) {
          term += text.slice(start, i + 1);
          i += 2;
          start = i;
          continue;
        }
        term += text.slice(start, i);
        i++;
        break;
      }
      if (c === BACKSLASH) {
        term += text.slice(start, i) + text[i + 1];
        i += 2;
        start = i;
        continue;
      }
      i++;
    }
    let a = 0;
    let b = 0;
    let cc = 0;
    let d = 0;
    if (text.charCodeAt(i) === COLON) {
      i++;
      for (;;) {
        while (i < n && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
        const w = text[i];
        if (w === 'A') a++;
        else if (w === 'B') b++;
        else if (w === 'C') cc++;
        else d++;
        if (w === 'A' || w === 'B' || w === 'C') i++;
        if (text.charCodeAt(i) === COMMA) i++;
        else break;
      }
    } else {
      d = 1;
    }
    out.push({ term, counts: packCounts(a, b, cc, d) });
  }
  return out;
}
