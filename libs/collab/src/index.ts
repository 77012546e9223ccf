export { appendInline, BODY_FRAGMENT, sortMarks, textNode, type PMMark, type PMNode } from './prosemirror';
export { markdownToProseMirror } from './markdown-to-prosemirror';
export { proseMirrorToMarkdown } from './prosemirror-to-markdown';
export { proseMirrorToText } from './prosemirror-to-text';
export { markdownToYDocUpdate, readBody, writeBody, yDocToMarkdown, yDocToText } from './ydoc-body';
export { replaceInBody, type TextReplacement } from './ydoc-replace';
export * from './server';
export { MENTION_NODE, mentionedUserIds, mentionText } from './mentions';
export { headingKey, templateDocument, type TemplateDocument, type TemplatePrompt } from './template-document';
export {
  anchorQuote,
  anchorRange,
  bodyText,
  decodeAnchorPosition,
  encodeAnchorPosition,
  findQuote,
  MAX_QUOTE_LENGTH,
  quoteAt,
  resolveAnchor,
  type ResolvedAnchor,
  type StoredAnchor,
  type TextQuote,
} from './anchors';
