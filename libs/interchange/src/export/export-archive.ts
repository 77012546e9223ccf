import { ARCHIVE_MAX_BYTES, FILE_MAX_BYTES } from '@spiraal/domain';
import { ArchiveError } from './archive-error';
import { splitItemMarkdown } from './front-matter';
import { ExportManifest, FILES_FOLDER, MANIFEST_FILE, validateManifest } from './manifest';
import { InflateMeter, readZip, writeZip, ZipLimits } from './zip';

/**
 * A community export: `manifest.json` (what the items are and how they are
 * linked) and one Markdown file per item with front matter.
 */
export function writeExportArchive(
  manifest: ExportManifest,
  files: ReadonlyMap<string, string>,
  attachments: ReadonlyMap<string, Uint8Array> = new Map(),
): Uint8Array {
  const encoder = new TextEncoder();
  const entries = new Map<string, Uint8Array>([
    [MANIFEST_FILE, encoder.encode(`${JSON.stringify(manifest, null, 2)}\n`)],
  ]);
  for (const [path, text] of files) entries.set(path, encoder.encode(text));
  for (const [path, bytes] of attachments) entries.set(path, bytes);
  return writeZip(entries, new Date(manifest.exportedAt));
}

export interface ReadExport {
  manifest: ExportManifest;
  /** Each item's Markdown body (front matter removed), by the item's id in the manifest. */
  bodies: Map<string, string>;
  /** The bytes of each file in `manifest.files`, by its id in the manifest. */
  attachments: Map<string, Uint8Array>;
}

/** Most bytes the manifest may have. */
export const MANIFEST_MAX_BYTES = 32 * 1024 * 1024;

/** Most bytes one item's Markdown file may have: a body of at most 1 MB (LIMITS.bodyMaxBytes) and its front matter. */
export const ITEM_FILE_MAX_BYTES = 2 * 1024 * 1024;

/** Largest archive (the zip itself) accepted for a restore, at every entry point (HTTP, CLI, web). */
export { ARCHIVE_MAX_BYTES };

/**
 * What an export archive may inflate to: each file by its kind, and all
 * together at most 4 times the archive limit (Markdown and JSON compress
 * about 3 to 5 times), so memory stays in proportion to the upload limit.
 */
export const EXPORT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 10_050,
  maxEntryBytes: MANIFEST_MAX_BYTES,
  maxTotalBytes: 4 * ARCHIVE_MAX_BYTES,
  entryBytes: (name) =>
    name === MANIFEST_FILE ? MANIFEST_MAX_BYTES : name.startsWith(FILES_FOLDER) ? FILE_MAX_BYTES : ITEM_FILE_MAX_BYTES,
};

/**
 * Reads and checks an export archive. The manifest is the truth about the
 * items (kind, stage, links); each item's file gives its body. Any problem
 * refuses the whole archive, with a message naming the file or field.
 */
export function readExportArchive(
  bytes: Uint8Array,
  limits: ZipLimits = EXPORT_ZIP_LIMITS,
  meter?: InflateMeter,
): ReadExport {
  const files = readZip(bytes, limits, meter);
  const manifestBytes = files.get(MANIFEST_FILE);
  if (!manifestBytes) {
    throw new ArchiveError(
      'Het archief heeft geen manifest.json: is het een Spiraal-export?',
      'The archive has no manifest.json: is it a Spiraal export?',
    );
  }
  if (manifestBytes.length > MANIFEST_MAX_BYTES)
    throw new ArchiveError('manifest.json is te groot', 'manifest.json is too large');
  let parsed: unknown;
  try {
    parsed = JSON.parse(utf8(manifestBytes, MANIFEST_FILE));
  } catch (error) {
    if (error instanceof ArchiveError) throw error;
    throw new ArchiveError('manifest.json is geen geldige JSON', 'manifest.json is not valid JSON');
  }
  const manifest = validateManifest(parsed);
  const bodies = new Map<string, string>();
  for (const item of manifest.items) {
    const file = files.get(item.file);
    if (!file)
      throw new ArchiveError(
        `${item.file} staat in manifest.json maar niet in het archief`,
        `${item.file} is in manifest.json but not in the archive`,
      );
    bodies.set(item.id, splitItemMarkdown(utf8(file, item.file), item.file).body);
  }
  const attachments = new Map<string, Uint8Array>();
  for (const file of manifest.files ?? []) {
    const bytes = files.get(file.file);
    if (!bytes)
      throw new ArchiveError(
        `${file.file} staat in manifest.json maar niet in het archief`,
        `${file.file} is in manifest.json but not in the archive`,
      );
    attachments.set(file.id, bytes);
  }
  return { manifest, bodies, attachments };
}

function utf8(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ArchiveError(`${file} is geen UTF-8-tekst`, `${file} is not UTF-8 text`);
  }
}
