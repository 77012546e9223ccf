/**
 * Markdown -> ProseMirror JSON for the TipTap 3 StarterKit + Link + Table
 * schema, built from markdown-it's token stream. GFM pipe tables become
 * TipTap tables (the header row as tableHeader cells; column alignment is
 * not kept, the editor has none).
 */
import MarkdownIt from 'markdown-it';
import { safeHref } from '@spiraal/domain';
import { appendInline, emptyDoc, sortMarks, textNode, type PMMark, type PMNode } from './prosemirror';

type Token = MarkdownIt.Token;

function createParser(): MarkdownIt {
  const md = new MarkdownIt('commonmark', { html: false }).enable(['strikethrough', 'table']);
  // markdown-it leaves links it distrusts (javascript:, ...) as literal
  // source text. Accept them all here so `safeHref` decides, and an unsafe
  // link keeps its text without the link instead of showing raw Markdown.
  md.validateLink = () => true;
  return md;
}

const parser = createParser();

export function markdownToProseMirror(markdown: string): PMNode {
  const doc: PMNode = { type: 'doc', content: [] };
  const stack: PMNode[] = [doc];
  for (const token of parser.parse(markdown, {})) {
    handleBlockToken(token, stack);
  }
  return doc.content && doc.content.length > 0 ? doc : emptyDoc();
}

/** Paragraphs that hold only images of Spiraal's own files: they become image nodes. */
const imageParagraphs = new WeakMap<PMNode, PMNode[]>();

function handleBlockToken(token: Token, stack: PMNode[]): void {
  const top = stack[stack.length - 1];
  if (TABLE_SECTIONS.has(token.type)) {
    // thead/tbody have no node of their own: their rows go straight into the table.
    return;
  }
  if (token.nesting === 1) {
    stack.push(openBlock(token));
  } else if (token.nesting === -1) {
    const node = stack.pop() as PMNode;
    const images = imageParagraphs.get(node);
    if (images) for (const image of images) appendChild(stack[stack.length - 1], image);
    else appendChild(stack[stack.length - 1], finishBlock(node));
  } else if (token.type === 'inline') {
    const images = top.type === 'paragraph' ? ownImages(token.children ?? []) : null;
    if (images) return void imageParagraphs.set(top, images);
    const content = inlineToNodes(token.children ?? []);
    if (content.length > 0) top.content = content;
  } else {
    const node = leafBlock(token);
    if (node) appendChild(top, node);
  }
}

function openBlock(token: Token): PMNode {
  switch (token.type) {
    case 'heading_open':
      return { type: 'heading', attrs: { level: Number(token.tag.slice(1)) } };
    case 'blockquote_open':
      return { type: 'blockquote' };
    case 'bullet_list_open':
      return { type: 'bulletList' };
    case 'ordered_list_open':
      return { type: 'orderedList', attrs: { start: Number(token.attrGet('start') ?? 1) } };
    case 'list_item_open':
      return { type: 'listItem' };
    case 'table_open':
      return { type: 'table' };
    case 'tr_open':
      return { type: 'tableRow' };
    case 'th_open':
      return { type: 'tableHeader', attrs: { ...CELL_ATTRS } };
    case 'td_open':
      return { type: 'tableCell', attrs: { ...CELL_ATTRS } };
    default:
      // paragraph_open, and anything unexpected, becomes a paragraph.
      return { type: 'paragraph' };
  }
}

/** Repairs what the schema requires but Markdown may leave out. */
function finishBlock(node: PMNode): PMNode {
  const content = node.content ?? [];
  if (node.type === 'listItem' && content[0]?.type !== 'paragraph') {
    // listItem content is `paragraph block*`, e.g. for "-" or "- # Title".
    node.content = [{ type: 'paragraph' }, ...content];
  } else if (node.type === 'blockquote' && content.length === 0) {
    node.content = [{ type: 'paragraph' }];
  } else if (node.type === 'tableCell' || node.type === 'tableHeader') {
    // A cell holds blocks; markdown-it gives its inline content directly.
    node.content = [content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' }];
  }
  return node;
}

const TABLE_SECTIONS = new Set(['thead_open', 'thead_close', 'tbody_open', 'tbody_close']);

/** TipTap's cell attributes (colwidth null is left out, as y-prosemirror leaves out null attributes). */
export const CELL_ATTRS: Readonly<Record<string, unknown>> = { colspan: 1, rowspan: 1 };

function appendChild(parent: PMNode, child: PMNode): void {
  (parent.content ??= []).push(child);
}

function leafBlock(token: Token): PMNode | null {
  switch (token.type) {
    case 'fence':
      return codeBlock(token.content, token.info.trim().split(/\s+/)[0]);
    case 'code_block':
      return codeBlock(token.content, '');
    case 'hr':
      return { type: 'horizontalRule' };
    case 'html_block':
      // Only reachable if HTML parsing were enabled; keep it as literal text.
      return paragraphOf(token.content.replace(/\n+$/, ''));
    default:
      return null;
  }
}

function codeBlock(source: string, language: string): PMNode {
  // markdown-it ends the content with the newline before the closing fence.
  const text = source.endsWith('\n') ? source.slice(0, -1) : source;
  const node: PMNode = { type: 'codeBlock' };
  if (language) node.attrs = { language };
  if (text) node.content = [textNode(text)];
  return node;
}

function paragraphOf(text: string): PMNode {
  return text ? { type: 'paragraph', content: [textNode(text)] } : { type: 'paragraph' };
}

/** Mark names for markdown-it's paired inline tokens. */
const PAIRED_MARKS = new Map([
  ['strong_open', 'bold'],
  ['em_open', 'italic'],
  ['s_open', 'strike'],
]);

/**
 * Tracks open marks while walking inline tokens. An unsafe link pushes a
 * null entry so that its closing token still pops the right level.
 */
class InlineBuilder {
  readonly nodes: PMNode[] = [];
  private readonly open: (PMMark | null)[] = [];

  push(mark: PMMark | null): void {
    this.open.push(mark);
  }

  pop(): void {
    this.open.pop();
  }

  insideLink(): boolean {
    return this.open.some((mark) => mark?.type === 'link');
  }

  text(text: string, extra: PMMark[] = []): void {
    appendInline(this.nodes, textNode(text, this.marks(extra)));
  }

  /** Inline code. TipTap's code mark excludes every other mark. */
  code(text: string): void {
    appendInline(this.nodes, textNode(text, [{ type: 'code' }]));
  }

  hardBreak(): void {
    this.nodes.push({ type: 'hardBreak' });
  }

  private marks(extra: PMMark[]): PMMark[] {
    const byType = new Map<string, PMMark>();
    // The outermost mark of a type wins (a link inside a link keeps the outer one).
    for (const mark of [...this.open, ...extra]) {
      if (mark && !byType.has(mark.type)) byType.set(mark.type, mark);
    }
    return sortMarks([...byType.values()]);
  }
}

function inlineToNodes(tokens: Token[]): PMNode[] {
  const builder = new InlineBuilder();
  for (const token of tokens) {
    handleInlineToken(token, builder);
  }
  return builder.nodes;
}

function handleInlineToken(token: Token, builder: InlineBuilder): void {
  const markType = PAIRED_MARKS.get(token.type);
  if (markType) return builder.push({ type: markType });
  switch (token.type) {
    case 'strong_close':
    case 'em_close':
    case 's_close':
    case 'link_close':
      return builder.pop();
    case 'link_open':
      return builder.push(linkMark(token.attrGet('href')));
    case 'softbreak':
      return builder.text(' ');
    case 'hardbreak':
      return builder.hardBreak();
    case 'code_inline':
      return builder.code(token.content);
    case 'image':
      return handleImage(token, builder);
    default:
      // text, and html_inline should HTML parsing ever be enabled: literal text.
      return builder.text(token.content);
  }
}

function linkMark(href: string | null): PMMark | null {
  const safe = safeHref(href);
  return safe === null ? null : { type: 'link', attrs: { href: safe } };
}

/** The address of a file Spiraal stores (docs/decisions/file-storage.md). */
export const OWN_FILE_SRC = /^\/files\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** `![alt](/files/<id>)` alone in a paragraph (one or more, separated by spaces or line breaks): image nodes. */
function ownImages(tokens: Token[]): PMNode[] | null {
  const images: PMNode[] = [];
  for (const token of tokens) {
    if (token.type === 'image' && OWN_FILE_SRC.test(token.attrGet('src') ?? '')) {
      images.push({ type: 'image', attrs: { src: token.attrGet('src'), alt: altText(token.children ?? []) || null } });
    } else if (!(token.type === 'softbreak' || (token.type === 'text' && !token.content.trim()))) return null;
  }
  return images.length ? images : null;
}

/** Other images (elsewhere on the web) are not shown: write a link to the image, labelled with its alt text. */
function handleImage(token: Token, builder: InlineBuilder): void {
  const alt = altText(token.children ?? []);
  const link = linkMark(token.attrGet('src'));
  if (!link || builder.insideLink()) return builder.text(alt);
  builder.text(alt || String(link.attrs?.href), [link]);
}

function altText(tokens: Token[]): string {
  const parts: string[] = [];
  for (const token of tokens) {
    if (token.type === 'image') parts.push(altText(token.children ?? []));
    else if (token.type === 'softbreak' || token.type === 'hardbreak') parts.push(' ');
    else parts.push(token.content);
  }
  return parts.join('');
}
