export {
  checkFile,
  convertDocument,
  type ConvertedDocument,
  type ConvertedPart,
  type ConvertOptions,
} from './convert-document';
export { decodeBytes, refuseBinary, type DecodedText } from './decode-bytes';
export {
  extensionOf,
  formatFromContent,
  formatFromName,
  SUPPORTED_EXTENSIONS,
  type SourceFormat,
} from './detect-format';
export { splitFrontMatter, type FrontMatter } from './front-matter';
export { htmlToProseMirror, type HtmlDocument } from './html-to-prosemirror';
export { cleanExtractedText, textToProseMirror } from './plain-text';
export { IMPORT_LIMITS, ImportRefusal, type RefusalCode } from './refusal';
export { firstHeadingText, inlineText, splitByHeadings, titleFromFilename, type DocumentPart } from './split-headings';
