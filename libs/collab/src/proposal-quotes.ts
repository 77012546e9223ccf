/**
 * Open proposals as the community archive keeps them (docs/decisions/proposals.md):
 * the archive's item files hold the text without open proposals, so each
 * proposed run is kept beside it as where it sits in that text — the n-th
 * text block, an offset in it — with its text, and laid back onto the body
 * on restore. A run whose place no longer fits the text is left out.
 */
import * as Y from 'yjs';
import { BODY_FRAGMENT, type PMNode } from './prosemirror';
import { isProposalMark, PROPOSAL_INSERT, proposalAttrs } from './proposal-marks';

export interface ProposalQuote {
  id: string;
  kind: 'insert' | 'delete';
  authorName: string;
  createdAt: string;
  /** Which text block (paragraph, heading, …) in reading order, counting from 0. */
  block: number;
  /** Where in that block's text without open proposals (an insert goes there, a deletion starts there). */
  offset: number;
  text: string;
}

/** Every proposed run of the body, by its place in the text without open proposals. */
export function proposalQuotes(doc: PMNode): ProposalQuote[] {
  const quotes: ProposalQuote[] = [];
  let block = 0;
  const visit = (node: PMNode) => {
    const children = node.content ?? [];
    if (children.length && children.every(isInline)) {
      quoteBlock(children, block, quotes);
      block++;
      return;
    }
    if (!children.length && node.type !== 'doc' && isTextBlockType(node.type)) {
      block++;
      return;
    }
    children.forEach(visit);
  };
  visit(doc);
  return quotes;
}

function quoteBlock(children: PMNode[], block: number, quotes: ProposalQuote[]): void {
  let offset = 0;
  for (const child of children) {
    const text = child.type === 'text' ? (child.text ?? '') : '\ufffc';
    const marks = (child.marks ?? []).filter((mark) => isProposalMark(mark.type));
    for (const mark of marks) {
      const attrs = proposalAttrs(mark);
      if (!attrs) continue;
      const kind = mark.type === PROPOSAL_INSERT ? 'insert' : 'delete';
      // A deletion of proposed text goes with that insert; it is not in the text without proposals.
      if (kind === 'delete' && marks.some((m) => m.type === PROPOSAL_INSERT)) continue;
      const last = quotes[quotes.length - 1];
      if (last && last.id === attrs.id && last.kind === kind && last.block === block && continues(last, offset))
        last.text += text;
      else
        quotes.push({
          id: attrs.id,
          kind,
          authorName: attrs.authorName,
          createdAt: attrs.createdAt,
          block,
          offset,
          text,
        });
    }
    if (!marks.some((mark) => mark.type === PROPOSAL_INSERT)) offset += text.length;
  }
}

function continues(last: ProposalQuote, at: number): boolean {
  return last.kind === 'insert' ? last.offset === at : last.offset + last.text.length === at;
}

function isInline(node: PMNode): boolean {
  return node.type === 'text' || node.type === 'hardBreak' || node.type === 'mention';
}

function isTextBlockType(type: string): boolean {
  return type === 'paragraph' || type === 'heading' || type === 'codeBlock';
}

/**
 * Lays archived proposals onto a body made from the archive's Markdown, in
 * one transaction. Each run is checked against the text there (a deletion
 * must find its text at its place); what does not fit is skipped. Returns
 * how many runs were laid.
 */
export function applyProposalQuotes(doc: Y.Doc, quotes: readonly ProposalQuote[], authorId: string): number {
  const blocks = textBlocks(doc.getXmlFragment(BODY_FRAGMENT));
  let laid = 0;
  doc.transact(() => {
    // Deletions first (marks only), then inserts from the end, so offsets stay those of the plain text.
    const ordered = [
      ...quotes.filter((q) => q.kind === 'delete'),
      ...quotes.filter((q) => q.kind === 'insert').sort((a, b) => b.block - a.block || b.offset - a.offset),
    ];
    for (const quote of ordered) {
      const block = blocks[quote.block];
      if (!block || !quote.text) continue;
      const attrs = { id: quote.id, authorId, authorName: quote.authorName, createdAt: quote.createdAt };
      if (quote.kind === 'delete') {
        if (!formatRange(block, quote.offset, quote.text, { proposalDelete: attrs })) continue;
      } else if (!insertAt(block, quote.offset, quote.text, { proposalInsert: attrs, proposalDelete: null })) continue;
      laid++;
    }
  });
  return laid;
}

/** The elements whose children are inline (Y.XmlText and inline elements), in reading order. */
function textBlocks(parent: Y.XmlFragment | Y.XmlElement, out: Y.XmlElement[] = []): Y.XmlElement[] {
  for (const child of parent.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue;
    const children = child.toArray();
    const inline = children.every((c) => c instanceof Y.XmlText || INLINE_ELEMENTS.has((c as Y.XmlElement).nodeName));
    if (inline && (children.length > 0 || TEXT_BLOCKS.has(child.nodeName))) out.push(child);
    else textBlocks(child, out);
  }
  return out;
}

const INLINE_ELEMENTS = new Set(['hardBreak', 'mention']);
const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'codeBlock']);

/** The Y.XmlText and local index at a block offset (inline elements count one). */
function locate(block: Y.XmlElement, offset: number): { text: Y.XmlText; index: number } | null {
  let at = 0;
  let last: { text: Y.XmlText; end: number } | null = null;
  for (const child of block.toArray()) {
    const length = child instanceof Y.XmlText ? child.length : 1;
    if (child instanceof Y.XmlText) {
      if (offset >= at && offset <= at + length) return { text: child, index: offset - at };
      last = { text: child, end: at + length };
    }
    at += length;
  }
  return last && offset === last.end ? { text: last.text, index: last.text.length } : null;
}

function insertAt(block: Y.XmlElement, offset: number, text: string, attributes: Record<string, unknown>): boolean {
  const place = locate(block, offset);
  if (!place) return false;
  place.text.insert(place.index, text, attributes);
  return true;
}

function formatRange(block: Y.XmlElement, offset: number, text: string, attributes: Record<string, unknown>): boolean {
  const place = locate(block, offset);
  if (!place || place.text.length < place.index + text.length) return false;
  const plain = (place.text.toDelta() as { insert?: unknown }[])
    .map((op) => (typeof op.insert === 'string' ? op.insert : '\ufffc'))
    .join('');
  if (plain.slice(place.index, place.index + text.length) !== text) return false;
  place.text.format(place.index, text.length, attributes);
  return true;
}
