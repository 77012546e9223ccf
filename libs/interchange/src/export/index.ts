export { ArchiveError } from './archive-error';
export {
  ARCHIVE_MAX_BYTES,
  EXPORT_ZIP_LIMITS,
  ITEM_FILE_MAX_BYTES,
  MANIFEST_MAX_BYTES,
  readExportArchive,
  writeExportArchive,
  type ReadExport,
} from './export-archive';
export { attachmentDisposition, isSafeArchivePath, itemFilename, slugify, uniqueItemFilenames } from './filenames';
export { splitItemMarkdown, withFrontMatter, type ItemFrontMatter, type SplitMarkdown } from './front-matter';
export { itemIdOfHref, linkedItemIds, rewriteItemLinks } from './item-links';
export * from './manifest';
export { DEFAULT_ZIP_LIMITS, readZip, writeZip, type InflateMeter, type ZipLimits } from './zip';
