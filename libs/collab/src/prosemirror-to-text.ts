/**
 * Plain text of a ProseMirror document, for search indexing and previews.
 */
import type { PMNode } from './prosemirror';

/** Text blocks joined by single newlines; hard breaks become newlines. */
export function proseMirrorToText(doc: PMNode): string {
  const blocks: string[] = [];
  collectBlocks(doc, blocks);
  return blocks.join('\n').trim();
}

function collectBlocks(node: PMNode, blocks: string[]): void {
  const content = node.content ?? [];
  if (content.some(isInline)) {
    const text = content.map(inlineText).join('');
    if (text.trim() !== '') blocks.push(text);
    return;
  }
  for (const child of content) collectBlocks(child, blocks);
}

function isInline(node: PMNode): boolean {
  return node.type === 'text' || node.type === 'hardBreak';
}

function inlineText(node: PMNode): string {
  if (node.type === 'hardBreak') return '\n';
  return node.text ?? '';
}
