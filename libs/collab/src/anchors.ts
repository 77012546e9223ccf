/**
 * Anchors of klankbord comments in an item's body (docs/decisions/comment-anchors.md).
 *
 * A comment names the text it is about with a W3C Web Annotation text quote
 * selector (`exact`, with optional `prefix` and `suffix`). It is resolved once,
 * against the current body, into two Yjs relative positions: the start sticks
 * to the quote's first character, the end to its last, so text typed before,
 * inside or after the quote moves with it. Reading the anchor back turns the
 * positions into offsets in the body's text again; when every quoted
 * character is gone the anchor is orphaned.
 *
 * The body's text, as anchors see it: the characters of every text block in
 * reading order, blocks separated by one "\n", an inline node that is not
 * text (hard break, mention, image) one "\uFFFC". Only yjs is imported, so the
 * web app uses this file as it is.
 */
import * as Y from 'yjs';

export const BODY_FIELD = 'default';
/** Longest quote a comment may anchor to (characters). */
export const MAX_QUOTE_LENGTH = 1000;
/** Context kept beside a quote (characters each side). */
export const QUOTE_CONTEXT_LENGTH = 32;
export const BLOCK_SEPARATOR = '\n';
export const INLINE_OBJECT = '\uFFFC';

/** W3C Web Annotation TextQuoteSelector. */
export interface TextQuote {
  exact: string;
  prefix?: string | null;
  suffix?: string | null;
}

/** A piece of the body's text that has a place in the Y.Doc. */
interface Segment {
  /** Offset of its first character in the body's text. */
  from: number;
  length: number;
  /** A Y.XmlText (each character one index), or the element holding an inline node at `index`. */
  type: Y.XmlText | Y.XmlElement;
  index: number;
}

export interface BodyText {
  text: string;
  segments: Segment[];
}

const INLINE_NODES = new Set(['hardBreak', 'mention', 'image']);

function textOf(node: Y.XmlText): string {
  return (node.toDelta() as { insert?: unknown }[])
    .map((op) => (typeof op.insert === 'string' ? op.insert : INLINE_OBJECT))
    .join('');
}

/** The body's text and where each character lives. */
export function bodyText(fragment: Y.XmlFragment): BodyText {
  let text = '';
  const segments: Segment[] = [];
  let blocks = 0;
  const walk = (parent: Y.XmlFragment | Y.XmlElement): void => {
    const children = parent.toArray();
    const isTextBlock = children.some(
      (c) => c instanceof Y.XmlText || (c instanceof Y.XmlElement && INLINE_NODES.has(c.nodeName)),
    );
    if (
      isTextBlock ||
      (parent instanceof Y.XmlElement && children.length === 0 && !INLINE_NODES.has(parent.nodeName))
    ) {
      if (blocks++ > 0) text += BLOCK_SEPARATOR;
      children.forEach((child, index) => {
        if (child instanceof Y.XmlText) {
          const value = textOf(child);
          if (value) segments.push({ from: text.length, length: value.length, type: child, index: 0 });
          text += value;
        } else if (child instanceof Y.XmlElement && parent instanceof Y.XmlElement) {
          segments.push({ from: text.length, length: 1, type: parent, index });
          text += INLINE_OBJECT;
        }
      });
      return;
    }
    for (const child of children) if (child instanceof Y.XmlElement) walk(child);
  };
  walk(fragment);
  return { text, segments };
}

export type QuoteMatch =
  { ok: true; start: number; end: number } | { ok: false; reason: 'EMPTY' | 'TOO_LONG' | 'NOT_FOUND' | 'AMBIGUOUS' };

/**
 * Where the quote is in the text. One occurrence of `exact` is it, whatever
 * the context says (context goes stale while others type around it). Of
 * several, the one whose surroundings agree most with `prefix` and `suffix`
 * (characters in common next to it) is it, when that one is ahead of all
 * others; otherwise, or when none occurs, the caller reports why.
 */
export function findQuote(text: string, quote: TextQuote): QuoteMatch {
  const { exact } = quote;
  if (!exact.trim()) return { ok: false, reason: 'EMPTY' };
  if (exact.length > MAX_QUOTE_LENGTH) return { ok: false, reason: 'TOO_LONG' };
  const found: number[] = [];
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) found.push(at);
  if (!found.length) return { ok: false, reason: 'NOT_FOUND' };
  if (found.length === 1) return { ok: true, start: found[0], end: found[0] + exact.length };
  const prefix = quote.prefix ?? '';
  const suffix = quote.suffix ?? '';
  const scored = found
    .map((at) => ({
      at,
      score:
        commonEnd(text.slice(Math.max(0, at - prefix.length), at), prefix) +
        commonStart(text.slice(at + exact.length, at + exact.length + suffix.length), suffix),
    }))
    .sort((a, b) => b.score - a.score);
  if (scored[0].score === 0 || scored[0].score === scored[1].score) return { ok: false, reason: 'AMBIGUOUS' };
  return { ok: true, start: scored[0].at, end: scored[0].at + exact.length };
}

/** How many characters two strings have in common at their ends. */
function commonEnd(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonStart(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function segmentAt(body: BodyText, offset: number): Segment | undefined {
  return body.segments.find((s) => offset >= s.from && offset < s.from + s.length);
}

/** Positions of the characters [start, end) of the body's text, or null when either edge has no place (a separator). */
export function anchorRange(
  body: BodyText,
  start: number,
  end: number,
): { start: Y.RelativePosition; end: Y.RelativePosition } | null {
  // Edges on block separators move inwards to the nearest character.
  while (start < end && !segmentAt(body, start)) start++;
  while (end > start && !segmentAt(body, end - 1)) end--;
  if (start >= end) return null;
  const first = segmentAt(body, start)!;
  const last = segmentAt(body, end - 1)!;
  const indexIn = (s: Segment, offset: number) => (s.type instanceof Y.XmlText ? offset - s.from : s.index);
  return {
    // Sticks to the first character: text typed before it stays outside.
    start: Y.createRelativePositionFromTypeIndex(first.type, indexIn(first, start), 0),
    // Sticks to the last character (assoc -1): text typed after it stays outside.
    end: Y.createRelativePositionFromTypeIndex(last.type, indexIn(last, end - 1) + 1, -1),
  };
}

export interface ResolvedAnchor {
  /** Offsets in the body's text. */
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
}

export interface StoredAnchor {
  start: Y.RelativePosition;
  end: Y.RelativePosition;
}

/** The quote in the document, or why not: refused quotes carry the reason. */
export function anchorQuote(
  doc: Y.Doc,
  quote: TextQuote,
): { ok: true; anchor: StoredAnchor; quote: ResolvedAnchor } | Extract<QuoteMatch, { ok: false }> {
  const body = bodyText(doc.getXmlFragment(BODY_FIELD));
  const match = findQuote(body.text, quote);
  if (!match.ok) return match;
  const range = anchorRange(body, match.start, match.end);
  if (!range) return { ok: false, reason: 'EMPTY' };
  return { ok: true, anchor: range, quote: quoteAt(body.text, match.start, match.end) };
}

/** The quote with its context at offsets of the text. */
export function quoteAt(text: string, start: number, end: number): ResolvedAnchor {
  return {
    start,
    end,
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - QUOTE_CONTEXT_LENGTH), start),
    suffix: text.slice(end, end + QUOTE_CONTEXT_LENGTH),
  };
}

/** Offset in the body's text of an absolute Yjs position, or null when its type is not (or no longer) in the body. */
function offsetOf(body: BodyText, position: Y.AbsolutePosition): number | null {
  for (const s of body.segments) {
    if (s.type !== position.type) continue;
    if (s.type instanceof Y.XmlText) {
      if (position.index <= s.length) return s.from + position.index;
    } else if (s.index >= position.index) {
      return s.from;
    }
  }
  if (position.type instanceof Y.XmlElement) {
    // Past the last inline node of the element: just after it.
    const inElement = body.segments.filter((s) => s.type === position.type);
    if (inElement.length) {
      const last = inElement[inElement.length - 1];
      return last.from + last.length;
    }
  }
  return null;
}

/** Reads a stored anchor back: where its text is now, or null when that text is gone (orphaned). */
export function resolveAnchor(doc: Y.Doc, anchor: StoredAnchor, body?: BodyText): ResolvedAnchor | null {
  const current = body ?? bodyText(doc.getXmlFragment(BODY_FIELD));
  const start = Y.createAbsolutePositionFromRelativePosition(anchor.start, doc);
  const end = Y.createAbsolutePositionFromRelativePosition(anchor.end, doc);
  if (!start || !end) return null;
  const from = offsetOf(current, start);
  const to = offsetOf(current, end);
  if (from === null || to === null || to <= from) return null;
  const quote = quoteAt(current.text, from, to);
  // Only separators left (the quote's characters were all deleted across blocks).
  return quote.exact.split(BLOCK_SEPARATOR).join('') ? quote : null;
}

export function encodeAnchorPosition(position: Y.RelativePosition): string {
  let binary = '';
  for (const byte of Y.encodeRelativePosition(position)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The stored form back; throws on anything that is not an encoded relative position. */
export function decodeAnchorPosition(encoded: string): Y.RelativePosition {
  const binary = atob(encoded);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return Y.decodeRelativePosition(bytes);
}
