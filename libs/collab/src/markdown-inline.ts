/**
 * Serializes the inline content of one textblock to Markdown. Used by
 * prosemirror-to-markdown.ts; split out because choosing emphasis
 * delimiters and escaping so that the text survives re-parsing is most of
 * the work.
 */
import { safeHref } from './links';
import { sameMark, sameMarks, sortMarks, type PMMark, type PMNode } from './prosemirror';

/**
 * A run of text with the marks Markdown can express. Code and hard breaks
 * carry no marks in the document, but may be rendered inside emphasis.
 */
type Piece = { kind: 'text' | 'code' | 'break'; text: string; marks: PMMark[] };

/** Marks that Markdown expresses with delimiters around the text. */
const EMPHASIS = new Set(['bold', 'italic', 'strike']);

/**
 * Returns the Markdown lines of a textblock's content; lines after the first
 * follow a hard break (the previous line ends with a backslash). With
 * `singleLine` (ATX headings) hard breaks become spaces.
 */
export function inlineToMarkdownLines(nodes: readonly PMNode[], singleLine = false): string[] {
  const pieces = toPieces(nodes, singleLine);
  // A hard break at the very end of a block has no Markdown form.
  while (pieces.length > 0 && pieces[pieces.length - 1].kind === 'break') pieces.pop();
  const rendered = render(mergePieces(moveWhitespaceOut(wrapInSurroundingMarks(pieces))));
  return rendered.split('\n').map(encodeEdgeWhitespace);
}

function toPieces(nodes: readonly PMNode[], singleLine: boolean): Piece[] {
  const pieces: Piece[] = [];
  const lineBreak = (): Piece => (singleLine ? { kind: 'text', text: ' ', marks: [] } : { kind: 'break', text: '', marks: [] });
  for (const node of nodes) {
    if (node.type === 'hardBreak') {
      pieces.push(lineBreak());
    } else if (typeof node.text === 'string') {
      node.text.split('\n').forEach((part, i) => {
        if (i > 0) pieces.push(lineBreak());
        if (part) pieces.push(toPiece(part, node.marks ?? []));
      });
    }
    // Other inline nodes have no Markdown form in this schema and are skipped.
  }
  return pieces;
}

/** Keeps the marks Markdown can express; links only with a safe href. */
function toPiece(text: string, marks: readonly PMMark[]): Piece {
  const kept: PMMark[] = [];
  let code = false;
  for (const mark of marks) {
    if (mark.type === 'code') code = true;
    else if (EMPHASIS.has(mark.type)) kept.push({ type: mark.type });
    else if (mark.type === 'link') {
      const href = safeHref(typeof mark.attrs?.href === 'string' ? mark.attrs.href : null);
      if (href !== null) kept.push({ type: 'link', attrs: { href } });
    }
  }
  // TipTap's code mark excludes all others, so code never carries them.
  return code ? { kind: 'code', text, marks: [] } : { kind: 'text', text, marks: sortMarks(kept) };
}

/**
 * `*a `b` c*` is one emphasis around the code, and the parser drops the
 * emphasis from the code again; the same holds for hard breaks. So code and
 * breaks may be rendered inside any marks. Code prefers the marks of a
 * neighbour whose whitespace touches it (the whitespace can then stay
 * inside that emphasis); otherwise both take the marks their neighbours share.
 */
function wrapInSurroundingMarks(pieces: Piece[]): Piece[] {
  const result: Piece[] = [];
  pieces.forEach((piece, i) => {
    const before = result[i - 1];
    const after = pieces[i + 1];
    let marks = piece.marks;
    if (piece.kind === 'code' && before?.marks.length && /\s$/.test(before.text)) marks = before.marks;
    else if (piece.kind === 'code' && after?.marks.length && /^\s/.test(after.text)) marks = after.marks;
    else if (piece.kind !== 'text') marks = shared(before?.marks ?? [], after?.marks ?? [], false);
    result.push({ ...piece, marks });
  });
  return result;
}

/**
 * `** a**` is not bold in Markdown: a delimiter must not touch whitespace
 * on its inner side. Whitespace at the edges of emphasized text therefore
 * only keeps the marks it shares with its neighbour (links may keep it).
 */
function moveWhitespaceOut(pieces: Piece[]): Piece[] {
  const result: Piece[] = [];
  pieces.forEach((piece, i) => {
    if (piece.kind !== 'text' || !piece.marks.some((mark) => EMPHASIS.has(mark.type))) {
      result.push(piece);
      return;
    }
    const before = pieces[i - 1]?.marks ?? [];
    const after = pieces[i + 1]?.marks ?? [];
    const [, lead, core, trail] = /^(\s*)([\s\S]*?)(\s*)$/.exec(piece.text) as RegExpExecArray;
    if (!core) {
      result.push({ ...piece, marks: shared(shared(piece.marks, before), after) });
      return;
    }
    if (lead) result.push({ ...piece, text: lead, marks: shared(piece.marks, before) });
    result.push({ ...piece, text: core });
    if (trail) result.push({ ...piece, text: trail, marks: shared(piece.marks, after) });
  });
  return result;
}

/** The marks also on the neighbour; links are kept unless `keepLinks` is false. */
function shared(marks: PMMark[], neighbour: PMMark[], keepLinks = true): PMMark[] {
  return marks.filter(
    (mark) => (keepLinks && mark.type === 'link') || neighbour.some((other) => sameMark(mark, other)),
  );
}

function mergePieces(pieces: Piece[]): Piece[] {
  const merged: Piece[] = [];
  for (const piece of pieces) {
    const last = merged[merged.length - 1];
    if (last && last.kind === piece.kind && piece.kind !== 'break' && sameMarks(last.marks, piece.marks)) {
      merged[merged.length - 1] = { ...last, text: last.text + piece.text };
    } else {
      merged.push(piece);
    }
  }
  return merged;
}

type OpenMark = { mark: PMMark; close: string };

/** Emits the pieces, opening and closing mark delimiters like a stack. */
function render(pieces: Piece[]): string {
  const out: string[] = [];
  const open: OpenMark[] = [];
  const lastChar = () => (out.length > 0 ? out[out.length - 1].slice(-1) : '');
  pieces.forEach((piece, i) => {
    // Close down to the first open mark this piece does not have.
    let keep = 0;
    while (keep < open.length && piece.marks.some((mark) => sameMark(mark, open[keep].mark))) keep++;
    while (open.length > keep) out.push((open.pop() as OpenMark).close);
    for (const mark of marksToOpen(pieces, i, open)) {
      const [opening, close] = delimiters(mark, lastChar(), pieces[runEnd(pieces, i, mark)]?.text.charAt(0) ?? '');
      if (opening === '[' && lastChar() === '!') {
        // `![` would start an image.
        out[out.length - 1] = `${out[out.length - 1].slice(0, -1)}\\!`;
      }
      out.push(opening);
      open.push({ mark, close });
    }
    out.push(renderPiece(piece, out.length === 0 || lastChar() === '\n'));
  });
  while (open.length > 0) out.push((open.pop() as OpenMark).close);
  return out.join('');
}

function renderPiece(piece: Piece, atLineStart: boolean): string {
  if (piece.kind === 'break') return '\\\n';
  if (piece.kind === 'code') return codeSpan(piece.text);
  return escapeText(piece.text, atLineStart);
}

/**
 * The piece's marks that are not open yet, longest-running first, so that
 * `~~_a_ b~~` stays one strikethrough instead of being closed and reopened.
 */
function marksToOpen(pieces: Piece[], index: number, open: OpenMark[]): PMMark[] {
  const closed = pieces[index].marks.filter((mark) => !open.some((entry) => sameMark(entry.mark, mark)));
  const ends = new Map(closed.map((mark) => [mark, runEnd(pieces, index, mark)]));
  // Array.prototype.sort is stable: equal runs keep the schema order.
  return closed.sort((a, b) => (ends.get(b) as number) - (ends.get(a) as number));
}

/** Index of the first piece from `start` on that does not carry `mark`. */
function runEnd(pieces: Piece[], start: number, mark: PMMark): number {
  let i = start;
  while (i < pieces.length && pieces[i].marks.some((other) => sameMark(other, mark))) i++;
  return i;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

function delimiters(mark: PMMark, before: string, after: string): [string, string] {
  switch (mark.type) {
    case 'bold':
      return ['**', '**'];
    case 'strike':
      return ['~~', '~~'];
    case 'italic': {
      // `_` cannot open or close emphasis inside a word; `*` can.
      const delimiter = WORD_CHAR.test(before) || WORD_CHAR.test(after) ? '*' : '_';
      return [delimiter, delimiter];
    }
    default:
      return ['[', `](${escapeHref(String(mark.attrs?.href ?? ''))})`];
  }
}

function escapeHref(href: string): string {
  return href.replace(/[()<>\\]/g, '\\$&');
}

/** Wraps code in a backtick fence longer than any backtick run inside it. */
export function codeSpan(text: string): string {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  // markdown-it strips one space from each side of `` ` a ` `` (content of
  // three or more characters), and a backtick next to the fence would
  // lengthen it; pad with a space in those cases.
  const needsPad = text.startsWith('`') || text.endsWith('`') || /^ [\s\S]+ $/.test(text);
  const pad = needsPad ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/**
 * Escapes characters that Markdown would read as syntax. `_` between two
 * letters or digits cannot delimit emphasis and stays readable as is.
 */
export function escapeText(text: string, atLineStart: boolean): string {
  const escaped = text.replace(/[\\`*~[\]<_]|&(?=#?[a-z0-9]+;)/gi, (char, offset: number) => {
    if (char === '_' && WORD_CHAR.test(text.charAt(offset - 1)) && WORD_CHAR.test(text.charAt(offset + 1))) {
      return char;
    }
    return `\\${char}`;
  });
  return atLineStart ? escapeLineStart(escaped) : escaped;
}

/** Escapes what would start a heading, quote, list, or setext underline. */
function escapeLineStart(text: string): string {
  return text.replace(/^[#>+=-]/, '\\$&').replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2');
}

/**
 * Markdown trims whitespace at the start and end of a line (and before a
 * hard break's backslash); a character reference keeps it.
 */
function encodeEdgeWhitespace(line: string): string {
  const encode = (char: string) => `&#${char.codePointAt(0)};`;
  return line.replace(/^\s/, encode).replace(/\s(?=\\?$)/, (char, offset: number) => {
    // Only whitespace right before the final hard-break backslash, not an escaped one.
    return offset === line.length - 1 || line.endsWith('\\') ? encode(char) : char;
  });
}
