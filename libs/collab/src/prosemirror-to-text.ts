/**
 * Plain text of a ProseMirror document, for search indexing and previews.
 */
import { MENTION_NODE, mentionText } from './mentions';
import type { PMNode } from './prosemirror';

/** Text blocks joined by single newlines; hard breaks become newlines. */
export function proseMirrorToText(doc: PMNode): string {
  const blocks: string[] = [];
  collectBlocks(doc, blocks);
  return blocks.join('\n').trim();
}

/**
 * A run of inline children is one block of text; block children are searched
 * for their own. Most nodes hold one or the other, but another client may
 * leave an inline node (a hard break) among blocks, e.g. directly in the doc.
 */
function collectBlocks(node: PMNode, blocks: string[]): void {
  let run = '';
  const endRun = () => {
    if (run.trim() !== '') blocks.push(run);
    run = '';
  };
  for (const child of node.content ?? []) {
    if (isInline(child)) {
      run += inlineText(child);
    } else {
      endRun();
      collectBlocks(child, blocks);
    }
  }
  endRun();
}

function isInline(node: PMNode): boolean {
  return node.type === 'text' || node.type === 'hardBreak' || node.type === MENTION_NODE;
}

function inlineText(node: PMNode): string {
  if (node.type === 'hardBreak') return '\n';
  if (node.type === MENTION_NODE) return mentionText(node);
  return node.text ?? '';
}
