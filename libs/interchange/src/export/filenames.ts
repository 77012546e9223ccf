/**
 * File names inside an export archive and for downloads: readable (a slug of
 * the title), unique (a short piece of the id), and safe on every system.
 */

const SLUG_MAX = 60;

/** `Wie is de regisseur?` -> `wie-is-de-regisseur`; accents folded, `item` when nothing is left. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX)
    .replace(/-+$/, '');
  return slug || 'item';
}

/** `<slug>-<first 8 characters of the id>.md` */
export function itemFilename(title: string, id: string): string {
  const short =
    id
      .replace(/[^a-zA-Z0-9]/g, '')
      .slice(0, 8)
      .toLowerCase() || 'item';
  return `${slugify(title)}-${short}.md`;
}

/**
 * One file name per item, in the given order; a name already taken (two
 * ids starting alike, same title) gets `-2`, `-3`, ... before `.md`.
 */
export function uniqueItemFilenames(items: readonly { id: string; title: string }[]): Map<string, string> {
  const taken = new Set<string>();
  const names = new Map<string, string>();
  for (const item of items) {
    const base = itemFilename(item.title, item.id).replace(/\.md$/, '');
    let name = `${base}.md`;
    for (let n = 2; taken.has(name); n++) name = `${base}-${n}.md`;
    taken.add(name);
    names.set(item.id, name);
  }
  return names;
}

/** Longest path accepted inside an archive. */
const PATH_MAX = 255;

/**
 * Whether a path from an archive may be used as a name at all: relative,
 * forward slashes, no `.` or `..` segment, no empty segment, no control
 * characters, no drive letter. Paths are never joined onto the file system
 * by this code, but a name that could escape is a sign of a hostile archive.
 */
export function isSafeArchivePath(path: string): boolean {
  if (path.length === 0 || path.length > PATH_MAX) return false;
  // eslint-disable-next-line no-control-regex -- matches control characters on purpose
  if (/[\u0000-\u001f\u007f\\:]/.test(path)) return false;
  if (path.startsWith('/')) return false;
  return path.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

/** A `Content-Disposition: attachment` value for a download, ASCII-safe with the UTF-8 name beside it. */
export function attachmentDisposition(filename: string): string {
  const ascii =
    filename
      .normalize('NFKD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\]/g, '') || 'download';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
