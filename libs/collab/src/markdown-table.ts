/**
 * A TipTap table as a GFM pipe table. Markdown tables are simpler than the
 * editor's, so some things do not survive an export (docs/editor-kit.md):
 * - the first row is always the header row (GFM requires one);
 * - a cell is one line: its blocks (paragraphs, lists, ...) are joined by
 *   spaces, and hard breaks become spaces;
 * - a merged cell (colspan) is written as that cell plus empty cells.
 */
import { inlineToMarkdownLines } from './markdown-inline';
import type { PMNode } from './prosemirror';

export function tableLines(table: PMNode): string[] {
  const rows = (table.content ?? []).map(rowCells);
  if (rows.length === 0) return [];
  const width = Math.max(1, ...rows.map((cells) => cells.length));
  const line = (cells: string[]) =>
    `| ${Array.from({ length: width }, (_, i) => cells[i] ?? '').join(' | ')} |`.replace(/ {2}\|/g, ' |');
  const [header, ...body] = rows;
  return [line(header), `| ${Array.from({ length: width }, () => '---').join(' | ')} |`, ...body.map(line)];
}

function rowCells(row: PMNode): string[] {
  const cells: string[] = [];
  for (const cell of row.content ?? []) {
    cells.push(cellMarkdown(cell));
    const span = Number(cell.attrs?.colspan ?? 1);
    for (let i = 1; Number.isInteger(span) && i < Math.min(span, 100); i++) cells.push('');
  }
  return cells;
}

/** The cell's text blocks on one line, with every pipe escaped (markdown-it unescapes them, in code spans too). */
function cellMarkdown(cell: PMNode): string {
  const parts: string[] = [];
  collectInline(cell, parts);
  return parts
    .filter((part) => part !== '')
    .join(' ')
    .replace(/\|/g, '\\|');
}

const TEXTBLOCKS = new Set(['paragraph', 'heading', 'codeBlock']);

function collectInline(node: PMNode, parts: string[]): void {
  const children = node.content ?? [];
  if (TEXTBLOCKS.has(node.type)) {
    parts.push(inlineToMarkdownLines(children, true)[0] ?? '');
    return;
  }
  for (const child of children) collectInline(child, parts);
}
