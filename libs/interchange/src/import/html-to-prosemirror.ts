/**
 * HTML -> ProseMirror JSON of the editor's schema (TipTap StarterKit + Link + Table).
 * Made for what people export from Word, LibreOffice, wikis and browsers:
 * Word's list paragraphs (`mso-list`) become real lists, its bold and italic
 * spans become marks, and its conditional comments, `<o:p>`, styles and
 * shapes disappear. htmlparser2 repairs broken HTML the forgiving way, so
 * nothing here throws on bad markup.
 */
import { safeHref } from '@spiraal/domain';
import { appendInline, sortMarks, textNode, type PMMark, type PMNode } from '@spiraal/collab';
import type { ChildNode, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';

export interface HtmlDocument {
  doc: PMNode;
  /** The page's `<title>`, when it has one. */
  title: string | null;
}

const SKIPPED = new Set([
  'head',
  'script',
  'style',
  'template',
  'noscript',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'canvas',
  'audio',
  'video',
  'select',
  'button',
  'input',
  'textarea',
  'xml',
  'form',
]);
const HEADINGS: Readonly<Record<string, number>> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };
const PARAGRAPHS = new Set(['p', 'address', 'figcaption', 'caption', 'dt', 'summary', 'legend']);
const CONTAINERS = new Set([
  'html',
  'body',
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'aside',
  'nav',
  'center',
  'figure',
  'details',
  'dl',
  'dd',
  'fieldset',
  'td',
  'th',
  'tbody',
  'thead',
  'tfoot',
]);
const INLINE_MARKS: Readonly<Record<string, string>> = {
  b: 'bold',
  strong: 'bold',
  i: 'italic',
  em: 'italic',
  cite: 'italic',
  dfn: 'italic',
  s: 'strike',
  strike: 'strike',
  del: 'strike',
  code: 'code',
  tt: 'code',
  kbd: 'code',
  samp: 'code',
};

export function htmlToProseMirror(html: string): HtmlDocument {
  const root = parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  const blocks = groupWordLists(blocksOf(root.children, []));
  return {
    doc: { type: 'doc', content: blocks.length > 0 ? blocks : [{ type: 'paragraph' }] },
    title: pageTitle(root.children),
  };
}

function isElement(node: ChildNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

function skipped(element: Element): boolean {
  const name = element.name;
  // VML shapes and Word's own XML islands; other prefixes (o:p, st1:place) hold text.
  if (name.startsWith('v:') || name.startsWith('w:') || name.startsWith('m:')) return true;
  if (SKIPPED.has(name)) return true;
  const style = element.attribs.style ?? '';
  // Word's fake list bullets and numbers, and hidden text.
  return (
    /mso-list\s*:\s*ignore/i.test(style) || /display\s*:\s*none/i.test(style) || element.attribs.hidden !== undefined
  );
}

function isBlock(element: Element): boolean {
  const name = element.name;
  return (
    name in HEADINGS ||
    PARAGRAPHS.has(name) ||
    CONTAINERS.has(name) ||
    name === 'ul' ||
    name === 'ol' ||
    name === 'li' ||
    name === 'blockquote' ||
    name === 'pre' ||
    name === 'hr' ||
    name === 'table' ||
    name === 'tr'
  );
}

/** A Word list paragraph, to be grouped into real lists afterwards. */
const WORD_LIST_ITEM = 'wordListItem';

/**
 * Blocks of a node list: block elements become blocks, runs of inline
 * content between them become paragraphs. `marks` are inherited from
 * inline ancestors (e.g. `<b><p>…</p></b>`).
 */
function blocksOf(nodes: readonly ChildNode[], marks: readonly PMMark[]): PMNode[] {
  const blocks: PMNode[] = [];
  let inline: PMNode[] = [];
  const flush = () => {
    const content = trimInline(inline);
    if (content.length > 0) blocks.push({ type: 'paragraph', content });
    inline = [];
  };
  const walk = (list: readonly ChildNode[], inherited: readonly PMMark[]) => {
    for (const node of list) {
      if (node.type === 'text') {
        appendText(inline, node.data, inherited);
      } else if (isElement(node) && !skipped(node)) {
        if (isBlock(node)) {
          flush();
          for (const block of blockOf(node, inherited)) blocks.push(block);
        } else if (node.name === 'br') {
          inline.push({ type: 'hardBreak' });
        } else {
          const own = inlineMark(node);
          if (own === 'image') appendImage(inline, node, inherited);
          else walk(node.children, own ? withMark(inherited, own) : inherited);
        }
      }
      // Comments (also Word's conditional ones), doctype and <![if …]> declarations say nothing.
    }
  };
  walk(nodes, marks);
  flush();
  return blocks;
}

function blockOf(element: Element, marks: readonly PMMark[]): PMNode[] {
  const name = element.name;
  const level = HEADINGS[name];
  if (level) return headingOf(element, level, marks);
  if (PARAGRAPHS.has(name)) return paragraphOf(element, marks);
  switch (name) {
    case 'ul':
    case 'ol':
      return listOf(element, marks);
    case 'li':
      // A list item outside a list: a paragraph of its own.
      return blocksOf(element.children, marks);
    case 'blockquote': {
      const content = groupWordLists(blocksOf(element.children, marks));
      return content.length > 0 ? [{ type: 'blockquote', content }] : [];
    }
    case 'pre':
      return codeBlockOf(element);
    case 'hr':
      return [{ type: 'horizontalRule' }];
    case 'table':
      return tableOf(element, marks);
    case 'tr':
      return rowOf(element, marks);
    default:
      return blocksOf(element.children, marks);
  }
}

function headingOf(element: Element, level: number, marks: readonly PMMark[]): PMNode[] {
  // An unclosed heading swallows what follows (`<h2>Kop<p>tekst…`): the text before the first block is the heading.
  const children = element.children;
  const firstBlock = children.findIndex((child) => isElement(child) && !skipped(child) && isBlock(child));
  const before = firstBlock === -1 ? children : children.slice(0, firstBlock);
  const heading = headingNode(before, level, marks);
  if (firstBlock === -1 || !heading)
    return headingNode(children, level, marks) ? [headingNode(children, level, marks)!] : [];
  return [heading, ...groupWordLists(blocksOf(children.slice(firstBlock), marks))];
}

/** Headings hold text only: anything block-like inside is flattened. */
function headingNode(nodes: readonly ChildNode[], level: number, marks: readonly PMMark[]): PMNode | null {
  const content = trimInline(inlineOf(nodes, marks)).filter((node) => node.type !== 'hardBreak');
  return content.length > 0 ? { type: 'heading', attrs: { level }, content: mergeAdjacent(content) } : null;
}

function paragraphOf(element: Element, marks: readonly PMMark[]): PMNode[] {
  const style = element.attribs.style ?? '';
  const className = element.attribs.class ?? '';
  // Word writes headings as styled paragraphs too (its title, or "Kop 1" in some exports).
  if (/^MsoTitle$/i.test(className)) return headingOf(element, 1, marks);
  const blocks = blocksOf(element.children, marks);
  const listLevel = /mso-list\s*:\s*l\d+\s+level(\d+)/i.exec(style);
  if (listLevel && blocks.length === 1 && blocks[0].type === 'paragraph') {
    return [
      {
        type: WORD_LIST_ITEM,
        attrs: { level: Number(listLevel[1]), ordered: wordListIsOrdered(element) },
        content: blocks[0].content,
      },
    ];
  }
  return blocks;
}

/** Word writes the list number or bullet into a span marked `mso-list:Ignore`. */
function wordListIsOrdered(element: Element): boolean {
  const marker = findIgnoredMarker(element.children);
  return marker !== null && /^\s*(\(?[0-9]+|[a-z]{1,3}|[ivxlcdm]+)[.)]/i.test(marker);
}

function findIgnoredMarker(nodes: readonly ChildNode[]): string | null {
  for (const node of nodes) {
    if (!isElement(node)) continue;
    if (/mso-list\s*:\s*ignore/i.test(node.attribs.style ?? '')) return textOf(node.children);
    const inner = findIgnoredMarker(node.children);
    if (inner !== null) return inner;
  }
  return null;
}

function textOf(nodes: readonly ChildNode[]): string {
  return nodes
    .map((node) => (node.type === 'text' ? node.data : isElement(node) ? textOf(node.children) : ''))
    .join('');
}

function listOf(element: Element, marks: readonly PMMark[]): PMNode[] {
  const items: PMNode[] = [];
  let loose: ChildNode[] = [];
  const flushLoose = () => {
    // Text or inline elements directly inside <ul>: an item of their own.
    const blocks = blocksOf(loose, marks);
    if (blocks.length > 0) items.push(listItem(blocks));
    loose = [];
  };
  for (const child of element.children) {
    if (isElement(child) && child.name === 'li') {
      flushLoose();
      if (!skipped(child)) items.push(listItem(groupWordLists(blocksOf(child.children, marks))));
    } else if (isElement(child) && (child.name === 'ul' || child.name === 'ol') && items.length > 0) {
      // A list directly inside a list (invalid, but common) belongs to the item before it.
      flushLoose();
      items[items.length - 1].content!.push(...listOf(child, marks));
    } else {
      loose.push(child);
    }
  }
  flushLoose();
  if (items.length === 0) return [];
  if (element.name === 'ol') {
    const start = Number.parseInt(element.attribs.start ?? '1', 10);
    return [
      {
        type: 'orderedList',
        attrs: { start: Number.isFinite(start) && start >= 0 && start < 1e9 ? start : 1 },
        content: items,
      },
    ];
  }
  return [{ type: 'bulletList', content: items }];
}

/** The schema wants `paragraph block*` in a list item. */
function listItem(blocks: PMNode[]): PMNode {
  return { type: 'listItem', content: blocks[0]?.type === 'paragraph' ? blocks : [{ type: 'paragraph' }, ...blocks] };
}

function codeBlockOf(element: Element): PMNode[] {
  const text = textOf(element.children)
    .replace(/^\r?\n/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\s+$/, '');
  return [text ? { type: 'codeBlock', content: [textNode(text)] } : { type: 'codeBlock' }];
}

/**
 * A table as a TipTap table (Word's tables too): `th` cells become header
 * cells, each cell keeps its blocks. The editor's tables are rectangular, so
 * a cell spanning columns is followed by empty cells and short rows are
 * filled up; row spans are not kept. A caption becomes a paragraph above.
 */
function tableOf(element: Element, marks: readonly PMMark[]): PMNode[] {
  const before: PMNode[] = [];
  const rows: PMNode[][] = [];
  const visit = (nodes: readonly ChildNode[]) => {
    for (const node of nodes) {
      if (!isElement(node) || skipped(node)) continue;
      if (node.name === 'tr') rows.push(cellsOf(node, marks));
      else if (node.name === 'caption') before.push(...paragraphOf(node, marks));
      else if (node.name === 'table') before.push(...tableOf(node, marks));
      else visit(node.children);
    }
  };
  visit(element.children);
  const filled = rows.filter((cells) => cells.length > 0);
  if (filled.length === 0) return before;
  const width = Math.max(...filled.map((cells) => cells.length));
  const content = filled.map((cells) => ({
    type: 'tableRow',
    content: [...cells, ...Array.from({ length: width - cells.length }, () => emptyCell(cells[0].type))],
  }));
  return [...before, { type: 'table', content }];
}

/** A row outside a table: a table of one row. */
function rowOf(row: Element, marks: readonly PMMark[]): PMNode[] {
  const cells = cellsOf(row, marks);
  return cells.length > 0 ? [{ type: 'table', content: [{ type: 'tableRow', content: cells }] }] : [];
}

const MAX_SPAN = 50;

function cellsOf(row: Element, marks: readonly PMMark[]): PMNode[] {
  const cells: PMNode[] = [];
  for (const cell of row.children) {
    if (!isElement(cell) || (cell.name !== 'td' && cell.name !== 'th') || skipped(cell)) continue;
    const type = cell.name === 'th' ? 'tableHeader' : 'tableCell';
    const blocks = groupWordLists(blocksOf(cell.children, marks));
    cells.push({
      type,
      attrs: { colspan: 1, rowspan: 1 },
      content: blocks.length > 0 ? blocks : [{ type: 'paragraph' }],
    });
    const span = Number.parseInt(cell.attribs.colspan ?? '1', 10);
    for (let i = 1; Number.isFinite(span) && i < Math.min(span, MAX_SPAN); i++) cells.push(emptyCell(type));
  }
  return cells;
}

function emptyCell(type: string): PMNode {
  return { type, attrs: { colspan: 1, rowspan: 1 }, content: [{ type: 'paragraph' }] };
}

/** Everything inside as inline content; block boundaries become spaces. */
function inlineOf(nodes: readonly ChildNode[], marks: readonly PMMark[]): PMNode[] {
  const out: PMNode[] = [];
  const walk = (list: readonly ChildNode[], inherited: readonly PMMark[]) => {
    for (const node of list) {
      if (node.type === 'text') appendText(out, node.data, inherited);
      else if (isElement(node) && !skipped(node)) {
        if (node.name === 'br') out.push({ type: 'hardBreak' });
        else {
          const own = inlineMark(node);
          if (own === 'image') appendImage(out, node, inherited);
          else {
            if (isBlock(node)) appendText(out, ' ', inherited);
            walk(node.children, own ? withMark(inherited, own) : inherited);
          }
        }
      }
    }
  };
  walk(nodes, marks);
  return out;
}

type OwnMark = PMMark | 'image' | null;

/** The mark an inline element adds: by tag, by Word's inline style, or a link. */
function inlineMark(element: Element): OwnMark {
  if (element.name === 'img') return 'image';
  if (element.name === 'a') {
    const href = safeHref(element.attribs.href);
    return href === null ? null : { type: 'link', attrs: { href } };
  }
  const type = INLINE_MARKS[element.name];
  if (type) return { type };
  const style = (element.attribs.style ?? '').toLowerCase();
  if (/font-weight\s*:\s*(bold|[6-9]00)/.test(style)) return { type: 'bold' };
  if (/font-style\s*:\s*italic/.test(style)) return { type: 'italic' };
  return null;
}

function withMark(marks: readonly PMMark[], mark: PMMark | string): PMMark[] {
  const added = typeof mark === 'string' ? { type: mark } : mark;
  // The code mark excludes every other mark in the editor's schema; an outer link or mark of the same type wins.
  if (added.type === 'code') return [added];
  if (marks.some((m) => m.type === 'code' || m.type === added.type)) return [...marks];
  return sortMarks([...marks, added]);
}

/** The schema has no images: a link to the image, labelled with its alt text (as for Markdown). */
function appendImage(out: PMNode[], element: Element, marks: readonly PMMark[]): void {
  const alt = (element.attribs.alt ?? '').replace(/\s+/g, ' ').trim();
  const href = safeHref(element.attribs.src);
  if (href === null || href.startsWith('#') || marks.some((m) => m.type === 'link' || m.type === 'code')) {
    if (alt) appendText(out, alt, marks);
    return;
  }
  // Word's "file:///C:/…/image001.png" is refused by safeHref above; relative image files are kept as links.
  appendInline(out, textNode(alt || href, sortMarks([...marks, { type: 'link', attrs: { href } }])));
}

/** Collapses whitespace as a browser does (non-breaking spaces included, as Word uses them for spacing). */
function appendText(out: PMNode[], data: string, marks: readonly PMMark[]): void {
  const text = data.replace(/[\s\u00a0]+/g, ' ');
  if (!text) return;
  const last = out[out.length - 1];
  const endsWithSpace = last === undefined || last.type === 'hardBreak' || (last.text ?? '').endsWith(' ');
  const collapsed = endsWithSpace && text.startsWith(' ') ? text.slice(1) : text;
  appendInline(out, textNode(collapsed, [...marks]));
}

/** Drops whitespace at the start and end of a block and around hard breaks. */
function trimInline(nodes: PMNode[]): PMNode[] {
  const out = nodes.map((node) => ({ ...node }));
  for (let i = 0; i < out.length; i++) {
    if (out[i].type !== 'text') continue;
    const previous = out[i - 1];
    const next = out[i + 1];
    if (i === 0 || previous?.type === 'hardBreak') out[i].text = out[i].text!.replace(/^ +/, '');
    if (i === out.length - 1 || next?.type === 'hardBreak') out[i].text = out[i].text!.replace(/ +$/, '');
  }
  const kept = out.filter((node) => node.type !== 'text' || node.text !== '');
  while (kept[0]?.type === 'hardBreak') kept.shift();
  while (kept[kept.length - 1]?.type === 'hardBreak') kept.pop();
  return mergeAdjacent(kept.map((node) => (node.type === 'text' ? textNode(node.text!, node.marks ?? []) : node)));
}

function mergeAdjacent(nodes: readonly PMNode[]): PMNode[] {
  const out: PMNode[] = [];
  for (const node of nodes) appendInline(out, node);
  return out;
}

/** Turns runs of Word list paragraphs into nested bullet and ordered lists. */
function groupWordLists(blocks: PMNode[]): PMNode[] {
  const out: PMNode[] = [];
  let i = 0;
  while (i < blocks.length) {
    if (blocks[i].type !== WORD_LIST_ITEM) {
      out.push(blocks[i++]);
      continue;
    }
    const run: PMNode[] = [];
    while (i < blocks.length && blocks[i].type === WORD_LIST_ITEM) run.push(blocks[i++]);
    out.push(...nestWordList(run, 0, run.length));
  }
  return out;
}

function levelOf(node: PMNode): number {
  return Number(node.attrs?.level ?? 1);
}

/** One list of the items in [from, to) at the lowest level there, deeper ones nested into the item before them. */
function nestWordList(run: PMNode[], from: number, to: number): PMNode[] {
  const lists: PMNode[] = [];
  const base = Math.min(...run.slice(from, to).map(levelOf));
  let i = from;
  while (i < to) {
    const item = run[i];
    let end = i + 1;
    while (end < to && levelOf(run[end]) > base) end++;
    const entry: PMNode = { type: 'listItem', content: [{ type: 'paragraph', content: item.content }] };
    if (end > i + 1) entry.content!.push(...nestWordList(run, i + 1, end));
    const type = item.attrs?.ordered ? 'orderedList' : 'bulletList';
    const last = lists[lists.length - 1];
    if (last?.type === type) last.content!.push(entry);
    else
      lists.push(type === 'orderedList' ? { type, attrs: { start: 1 }, content: [entry] } : { type, content: [entry] });
    i = end;
  }
  return lists;
}

function pageTitle(nodes: readonly ChildNode[]): string | null {
  for (const node of nodes) {
    if (!isElement(node)) continue;
    if (node.name === 'title') return textOf(node.children).replace(/\s+/g, ' ').trim() || null;
    if (node.name === 'body') return null;
    const inner = pageTitle(node.children);
    if (inner) return inner;
  }
  return null;
}
