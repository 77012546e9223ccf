/**
 * Files and images attached to items (issue 22, point 3): the limits, the
 * allow-list and deciding a file's type from its first bytes. Pure, so the
 * API and its tests share one table (docs/decisions/file-storage.md says why
 * this is a small magic-number table and not a sniffing library).
 */

/** At most this many bytes per file. */
export const FILE_MAX_BYTES = 20 * 1024 * 1024;

/** How many leading bytes `sniffFileType` needs at most to decide. */
export const SNIFF_BYTES = 64 * 1024;

export const FILE_TYPES = {
  'image/png': { extension: 'png', image: true },
  'image/jpeg': { extension: 'jpg', image: true },
  'image/webp': { extension: 'webp', image: true },
  'image/gif': { extension: 'gif', image: true },
  'application/pdf': { extension: 'pdf', image: false },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { extension: 'docx', image: false },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { extension: 'xlsx', image: false },
  'application/vnd.oasis.opendocument.text': { extension: 'odt', image: false },
  'text/plain': { extension: 'txt', image: false },
} as const;

/** One of the allowed file types (its MIME type). */
export type FileType = keyof typeof FILE_TYPES;

export const ALLOWED_FILE_TYPES = Object.keys(FILE_TYPES) as FileType[];

export function isImageType(type: string): boolean {
  return (FILE_TYPES as Record<string, { image: boolean }>)[type]?.image === true;
}

/** What the bytes are: an allowed type, something known but refused, or unknown. */
export type Sniffed = { allowed: true; type: FileType } | { allowed: false; what: string };

const ODT_MIME = 'application/vnd.oasis.opendocument.text';

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((b, i) => bytes[offset + i] === b);
}

function ascii(bytes: Uint8Array, from: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(from, Math.min(bytes.length, from + length)));
}

/** The names of the zip entries whose local headers lie within `bytes`. */
function zipEntryNames(bytes: Uint8Array): { name: string; dataStart: number }[] {
  const names: { name: string; dataStart: number }[] = [];
  for (let i = 0; i + 30 <= bytes.length; i++) {
    if (bytes[i] !== 0x50 || bytes[i + 1] !== 0x4b || bytes[i + 2] !== 0x03 || bytes[i + 3] !== 0x04) continue;
    const nameLength = bytes[i + 26] | (bytes[i + 27] << 8);
    const extraLength = bytes[i + 28] | (bytes[i + 29] << 8);
    if (i + 30 + nameLength > bytes.length) break;
    names.push({ name: ascii(bytes, i + 30, nameLength), dataStart: i + 30 + nameLength + extraLength });
    i += 29 + nameLength;
  }
  return names;
}

/** Office Open XML (DOCX, XLSX) and OpenDocument text are zips; which one is told by their entries. */
function sniffZip(bytes: Uint8Array): Sniffed {
  const entries = zipEntryNames(bytes);
  const first = entries[0];
  if (first?.name === 'mimetype') {
    const mime = ascii(bytes, first.dataStart, ODT_MIME.length + 20);
    if (mime.startsWith(ODT_MIME) && !mime.startsWith(`${ODT_MIME}-`)) return { allowed: true, type: ODT_MIME };
    return { allowed: false, what: 'een ander OpenDocument-bestand / another OpenDocument file' };
  }
  if (entries.some((e) => e.name.startsWith('word/')))
    return { allowed: true, type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' };
  if (entries.some((e) => e.name.startsWith('xl/')))
    return { allowed: true, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
  return { allowed: false, what: 'een zip-archief / a zip archive' };
}

/** Markup a browser would render or run: never accepted as plain text. */
const MARKUP = /^\s*(<\?xml|<svg|<!doctype|<html|<head|<body|<script|<iframe|<!--)/i;

/** Plain text: valid UTF-8 (a sequence cut off at the end of the sample is fine), no NUL, no markup. */
function sniffText(bytes: Uint8Array, complete: boolean): Sniffed {
  if (bytes.includes(0)) return { allowed: false, what: 'onbekend / unknown' };
  let sample = bytes;
  if (!complete) {
    // Drop a multi-byte sequence cut off by the end of the sample.
    let end = bytes.length;
    for (let back = 1; back <= 3 && end - back >= 0; back++) {
      const b = bytes[end - back];
      if ((b & 0xc0) === 0x80) continue;
      if (b >= 0xc0) end -= back;
      break;
    }
    sample = bytes.subarray(0, end);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(sample);
  } catch {
    return { allowed: false, what: 'onbekend / unknown' };
  }
  if (MARKUP.test(text)) return { allowed: false, what: /<svg[\s>]/i.test(text.slice(0, 4096)) ? 'SVG' : 'HTML/XML' };
  return { allowed: true, type: 'text/plain' };
}

/**
 * Decides a file's type from its first bytes (`SNIFF_BYTES` of them, or all
 * when the file is shorter: then `complete` is true). The name and the
 * declared Content-Type play no part.
 */
export function sniffFileType(bytes: Uint8Array, complete: boolean): Sniffed {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { allowed: true, type: 'image/png' };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { allowed: true, type: 'image/jpeg' };
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8))
    return { allowed: true, type: 'image/webp' };
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return { allowed: true, type: 'image/gif' };
  if (ascii(bytes, 0, 5) === '%PDF-') return { allowed: true, type: 'application/pdf' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return sniffZip(bytes);
  // Skip a UTF-8 byte order mark before looking at text.
  const text = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
  return sniffText(text, complete);
}

/** The bare MIME type of a Content-Type header (no parameters, lower case); '' when absent. */
export function bareMimeType(header: string | undefined | null): string {
  return (header ?? '').split(';')[0].trim().toLowerCase();
}

/** Declared types that say nothing: the sniffed type decides alone. */
const UNDECLARED = new Set(['', 'application/octet-stream']);

/** Does the declared Content-Type agree with the sniffed one? (`image/jpg` is a common alias.) */
export function declaredTypeMatches(declared: string, sniffed: FileType): boolean {
  const bare = bareMimeType(declared);
  if (UNDECLARED.has(bare)) return true;
  if (bare === 'image/jpg' || bare === 'image/pjpeg') return sniffed === 'image/jpeg';
  return bare === sniffed;
}

/**
 * A file name fit to show and to put in Content-Disposition: the last path
 * segment, without control or invisible characters, at most 200 characters,
 * with the extension of its real type.
 */
export function cleanFileName(raw: string | undefined | null, type: FileType): string {
  let name = raw ?? '';
  try {
    name = decodeURIComponent(name);
  } catch {
    // Not percent-encoded: taken as it is.
  }
  name = name
    .split(/[/\\]/)
    .pop()!
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .trim();
  const extension = FILE_TYPES[type].extension;
  const stem = name.replace(/\.[^.]*$/, '').slice(0, 190) || 'bestand';
  const current = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase();
  const fits = current === extension || (type === 'image/jpeg' && current === 'jpeg');
  return fits ? `${stem}.${current}` : `${stem}.${extension}`;
}

/** A size for people: "1,2 MB" / "340 kB" (Dutch decimal comma). */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
}
