/**
 * The ProseMirror JSON shape used by TipTap 3 (StarterKit + Link), and the
 * few schema facts the converters in this library rely on.
 */

export type PMMark = { type: string; attrs?: Record<string, unknown> };

export type PMNode = {
  type: string;
  attrs?: Record<string, unknown>;
  content?: PMNode[];
  text?: string;
  marks?: PMMark[];
};

/** Name of the Y.XmlFragment that TipTap's Collaboration extension binds to. */
export const BODY_FRAGMENT = 'default';

/**
 * Mark order of the TipTap schema (Link has a higher priority than the
 * StarterKit marks, so it ranks first). ProseMirror keeps a node's marks
 * sorted by this rank; sorting ours the same way keeps trees comparable.
 */
const MARK_RANK: readonly string[] = ['link', 'bold', 'code', 'italic', 'strike', 'underline'];

function markRank(type: string): number {
  const rank = MARK_RANK.indexOf(type);
  return rank === -1 ? MARK_RANK.length : rank;
}

/** Returns the marks sorted by schema rank (stable for unknown marks). */
export function sortMarks(marks: readonly PMMark[]): PMMark[] {
  return [...marks].sort((a, b) => markRank(a.type) - markRank(b.type));
}

export function sameMarks(a: readonly PMMark[] = [], b: readonly PMMark[] = []): boolean {
  return a.length === b.length && a.every((mark, i) => sameMark(mark, b[i]));
}

export function sameMark(a: PMMark, b: PMMark): boolean {
  return a.type === b.type && sameAttrs(a.attrs ?? {}, b.attrs ?? {});
}

function sameAttrs(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.is(a[key], b[key]));
}

/** Builds a text node, leaving out `marks` when there are none. */
export function textNode(text: string, marks: readonly PMMark[] = []): PMNode {
  return marks.length > 0 ? { type: 'text', text, marks: [...marks] } : { type: 'text', text };
}

/**
 * Appends inline nodes, merging a text node into the previous one when both
 * carry the same marks (ProseMirror never keeps two such nodes side by side)
 * and dropping empty text.
 */
export function appendInline(target: PMNode[], node: PMNode): void {
  if (node.type === 'text') {
    if (!node.text) return;
    const last = target[target.length - 1];
    if (last?.type === 'text' && sameMarks(last.marks, node.marks)) {
      target[target.length - 1] = textNode((last.text ?? '') + node.text, last.marks);
      return;
    }
  }
  target.push(node);
}

/** An empty document as TipTap creates it: one empty paragraph. */
export function emptyDoc(): PMNode {
  return { type: 'doc', content: [{ type: 'paragraph' }] };
}
