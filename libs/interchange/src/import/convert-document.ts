/**
 * One imported file -> the items it becomes: bytes are decoded, the format
 * recognised, the content converted to the editor's document and, when asked,
 * split by top-level heading. Throws ImportRefusal with a message for people.
 */
import { markdownToProseMirror, proseMirrorToMarkdown, type PMNode } from '@spiraal/collab';
import type { ItemKind, SeciStage } from '@spiraal/domain';
import { decodeBytes } from './decode-bytes';
import { formatFromContent, formatFromName, type SourceFormat } from './detect-format';
import { splitFrontMatter } from './front-matter';
import { htmlToProseMirror } from './html-to-prosemirror';
import { textToProseMirror } from './plain-text';
import { IMPORT_LIMITS, refuse } from './refusal';
import { firstHeadingText, inlineText, splitByHeadings, titleFromFilename } from './split-headings';

export interface ConvertOptions {
  filename: string;
  bytes: Uint8Array;
  splitHeadings?: boolean;
}

export interface ConvertedPart {
  title: string;
  doc: PMNode;
  /** The body as Markdown, which is how items are written (and what size limits count). */
  markdown: string;
}

export interface ConvertedDocument {
  format: SourceFormat;
  encoding: string;
  /** From Markdown front matter, when present. */
  kind?: ItemKind;
  stage?: SeciStage;
  tags: string[];
  parts: ConvertedPart[];
}

/** Checks that need no content: name and size. */
export function checkFile(filename: string, size: number): SourceFormat | null {
  // eslint-disable-next-line no-control-regex -- matches control characters on purpose
  if (!filename.trim() || filename.length > IMPORT_LIMITS.filenameMax || /[\u0000-\u001f\u007f]/.test(filename)) {
    refuse(
      'INVALID_NAME',
      `Een bestandsnaam moet 1 tot ${IMPORT_LIMITS.filenameMax} tekens hebben, zonder stuurtekens`,
      `A file name must have 1 to ${IMPORT_LIMITS.filenameMax} characters, without control characters`,
    );
  }
  const format = formatFromName(filename);
  if (size > IMPORT_LIMITS.fileMaxBytes) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1).replace('.', ',');
    refuse(
      'TOO_LARGE',
      `Het bestand is ${mb(size)} MB; de grens is ${mb(IMPORT_LIMITS.fileMaxBytes)} MB`,
      `The file is ${mb(size)} MB; the limit is ${mb(IMPORT_LIMITS.fileMaxBytes)} MB`,
    );
  }
  if (size === 0) refuse('EMPTY', 'Het bestand is leeg', 'The file is empty');
  return format;
}

export function convertDocument(options: ConvertOptions): ConvertedDocument {
  const named = checkFile(options.filename, options.bytes.length);
  const decoded = decodeBytes(options.bytes, { html: named !== 'markdown' && named !== 'text' });
  const encoding = decoded.encoding;
  const format = named ?? formatFromContent(decoded.text);
  // A stray control character (binary files were refused above) would fail the body's rules; form feeds are page breaks in text.
  /* eslint-disable no-control-regex -- matches control characters on purpose */
  const text = decoded.text.replace(
    format === 'text'
      ? /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g
      : /[\u0000-\u0008\u000b-\u000c\u000e-\u001f\u007f]/g,
    (char) => (char === '\f' ? '\n' : ''),
  );
  /* eslint-enable no-control-regex */
  if (!text.trim()) refuse('EMPTY', 'Het bestand bevat geen tekst', 'The file contains no text');
  const fallbackTitle = titleFromFilename(options.filename);
  let doc: PMNode;
  // Front matter names a document outright; an HTML <title> only when it has no heading (Word's is often stale).
  let declaredTitle: string | null = null;
  let pageTitle: string | null = null;
  let meta: { kind?: ItemKind; stage?: SeciStage; tags?: string[] } = {};
  if (format === 'markdown') {
    const split = splitFrontMatter(text.replace(/^\ufeff/, ''));
    meta = split.meta;
    declaredTitle = split.meta.title || null;
    doc = markdownToProseMirror(split.body);
  } else if (format === 'html') {
    const html = htmlToProseMirror(text);
    doc = html.doc;
    pageTitle = html.title;
  } else {
    doc = textToProseMirror(text);
  }
  // Split parts take their headings; what comes before the first one is named after the document.
  const pieces = options.splitHeadings
    ? splitByHeadings(doc, declaredTitle ?? pageTitle ?? fallbackTitle)
    : [{ title: declaredTitle ?? firstHeadingText(doc) ?? pageTitle ?? fallbackTitle, doc }];
  const parts = pieces
    .filter((part) => inlineText(part.doc) !== '')
    .map((part) => ({
      title: clampTitle(part.title) || clampTitle(fallbackTitle) || 'Zonder titel',
      doc: part.doc,
      markdown: proseMirrorToMarkdown(part.doc),
    }));
  if (parts.length === 0) refuse('EMPTY', 'Het bestand bevat geen tekst', 'The file contains no text');
  if (parts.length > IMPORT_LIMITS.partsMax) {
    refuse(
      'TOO_LONG',
      `Dit zou ${parts.length} items worden; hoogstens ${IMPORT_LIMITS.partsMax} per bestand`,
      `This would become ${parts.length} items; at most ${IMPORT_LIMITS.partsMax} per file`,
    );
  }
  return { format, encoding, kind: meta.kind, stage: meta.stage, tags: meta.tags ?? [], parts };
}

/** Titles are one line of at most 200 characters (the domain's rule); cut at a word. */
function clampTitle(title: string): string {
  /* eslint-disable no-control-regex -- matches control characters on purpose */
  const line = title
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  /* eslint-enable no-control-regex */
  if (line.length <= 200) return line;
  const cut = line.slice(0, 199);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 150 ? cut.lastIndexOf(' ') : 199)}…`;
}
