import { parse } from 'yaml';

/**
 * The one reader of YAML front matter (`---` … `---` at the top of a
 * Markdown file), for imported files and for the files of an export archive.
 * Each side wraps its problems in its own error (ImportRefusal, ArchiveError).
 */

/** Front matter larger than this is refused (a YAML bomb needs room). */
export const FRONT_MATTER_MAX_BYTES = 64 * 1024;

/** What is wrong with a front matter block, Dutch and English apart so each caller can add its place. */
export class FrontMatterError extends Error {
  constructor(
    readonly nl: string,
    readonly en: string,
  ) {
    super(`${nl} / ${en}`);
    this.name = 'FrontMatterError';
  }
}

export interface FrontMatterBlock {
  /** The front matter's keys; empty for an empty block. */
  data: Record<string, unknown>;
  /** The rest of the file, without the blank line after the block. */
  body: string;
}

const OPENING = /^\uFEFF?---[ \t]*\r?\n/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/m;
/** Front matter starts with `key:`; anything else after a first `---` is a thematic break. */
const KEY_LINE = /^\s*[\p{L}_][\p{L}\p{N}_ -]*:(\s|$)/u;

/**
 * Splits off the front matter, or returns null when the file has none.
 * `strict` (files Spiraal wrote, which always have front matter): any first
 * `---` line opens a block that must be closed and be a mapping. Otherwise
 * (loose files people bring in) a block counts only when it is closed and
 * starts with `key:`, because Markdown may open with a thematic break.
 * Aliases are refused outright, so a few bytes cannot expand into gigabytes.
 */
export function readFrontMatter(text: string, strict: boolean): FrontMatterBlock | null {
  const opening = OPENING.exec(text);
  if (!opening) return null;
  const rest = text.slice(opening[0].length);
  const closing = CLOSING.exec(rest);
  const yaml = closing ? rest.slice(0, closing.index) : null;
  if (!strict && (yaml === null || (yaml.trim() !== '' && !KEY_LINE.test(yaml)))) return null;
  if (yaml === null) throw new FrontMatterError('de front matter wordt niet afgesloten met ---', 'the front matter is not closed by ---');
  if (Buffer.byteLength(yaml, 'utf8') > FRONT_MATTER_MAX_BYTES) {
    throw new FrontMatterError(`de front matter is groter dan ${FRONT_MATTER_MAX_BYTES / 1024} kB`, `the front matter is larger than ${FRONT_MATTER_MAX_BYTES / 1024} kB`);
  }
  let data: unknown;
  try {
    data = parse(yaml, { maxAliasCount: 0, customTags: [], uniqueKeys: true, prettyErrors: false }) ?? {};
  } catch (error) {
    const detail = String(error instanceof Error ? error.message : error).split('\n')[0];
    throw new FrontMatterError(`de front matter is geen geldige YAML: ${detail}`, `the front matter is not valid YAML: ${detail}`);
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new FrontMatterError('de front matter moet sleutels met waarden zijn', 'the front matter must be a mapping of keys to values');
  }
  const body = rest.slice(closing!.index + closing![0].length).replace(/^\r?\n/, '').replace(/^\r?\n/, '');
  return { data: data as Record<string, unknown>, body };
}
