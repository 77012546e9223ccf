import * as Y from 'yjs';
import { BODY_FRAGMENT, type PMNode } from './prosemirror';

/** The node type of a mention in the editor document (TipTap's Mention extension), with attrs `id` and `label`. */
export const MENTION_NODE = 'mention';

/** How a mention reads as text and Markdown: `@Name` (the id when there is no label). */
export function mentionText(node: PMNode): string {
  const label =
    typeof node.attrs?.label === 'string' && node.attrs.label
      ? node.attrs.label
      : typeof node.attrs?.id === 'string'
        ? node.attrs.id
        : '';
  return `@${label}`;
}

/** The user ids of the mention nodes in an item's document, each once, in order of appearance. */
export function mentionedUserIds(doc: Y.Doc): string[] {
  const ids = new Set<string>();
  const visit = (children: readonly unknown[]) => {
    for (const child of children) {
      if (!(child instanceof Y.XmlElement)) continue;
      if (child.nodeName === MENTION_NODE) {
        const id = child.getAttribute('id');
        if (typeof id === 'string' && id) ids.add(id);
      } else {
        visit(child.toArray());
      }
    }
  };
  visit(doc.getXmlFragment(BODY_FRAGMENT).toArray());
  return [...ids];
}
