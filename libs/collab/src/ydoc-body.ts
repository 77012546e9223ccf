/**
 * Reads and writes a knowledge item's body in its Y.Doc, encoded exactly as
 * y-prosemirror (used by TipTap's Collaboration extension) does:
 * - a block node is a Y.XmlElement named after the node type, with the
 *   node's attrs (null values left out) as attributes;
 * - adjacent text nodes form one Y.XmlText whose formatting attributes map
 *   mark names to mark attrs, e.g. `{ bold: {} }`;
 * - other inline nodes (hardBreak) are Y.XmlElements between the texts.
 * Link marks with an unsafe href are dropped both ways (the text stays).
 */
import * as Y from 'yjs';
import { safeHref } from '@spiraal/domain';
import { markdownToProseMirror } from './markdown-to-prosemirror';
import { proseMirrorToMarkdown } from './prosemirror-to-markdown';
import { proseMirrorToText } from './prosemirror-to-text';
import { withoutProposals } from './proposal-marks';
import { appendInline, BODY_FRAGMENT, emptyDoc, sortMarks, textNode, type PMMark, type PMNode } from './prosemirror';

type YChild = Y.XmlElement | Y.XmlText;
type DeltaOp = { insert?: unknown; attributes?: Record<string, unknown> };

/** Replaces the fragment's content with the document's blocks. */
export function writeBody(fragment: Y.XmlFragment, doc: PMNode): void {
  const write = () => {
    fragment.delete(0, fragment.length);
    fragment.insert(0, toYChildren(doc.content ?? []));
  };
  // Nested transactions join the caller's, so this is safe inside one.
  if (fragment.doc) fragment.doc.transact(write);
  else write();
}

export function readBody(fragment: Y.XmlFragment): PMNode {
  const content = fromYChildren(fragment.toArray(), true);
  return content.length > 0 ? { type: 'doc', content } : emptyDoc();
}

/** Some top-level children of the body as a document of their own (for comparing just those). */
export function readBlocks(children: readonly (Y.XmlElement | Y.XmlText)[]): PMNode {
  return { type: 'doc', content: fromYChildren(children, true) };
}

/** A fresh Y.Doc holding the Markdown as its body, encoded as one update. */
export function markdownToYDocUpdate(markdown: string): Uint8Array {
  const ydoc = new Y.Doc();
  writeBody(ydoc.getXmlFragment(BODY_FRAGMENT), markdownToProseMirror(markdown));
  const update = Y.encodeStateAsUpdate(ydoc);
  ydoc.destroy();
  return update;
}

/**
 * The body as readers outside the editor see it: without open proposals
 * (inserts left out, deletions kept), as Markdown export, search, derived
 * text and adopted versions show it (docs/decisions/proposals.md).
 */
export function readSettledBody(fragment: Y.XmlFragment): PMNode {
  return withoutProposals(readBody(fragment));
}

export function yDocToMarkdown(ydoc: Y.Doc): string {
  return withoutControls(proseMirrorToMarkdown(readSettledBody(ydoc.getXmlFragment(BODY_FRAGMENT))));
}

export function yDocToText(ydoc: Y.Doc): string {
  return withoutControls(proseMirrorToText(readSettledBody(ydoc.getXmlFragment(BODY_FRAGMENT))));
}

/**
 * A client can put any character into the live document; what is derived
 * from it (stored text, Markdown, search) leaves out control characters,
 * which PostgreSQL refuses (NUL) or which mean nothing in text.
 */
// eslint-disable-next-line no-control-regex -- matches control characters on purpose
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

function withoutControls(text: string): string {
  return text.replace(CONTROLS, '');
}

// --- ProseMirror -> Yjs ---

function toYChildren(nodes: readonly PMNode[]): YChild[] {
  const children: YChild[] = [];
  let textRun: PMNode[] = [];
  const flushText = () => {
    if (textRun.length > 0) children.push(toYText(textRun));
    textRun = [];
  };
  for (const node of nodes) {
    if (node.type === 'text') {
      if (node.text) textRun.push(node);
    } else {
      flushText();
      children.push(toYElement(node));
    }
  }
  flushText();
  return children;
}

/** Attribute values are JSON-like; heading levels stay numbers. */
type YAttrs = Record<string, object | string | number | boolean>;

function toYElement(node: PMNode): Y.XmlElement {
  const element = new Y.XmlElement<YAttrs>(node.type);
  for (const [key, value] of Object.entries(node.attrs ?? {})) {
    if (value !== null && value !== undefined) element.setAttribute(key, value as YAttrs[string]);
  }
  element.insert(0, toYChildren(node.content ?? []));
  // Yjs' insert() is typed for string-valued attributes only.
  return element as unknown as Y.XmlElement;
}

function toYText(nodes: readonly PMNode[]): Y.XmlText {
  const text = new Y.XmlText();
  text.applyDelta(nodes.map((node) => ({ insert: node.text, attributes: marksToAttributes(node.marks ?? []) })));
  return text;
}

function marksToAttributes(marks: readonly PMMark[]): Record<string, Record<string, unknown>> {
  const attributes: Record<string, Record<string, unknown>> = {};
  for (const mark of marks.map(withSafeLink)) {
    if (mark) attributes[mark.type] = { ...mark.attrs };
  }
  return attributes;
}

/** Drops a link mark whose href is not safe; other marks pass unchanged. */
function withSafeLink(mark: PMMark): PMMark | null {
  if (mark.type !== 'link') return mark;
  const href = safeHref(typeof mark.attrs?.href === 'string' ? mark.attrs.href : null);
  return href === null ? null : { ...mark, attrs: { ...mark.attrs, href } };
}

// --- Yjs -> ProseMirror ---

function fromYChildren(children: readonly unknown[], topLevel = false): PMNode[] {
  const nodes: PMNode[] = [];
  for (const child of children) {
    if (child instanceof Y.XmlElement) {
      nodes.push(fromYElement(child));
    } else if (child instanceof Y.XmlText) {
      const texts = fromYText(child);
      // Text directly in the fragment is invalid for the schema; wrap it.
      if (topLevel) {
        if (texts.length > 0) nodes.push({ type: 'paragraph', content: texts });
      } else {
        // Concurrent edits can leave two Y.XmlTexts side by side.
        for (const text of texts) appendInline(nodes, text);
      }
    }
    // Y.XmlHook and other types have no ProseMirror meaning here.
  }
  return nodes;
}

function fromYElement(element: Y.XmlElement): PMNode {
  const node: PMNode = { type: element.nodeName };
  const attrs = element.getAttributes() as Record<string, unknown>;
  if (Object.keys(attrs).length > 0) node.attrs = { ...attrs };
  const content = fromYChildren(element.toArray());
  if (content.length > 0) node.content = content;
  return node;
}

function fromYText(text: Y.XmlText): PMNode[] {
  const nodes: PMNode[] = [];
  for (const op of text.toDelta() as DeltaOp[]) {
    // Embeds are not text; y-prosemirror never writes them.
    if (typeof op.insert === 'string' && op.insert !== '') {
      nodes.push(textNode(op.insert, attributesToMarks(op.attributes ?? {})));
    }
  }
  return nodes;
}

/** y-prosemirror names a mark that may overlap itself `name--<8-char hash>`. */
const HASHED_MARK_NAME = /^(.*)--[a-zA-Z0-9+/=]{8}$/;

function attributesToMarks(attributes: Record<string, unknown>): PMMark[] {
  const marks: PMMark[] = [];
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined) continue;
    const type = HASHED_MARK_NAME.exec(name)?.[1] ?? name;
    const attrs = typeof value === 'object' ? { ...(value as Record<string, unknown>) } : {};
    const mark = withSafeLink(Object.keys(attrs).length > 0 ? { type, attrs } : { type });
    // Another client may have stored anything; an unsafe link keeps its text.
    if (mark) marks.push(mark);
  }
  return sortMarks(marks);
}
