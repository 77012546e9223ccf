export { appendInline, BODY_FRAGMENT, sortMarks, textNode, type PMMark, type PMNode } from './prosemirror';
export { markdownToProseMirror } from './markdown-to-prosemirror';
export { proseMirrorToMarkdown } from './prosemirror-to-markdown';
export { proseMirrorToText } from './prosemirror-to-text';
export { markdownToYDocUpdate, readBody, readSettledBody, writeBody, yDocToMarkdown, yDocToText } from './ydoc-body';
export {
  isProposalMark,
  listProposals,
  PROPOSAL_DELETE,
  PROPOSAL_INSERT,
  proposalAttrs,
  proposalViolation,
  withoutProposals,
  type Proposal,
  type ProposalAttrs,
  type ProposalAuthor,
  type ProposalDecision,
} from './proposal-marks';
export { applyProposalQuotes, proposalQuotes, type ProposalQuote } from './proposal-quotes';
export { checkProposalUpdate, decideProposals, mentionsProposals, proposalsIn } from './ydoc-proposals';
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
