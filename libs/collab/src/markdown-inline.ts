/**
 * Serializes the inline content of one textblock to Markdown. Used by
 * prosemirror-to-markdown.ts; split out because choosing emphasis
 * delimiters and escaping so that the text survives re-parsing is most of
 * the work.
 */
import { MENTION_NODE, mentionText } from './mentions';
import { safeHref } from '@spiraal/domain';
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
  const lineBreak = (): Piece =>
    singleLine ? { kind: 'text', text: ' ', marks: [] } : { kind: 'break', text: '', marks: [] };
  for (const node of nodes) {
    if (node.type === 'hardBreak') {
      pieces.push(lineBreak());
    } else if (node.type === MENTION_NODE) {
      pieces.push(toPiece(mentionText(node), []));
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
  // Code first, so that a break next to code sees the code's final marks.
  return wrapBreaks(wrapCode(pieces));
}

function wrapCode(pieces: Piece[]): Piece[] {
  return pieces.map((piece, i) => {
    if (piece.kind !== 'code') return piece;
    const before = pieces[i - 1];
    const after = pieces[i + 1];
    if (before?.marks.length && /\s$/.test(before.text)) return { ...piece, marks: before.marks };
    if (after?.marks.length && /^\s/.test(after.text)) return { ...piece, marks: after.marks };
    return { ...piece, marks: shared(before?.marks ?? [], after?.marks ?? [], false) };
  });
}

function wrapBreaks(pieces: Piece[]): Piece[] {
  return pieces.map((piece, i) => {
    if (piece.kind !== 'break') return piece;
    return { ...piece, marks: shared(pieces[i - 1]?.marks ?? [], pieces[i + 1]?.marks ?? [], false) };
  });
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

/**
 * Emits the pieces, opening and closing mark delimiters like a stack.
 *
 * An emphasis delimiter only opens when it is left-flanking and only closes
 * when it is right-flanking: it must not touch whitespace on its inner side,
 * nor sit between punctuation inside and a letter outside (`a_._`, `_._a`).
 * Where that cannot be avoided (marks overlapping without nesting, text
 * starting or ending with punctuation), the offending character is written
 * as a character reference, which Markdown treats as neither.
 */
function render(pieces: Piece[]): string {
  const out: string[] = [];
  const open: OpenMark[] = [];
  pieces.forEach((piece, i) => {
    const closedCount = out.length;
    const closedEmphasis = closeMarks(out, open, marksKept(open, piece));
    const firstOpened = out.length;
    // After closing delimiters, new ones no longer touch the previous text.
    const before = firstOpened > closedCount ? lastCodePoint(out) : i > 0 ? lastCharOf(pieces[i - 1]) : '';
    const opened = openMarks(out, open, pieces, i, before);
    let rendered = renderPiece(piece, out.length === 0 || lastCodePoint(out) === '\n');
    if (piece.kind === 'text') {
      if (opened.length > 0 && isEmphasis(opened[opened.length - 1])) rendered = encodeFirst(rendered, isSpace);
      if (closedEmphasis && opened.length === 0) rendered = encodeFirst(rendered, isWord);
      if (closesEmphasisAfter(open, pieces[i + 1])) rendered = encodeLast(rendered, isSpace);
    }
    if (opened.length > 0 && isEmphasis(opened[0])) keepOpeningFlanking(out, firstOpened, rendered);
    out.push(rendered);
  });
  closeMarks(out, open, 0);
  return out.join('');
}

/**
 * Closes open marks down to `keep`. Returns whether the last delimiter
 * written closes an emphasis that a following letter would keep from
 * closing, because punctuation (or another delimiter) precedes it.
 */
function closeMarks(out: string[], open: OpenMark[], keep: number): boolean {
  if (open.length <= keep) return false;
  const inner = lastCodePoint(out);
  const count = open.length - keep;
  let outermost: OpenMark | undefined;
  while (open.length > keep) {
    outermost = open.pop() as OpenMark;
    out.push(outermost.close);
  }
  return isEmphasis((outermost as OpenMark).mark) && (count > 1 || isPunctuation(inner));
}

/**
 * Opens the marks of `pieces[index]` that are not open yet and returns them;
 * `before` is the character the delimiters will follow.
 */
function openMarks(out: string[], open: OpenMark[], pieces: Piece[], index: number, before: string): PMMark[] {
  const piece = pieces[index];
  const opened = marksToOpen(pieces, index, open);
  for (const mark of opened) {
    const end = runEnd(pieces, index, mark);
    const [opening, close] = delimiters(mark, {
      before,
      first: linkEdge(piece, pieces[index - 1]) ? '[' : firstCharOf(piece),
      last: linkEdge(pieces[end - 1], pieces[end]) ? ')' : lastCharOf(pieces[end - 1]),
      after: pieces[end] ? firstCharOf(pieces[end]) : '',
    });
    if (opening === '[' && lastCodePoint(out) === '!') {
      // `![` would start an image.
      out[out.length - 1] = `${out[out.length - 1].slice(0, -1)}\\!`;
    }
    out.push(opening);
    open.push({ mark, close });
  }
  return opened;
}

/** Whether a link on `piece` ends (or starts) where `neighbour` begins (or ends). */
function linkEdge(piece: Piece, neighbour: Piece | undefined): boolean {
  const link = piece.marks.find((mark) => mark.type === 'link');
  return link !== undefined && !neighbour?.marks.some((mark) => sameMark(mark, link));
}

/** A letter before an opening delimiter followed by punctuation stops it opening. */
function keepOpeningFlanking(out: string[], delimiterIndex: number, rendered: string): void {
  const following = (out[delimiterIndex + 1] ?? rendered).charAt(0);
  const before = delimiterIndex > 0 ? out[delimiterIndex - 1] : '';
  if (isPunctuation(following) && isWord(lastCodePoint([before]))) {
    out[delimiterIndex - 1] = encodeLast(before, isWord);
  }
}

/** How many open marks, from the bottom of the stack, the piece keeps. */
function marksKept(open: OpenMark[], piece: Piece | undefined): number {
  let keep = 0;
  while (keep < open.length && piece?.marks.some((mark) => sameMark(mark, open[keep].mark))) keep++;
  return keep;
}

/** Whether the innermost mark closed before `next` is an emphasis. */
function closesEmphasisAfter(open: OpenMark[], next: Piece | undefined): boolean {
  return marksKept(open, next) < open.length && isEmphasis(open[open.length - 1].mark);
}

function isEmphasis(mark: PMMark): boolean {
  return EMPHASIS.has(mark.type);
}

const isSpace = (char: string) => /^\s$/u.test(char);
const isPunctuation = (char: string) => /^[\p{P}\p{S}]$/u.test(char);
const isWord = (char: string) => char !== '' && !isSpace(char) && !isPunctuation(char);

function lastCodePoint(out: readonly string[]): string {
  const last = out.length > 0 ? out[out.length - 1] : '';
  return /[\s\S]$/u.exec(last)?.[0] ?? '';
}

const characterReference = (char: string) => `&#${char.codePointAt(0)};`;

/** Writes the first character as a reference if it matches `test`. */
function encodeFirst(text: string, test: (char: string) => boolean): string {
  return text.replace(/^[\s\S]/u, (char) => (test(char) ? characterReference(char) : char));
}

/** Writes the last character as a reference if it matches `test`. */
function encodeLast(text: string, test: (char: string) => boolean): string {
  return text.replace(/[\s\S]$/u, (char) => (test(char) ? characterReference(char) : char));
}

function firstCharOf(piece: Piece): string {
  if (piece.kind === 'break') return '\n';
  return piece.kind === 'code' ? '`' : piece.text.charAt(0);
}

function lastCharOf(piece: Piece): string {
  if (piece.kind === 'break') return '\n';
  return piece.kind === 'code' ? '`' : piece.text.slice(-1);
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

/**
 * Characters around a mark's run, ignoring other delimiters: `before` and
 * `after` lie outside the run, `first` and `last` inside it.
 */
type RunContext = { before: string; first: string; last: string; after: string };

function delimiters(mark: PMMark, run: RunContext): [string, string] {
  switch (mark.type) {
    case 'bold':
      return ['**', '**'];
    case 'strike':
      return ['~~', '~~'];
    case 'italic': {
      // `_` cannot open or close emphasis inside a word; `*` can.
      const isWord = (char: string) => WORD_CHAR.test(char);
      const inWord = (isWord(run.before) && isWord(run.first)) || (isWord(run.last) && isWord(run.after));
      const delimiter = inWord ? '*' : '_';
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
function codeSpan(text: string): string {
  const fence = '`'.repeat(longestRun(text, /`+/g) + 1);
  // markdown-it strips one space from each side of `` ` a ` `` (content of
  // three or more characters), and a backtick next to the fence would
  // lengthen it; pad with a space in those cases.
  const needsPad = text.startsWith('`') || text.endsWith('`') || /^ [\s\S]+ $/.test(text);
  const pad = needsPad ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** Length of the longest match of `pattern` (which must be global) in `text`. */
export function longestRun(text: string, pattern: RegExp): number {
  let longest = 0;
  for (const [run] of text.matchAll(pattern)) longest = Math.max(longest, run.length);
  return longest;
}

/**
 * Escapes characters that Markdown would read as syntax. `_` between two
 * letters or digits cannot delimit emphasis and stays readable as is.
 */
function escapeText(text: string, atLineStart: boolean): string {
  const escaped = text.replace(/[\\`*~[\]<_]|&(?=#?[a-z0-9]+;)/gi, (char, offset: number) => {
    if (char === '_' && WORD_CHAR.test(text.charAt(offset - 1)) && WORD_CHAR.test(text.charAt(offset + 1))) {
      return char;
    }
    return `\\${char}`;
  });
  return atLineStart ? escapeLineStart(escaped) : escaped;
}

/**
 * Escapes what would start a heading, quote, list item, thematic break or
 * setext underline, leaving e.g. `#hashtag` and `+31` alone.
 */
function escapeLineStart(text: string): string {
  return text.replace(/^(?:[>=]|[#+-](?=\s|$)|#(?=#)|-(?=-))/, '\\$&').replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2');
}

/**
 * Markdown trims whitespace at the start and end of a line (and before a
 * hard break's backslash); a character reference keeps it.
 */
function encodeEdgeWhitespace(line: string): string {
  return line
    .replace(/^\s/, characterReference)
    .replace(/\s(\\?)$/, (match, backslash: string) => characterReference(match.charAt(0)) + backslash);
}
