/**
 * Replaces pieces of text inside an item's live body without rewriting it:
 * each piece is found as the n-th occurrence of its text among the body's
 * Y.XmlText nodes (in document order) and replaced in place, keeping its
 * formatting, so edits others make at the same time elsewhere survive.
 */
import * as Y from 'yjs';
import { BODY_FRAGMENT } from './prosemirror';

export interface TextReplacement {
  /** The exact text to replace (never spanning two blocks). */
  text: string;
  /** Which occurrence of `text` in the body, counting from 0 (non-overlapping, in reading order). */
  occurrence: number;
  replacement: string;
}

function textNodes(parent: Y.XmlFragment | Y.XmlElement, out: Y.XmlText[] = []): Y.XmlText[] {
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlText) out.push(child);
    else if (child instanceof Y.XmlElement) textNodes(child, out);
  }
  return out;
}

function plain(node: Y.XmlText): string {
  return (node.toDelta() as { insert?: unknown }[])
    .map((op) => (typeof op.insert === 'string' ? op.insert : ''))
    .join('');
}

function formatAt(node: Y.XmlText, index: number): Record<string, unknown> | undefined {
  let at = 0;
  for (const op of node.toDelta() as { insert?: unknown; attributes?: Record<string, unknown> }[]) {
    const length = typeof op.insert === 'string' ? op.insert.length : 1;
    if (index < at + length) return op.attributes;
    at += length;
  }
  return undefined;
}

/**
 * Makes the replacements in one transaction (with `origin`). Returns how many
 * were made; a piece not found (the text changed meanwhile) is left out.
 */
export function replaceInBody(doc: Y.Doc, replacements: readonly TextReplacement[], origin: unknown): number {
  const nodes = textNodes(doc.getXmlFragment(BODY_FRAGMENT));
  const strings = nodes.map(plain);
  // Locate every piece first, then edit from the end of each node so earlier offsets stay right.
  const located: { node: number; index: number; r: TextReplacement }[] = [];
  for (const r of replacements) {
    if (!r.text) continue;
    let seen = 0;
    search: for (let n = 0; n < strings.length; n++) {
      for (let i = strings[n].indexOf(r.text); i >= 0; i = strings[n].indexOf(r.text, i + r.text.length)) {
        if (seen++ === r.occurrence) {
          located.push({ node: n, index: i, r });
          break search;
        }
      }
    }
  }
  located.sort((a, b) => a.node - b.node || b.index - a.index);
  doc.transact(() => {
    for (const { node, index, r } of located) {
      const format = formatAt(nodes[node], index);
      nodes[node].delete(index, r.text.length);
      nodes[node].insert(index, r.replacement, format ?? {});
    }
  }, origin);
  return located.length;
}
