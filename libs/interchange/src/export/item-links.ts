import type { PMNode } from '@spiraal/collab';

/** An in-text link to an item of this Spiraal: `/items/<uuid>`, optionally with `#…` or `?…`. */
const ITEM_HREF = /^\/items\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?=$|[#?])/i;

/** The item id an href points to, or null. */
export function itemIdOfHref(href: unknown): string | null {
  if (typeof href !== 'string') return null;
  const match = ITEM_HREF.exec(href);
  return match ? match[1].toLowerCase() : null;
}

/** Ids of every item the body links to, each once, in order of appearance. */
export function linkedItemIds(doc: PMNode): string[] {
  const ids = new Set<string>();
  visitLinks(doc, (mark) => {
    const id = itemIdOfHref(mark.attrs?.href);
    if (id) ids.add(id);
  });
  return [...ids];
}

/**
 * A copy of the body whose links to `/items/<old id>` point to the new id
 * (from `ids`); links to items not in `ids` stay as they are.
 */
export function rewriteItemLinks(doc: PMNode, ids: ReadonlyMap<string, string>): PMNode {
  const copy = structuredClone(doc);
  visitLinks(copy, (mark) => {
    const href = mark.attrs?.href;
    const id = itemIdOfHref(href);
    const target = id ? ids.get(id) : undefined;
    if (target && typeof href === 'string')
      mark.attrs = { ...mark.attrs, href: `/items/${target}${href.slice('/items/'.length + 36)}` };
  });
  return copy;
}

function visitLinks(node: PMNode, visit: (mark: NonNullable<PMNode['marks']>[number]) => void): void {
  // An explicit stack: a deeply nested body must not overflow the call stack.
  const stack: PMNode[] = [node];
  while (stack.length) {
    const current = stack.pop()!;
    for (const mark of current.marks ?? []) if (mark.type === 'link') visit(mark);
    if (current.content) for (let i = current.content.length - 1; i >= 0; i--) stack.push(current.content[i]);
  }
}
