/**
 * ProseMirror JSON -> Markdown (CommonMark + ~~strikethrough~~), written so
 * that parsing the output with markdownToProseMirror gives the same tree.
 * Tables become GFM pipe tables (markdown-table.ts).
 */
import { inlineToMarkdownLines, longestRun } from './markdown-inline';
import { tableLines } from './markdown-table';
import type { PMNode } from './prosemirror';

export function proseMirrorToMarkdown(doc: PMNode): string {
  const lines = blocksToLines(doc.content ?? []);
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/** Adjacent lists of the same kind need another marker, or they would merge. */
type ListStyle = { alternate: boolean };

function blocksToLines(nodes: readonly PMNode[]): string[] {
  const out: string[] = [];
  const styles = listStyles(nodes);
  nodes.forEach((node, i) => {
    const lines = blockToLines(node, styles[i]);
    if (lines.length === 0) return;
    if (out.length > 0) out.push('');
    appendAll(out, lines);
  });
  return out;
}

/** Alternates the marker of each list that directly follows one of its kind. */
function listStyles(nodes: readonly PMNode[]): ListStyle[] {
  let previous: PMNode | undefined;
  let alternate = false;
  return nodes.map((node) => {
    // Empty paragraphs write nothing, so they do not separate lists.
    if (isEmptyParagraph(node)) return { alternate: false };
    alternate = isList(node) && previous?.type === node.type ? !alternate : false;
    previous = node;
    return { alternate };
  });
}

function isEmptyParagraph(node: PMNode): boolean {
  return node.type === 'paragraph' && paragraphLines(node).length === 0;
}

function blockToLines(node: PMNode, style: ListStyle): string[] {
  switch (node.type) {
    case 'paragraph':
      return paragraphLines(node);
    case 'heading':
      return headingLines(node);
    case 'blockquote':
      return blockquoteLines(node);
    case 'bulletList':
    case 'orderedList':
      return listLines(node, style);
    case 'codeBlock':
      return codeBlockLines(node);
    case 'horizontalRule':
      return ['---'];
    case 'table':
      return tableLines(node);
    case 'image':
      return [`![${escapeAlt(String(node.attrs?.alt ?? ''))}](${String(node.attrs?.src ?? '')})`];
    case 'fileAttachment':
      return [`[${escapeAlt(String(node.attrs?.name ?? 'bestand'))}](${String(node.attrs?.href ?? '')})`];
    case 'text':
    case 'hardBreak':
      // Inline content where a block belongs: keep the text as a paragraph.
      return inlineToMarkdownLines([node]).filter((line) => line !== '');
    default:
      // Unknown block (e.g. from another editor extension): keep its content.
      return blocksToLines(node.content ?? []);
  }
}

function isList(node: PMNode): boolean {
  return node.type === 'bulletList' || node.type === 'orderedList';
}

function paragraphLines(node: PMNode): string[] {
  const lines = inlineToMarkdownLines(node.content ?? []).map(escapeDelimiterRow);
  return lines.length === 1 && lines[0] === '' ? [] : lines;
}

/** A line of only pipes, dashes and colons ("-|-") after a hard break would turn the paragraph into a GFM table. */
const DELIMITER_ROW = /^[ \t|:-]*-[ \t|:-]*$/;

function escapeDelimiterRow(line: string, index: number): string {
  return index > 0 && DELIMITER_ROW.test(line) && /[|:]/.test(line) ? `\\${line}` : line;
}

function headingLines(node: PMNode): string[] {
  const level = clampInt(node.attrs?.level, 1, 6, 1);
  const content = node.content ?? [];
  if (level <= 2 && hasLineBreak(content)) {
    // Only setext headings (text underlined by === or ---) can span lines.
    const lines = inlineToMarkdownLines(content);
    if (lines.some((line) => line !== '')) return [...lines, level === 1 ? '===' : '---'];
  }
  const text = escapeClosingHashes(inlineToMarkdownLines(content, true)[0]);
  return [text ? `${'#'.repeat(level)} ${text}` : '#'.repeat(level)];
}

function hasLineBreak(content: readonly PMNode[]): boolean {
  return content.some((node) => node.type === 'hardBreak' || node.text?.includes('\n'));
}

/** `# Title #` drops the trailing `#` as a closing sequence; escape it. */
function escapeClosingHashes(text: string): string {
  return /(^|\s)#+$/.test(text) ? `${text.slice(0, -1)}\\#` : text;
}

function blockquoteLines(node: PMNode): string[] {
  const inner = blocksToLines(node.content ?? []);
  if (inner.length === 0) return ['>'];
  return inner.map((line) => (line === '' ? '>' : `> ${line}`));
}

function listLines(node: PMNode, style: ListStyle): string[] {
  const out: string[] = [];
  const start = clampInt(node.attrs?.start, 0, 999_999_999, 1);
  (node.content ?? []).forEach((item, i) => {
    const marker =
      node.type === 'orderedList' ? `${start + i}${style.alternate ? ')' : '.'}` : style.alternate ? '*' : '-';
    appendAll(out, prefixItem(marker, listItemLines(item)));
  });
  return out;
}

/** Puts the marker before the first line and indents the rest to match. */
function prefixItem(marker: string, lines: string[]): string[] {
  if (lines.length === 0) return [marker];
  const indent = ' '.repeat(marker.length + 1);
  return lines.map((line, i) => {
    if (i === 0) return line === '' ? marker : `${marker} ${line}`;
    return line === '' ? '' : indent + line;
  });
}

/**
 * A list item's blocks are separated by blank lines, except that a nested
 * list follows its paragraph directly (keeping simple lists tight), and
 * blocks after an empty first paragraph start on the marker's next line.
 */
function listItemLines(item: PMNode): string[] {
  const children = item.type === 'listItem' ? (item.content ?? []) : [item];
  const styles = listStyles(children);
  const out: string[] = [];
  let previous: PMNode | undefined;
  children.forEach((child, i) => {
    const lines = blockToLines(child, styles[i]);
    if (i === 0 && child.type === 'paragraph') {
      appendAll(out, lines.length > 0 ? lines : ['']);
      previous = child;
      return;
    }
    if (lines.length === 0) return;
    const afterEmptyStart = out.length === 1 && out[0] === '';
    const tight = previous?.type === 'paragraph' && canInterruptParagraph(child);
    if (out.length > 0 && !afterEmptyStart && !tight) out.push('');
    appendAll(out, lines);
    previous = child;
  });
  return out;
}

/**
 * Only a list whose first item has text, and for ordered lists starts at 1,
 * may start directly below a paragraph line; otherwise it would be read as
 * part of the paragraph (or, for a bare `-`, as a setext underline).
 */
function canInterruptParagraph(node: PMNode): boolean {
  if (!isList(node)) return false;
  if (node.type === 'orderedList' && clampInt(node.attrs?.start, 0, 999_999_999, 1) !== 1) return false;
  const first = node.content?.[0]?.content?.[0];
  return first?.type === 'paragraph' && paragraphLines(first).length > 0;
}

function codeBlockLines(node: PMNode): string[] {
  const text = (node.content ?? []).map((child) => child.text ?? '').join('');
  const language = typeof node.attrs?.language === 'string' ? node.attrs.language.trim().split(/\s+/)[0] : '';
  const fence = codeFence(text, language);
  // `~~~ ~x` needs the space, or the fence would swallow the tilde.
  const info = language.startsWith(fence[0]) ? ` ${language}` : language;
  return [fence + info, ...(text === '' ? [] : text.split('\n')), fence];
}

/** A fence longer than any fence-like run in the code; tildes if the info has a backtick. */
function codeFence(text: string, language: string): string {
  const char = language.includes('`') ? '~' : '`';
  return char.repeat(Math.max(3, longestRun(text, char === '`' ? /`+/g : /~+/g) + 1));
}

function clampInt(value: unknown, min: number, max: number, fallback: number): number {
  const number = typeof value === 'string' ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) && number >= min && number <= max ? number : fallback;
}

/** push(...lines) overflows the call stack for very large arrays. */
function appendAll(target: string[], lines: readonly string[]): void {
  for (const line of lines) target.push(line);
}

/** Text inside `[...]` of an image or link: brackets and backslashes escaped, on one line. */
function escapeAlt(text: string): string {
  return text.replace(/[\\[\]]/g, (c) => `\\${c}`).replace(/\s+/g, ' ');
}
