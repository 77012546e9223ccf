/**
 * Splits a long document into one part per top-level heading (the highest
 * heading level that occurs directly in the document), and finds titles.
 */
import type { PMNode } from '@spiraal/collab';

export interface DocumentPart {
  title: string;
  doc: PMNode;
}

/** The plain text of a node's inline content, whitespace collapsed. */
export function inlineText(node: PMNode): string {
  const collect = (n: PMNode): string =>
    n.type === 'text' ? (n.text ?? '') : n.type === 'hardBreak' ? ' ' : (n.content ?? []).map(collect).join('');
  return collect(node).replace(/\s+/g, ' ').trim();
}

/** The text of the first heading, or of the first heading in the first few blocks. */
export function firstHeadingText(doc: PMNode): string | null {
  const heading = (doc.content ?? []).find((block) => block.type === 'heading' && inlineText(block) !== '');
  return heading ? inlineText(heading) : null;
}

/** A file name without folders and extension, separators as spaces: "2019-03_verslag_intervisie". */
export function titleFromFilename(filename: string): string {
  const base = filename.split(/[\\/]/).pop() ?? filename;
  const stem = base.replace(/\.[^.]+$/, '') || base;
  return stem.replace(/[_]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * One part per top-level heading, the heading staying at the top of its
 * part's body. Content before the first such heading is a part of its own,
 * titled `leadTitle`. A document without headings is one part.
 */
export function splitByHeadings(doc: PMNode, leadTitle: string): DocumentPart[] {
  const blocks = doc.content ?? [];
  const levels = blocks
    .filter((b) => b.type === 'heading' && inlineText(b) !== '')
    .map((b) => Number(b.attrs?.level ?? 1));
  if (levels.length === 0) return [{ title: leadTitle, doc }];
  const top = Math.min(...levels);
  const parts: DocumentPart[] = [];
  let current: { title: string; blocks: PMNode[] } = { title: leadTitle, blocks: [] };
  const finish = () => {
    if (current.blocks.some((block) => inlineText(block) !== '' || block.type === 'horizontalRule')) {
      parts.push({ title: current.title, doc: { type: 'doc', content: current.blocks } });
    }
  };
  for (const block of blocks) {
    if (block.type === 'heading' && Number(block.attrs?.level ?? 1) === top && inlineText(block) !== '') {
      finish();
      current = { title: inlineText(block), blocks: [block] };
    } else {
      current.blocks.push(block);
    }
  }
  finish();
  return parts;
}
