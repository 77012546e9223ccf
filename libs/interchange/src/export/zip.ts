import { Unzip, UnzipInflate, zipSync, type Zippable } from 'fflate';
import { ArchiveError } from './archive-error';
import { isSafeArchivePath } from './filenames';

export interface ZipLimits {
  /** Most entries (files and folders) an archive may have. */
  maxEntries: number;
  /** Most bytes one entry may inflate to. */
  maxEntryBytes: number;
  /** Most bytes all entries together may inflate to. */
  maxTotalBytes: number;
  /** Most bytes the entry with this name may inflate to, when tighter than maxEntryBytes (e.g. by file type). */
  entryBytes?: (name: string) => number;
}

/** Counts what reading an archive inflated, refused or not (for metrics and tests). */
export interface InflateMeter {
  inflated: number;
}

/**
 * Compressed bytes handed to the inflater at a time. Deflate expands at most
 * about 1032:1, so one slice never yields more than about 16 MB: a limit is
 * noticed within that much of being passed, not after a whole entry.
 */
const SLICE_BYTES = 16 * 1024;

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 10_050,
  maxEntryBytes: 64 * 1024 * 1024,
  maxTotalBytes: 512 * 1024 * 1024,
};

/** A zip of the given files (path -> bytes), deflated, with one fixed modification time. */
export function writeZip(files: ReadonlyMap<string, Uint8Array>, modified = new Date()): Uint8Array {
  const entries: Zippable = {};
  for (const [path, bytes] of files) {
    if (!isSafeArchivePath(path))
      throw new ArchiveError(`Ongeldig pad in het archief: ${path}`, `Invalid path in the archive: ${path}`);
    entries[path] = [bytes, { level: 6, mtime: modified }];
  }
  return zipSync(entries);
}

/**
 * The files of a zip (path -> bytes), folders left out. Hostile archives are
 * refused before they cost much: entries are counted, and inflated bytes are
 * counted as they come out (the sizes a zip declares can lie), so a zip bomb
 * stops at the limit: the compressed bytes go in by slices, so at most one
 * slice's output (about 16 MB) passes a limit before the refusal. Unsafe paths (`../`, absolute, backslashes) and
 * duplicate names refuse the whole archive.
 */
export function readZip(
  bytes: Uint8Array,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
  meter: InflateMeter = { inflated: 0 },
): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  let entries = 0;
  let total = 0;
  let problem: ArchiveError | null = null;
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (file) => {
    if (problem) return;
    entries++;
    if (entries > limits.maxEntries) {
      problem = new ArchiveError(
        `Het archief heeft meer dan ${limits.maxEntries} bestanden`,
        `The archive has more than ${limits.maxEntries} files`,
      );
      return;
    }
    const folder = file.name.endsWith('/');
    const name = folder ? file.name.slice(0, -1) : file.name;
    if (!isSafeArchivePath(name)) {
      problem = new ArchiveError(
        `Onveilig pad in het archief: ${printable(file.name)}`,
        `Unsafe path in the archive: ${printable(file.name)}`,
      );
      return;
    }
    if (folder) return;
    if (files.has(name)) {
      problem = new ArchiveError(`${name} staat twee keer in het archief`, `${name} occurs twice in the archive`);
      return;
    }
    const chunks: Uint8Array[] = [];
    const entryLimit = Math.min(limits.maxEntryBytes, limits.entryBytes?.(name) ?? Infinity);
    let size = 0;
    file.ondata = (error, data, final) => {
      if (problem) return;
      if (error) {
        problem = new ArchiveError(`${name} in het archief is beschadigd`, `${name} in the archive is damaged`);
        return;
      }
      size += data.length;
      total += data.length;
      meter.inflated += data.length;
      if (size > entryLimit || total > limits.maxTotalBytes) {
        problem = new ArchiveError(
          'Het archief pakt uit tot meer dan toegestaan is',
          'The archive unpacks to more than is allowed',
        );
        file.terminate();
        return;
      }
      chunks.push(data);
      if (final) files.set(name, concat(chunks, size));
    };
    try {
      file.start();
    } catch {
      problem = new ArchiveError(`${name}: onbekende compressie`, `${name}: unknown compression`);
    }
  };
  try {
    // In slices, stopping at the first problem: a zip bomb is refused as soon as a limit passes.
    for (let offset = 0; offset < bytes.length && !problem; offset += SLICE_BYTES) {
      unzip.push(bytes.subarray(offset, offset + SLICE_BYTES), offset + SLICE_BYTES >= bytes.length);
    }
    if (!bytes.length) unzip.push(bytes, true);
  } catch {
    problem ??= new ArchiveError('Dit is geen leesbaar zip-archief', 'This is not a readable zip archive');
  }
  if (problem) throw problem;
  return files;
}

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** A name from a hostile archive, safe to put in a message. */
function printable(name: string): string {
  // eslint-disable-next-line no-control-regex -- matches control characters on purpose
  return JSON.stringify(name.replace(/[\u0000-\u001f\u007f]/g, '?').slice(0, 120));
}
