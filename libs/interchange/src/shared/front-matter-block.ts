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
  /** The line in the file (from 1) of each top-level key, for messages that name it. */
  lines: Record<string, number>;
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
  if (yaml === null)
    throw new FrontMatterError(
      'de front matter wordt niet afgesloten met ---',
      'the front matter is not closed by ---',
    );
  if (Buffer.byteLength(yaml, 'utf8') > FRONT_MATTER_MAX_BYTES) {
    throw new FrontMatterError(
      `de front matter is groter dan ${FRONT_MATTER_MAX_BYTES / 1024} kB`,
      `the front matter is larger than ${FRONT_MATTER_MAX_BYTES / 1024} kB`,
    );
  }
  let data: unknown;
  try {
    data = parseYaml(yaml);
  } catch (error) {
    // People write `title: Casus: overbelaste mantelzorger`; YAML would need quotes there.
    const lenient = strict ? null : quoteColonValues(yaml);
    try {
      if (lenient === null || lenient === yaml) throw error;
      data = parseYaml(lenient);
    } catch {
      throw yamlError(error, yaml);
    }
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new FrontMatterError(
      'de front matter moet sleutels met waarden zijn',
      'the front matter must be a mapping of keys to values',
    );
  }
  const body = rest
    .slice(closing!.index + closing![0].length)
    .replace(/^\r?\n/, '')
    .replace(/^\r?\n/, '');
  return { data: data as Record<string, unknown>, body, lines: keyLines(yaml) };
}

function parseYaml(yaml: string): unknown {
  return parse(yaml, { maxAliasCount: 0, customTags: [], uniqueKeys: true, prettyErrors: false }) ?? {};
}

/** A top-level `key: value` line whose plain value is not YAML syntax of its own (quotes, lists, blocks, anchors, comments). */
const PLAIN_VALUE_LINE = /^([\p{L}_][\p{L}\p{N}_ -]*):[ \t]+([^\s"'[{|>&*!#%@`].*?)[ \t]*$/u;

/** Quotes plain top-level values that contain `: `, the one YAML rule people trip over in a title. */
function quoteColonValues(yaml: string): string {
  return yaml
    .split('\n')
    .map((line) => {
      const match = PLAIN_VALUE_LINE.exec(line.replace(/\r$/, ''));
      return match && /:(\s|$)/.test(match[2]) ? `${match[1]}: ${JSON.stringify(match[2])}` : line;
    })
    .join('\n');
}

/** The first line of the file is the opening `---`. */
const FIRST_YAML_LINE = 2;

function keyLines(yaml: string): Record<string, number> {
  const lines: Record<string, number> = {};
  yaml.split('\n').forEach((line, i) => {
    const key = /^([\p{L}_][\p{L}\p{N}_ -]*?)[ \t]*:(\s|$)/u.exec(line)?.[1];
    if (key && !(key in lines)) lines[key] = i + FIRST_YAML_LINE;
  });
  return lines;
}

/** The file line of an offset in the YAML; an error found at the end (an unclosed list) names the last line written. */
function lineOfOffset(yaml: string, offset: number, unclosed: boolean): number {
  const lines = yaml.split('\n');
  let index = yaml.slice(0, offset).split('\n').length - 1;
  while (index > 0 && !lines[index]?.trim()) index--;
  // An unclosed [ or { is noticed on a later line; the line that opened it is the one to fix.
  const opens = (line: string) => (line.match(/[[{]/g)?.length ?? 0) > (line.match(/[\]}]/g)?.length ?? 0);
  if (unclosed) for (let i = index; i >= 0; i--) if (opens(lines[i])) return i + FIRST_YAML_LINE;
  return index + FIRST_YAML_LINE;
}

function detailOf(error: unknown): string {
  return String(error instanceof Error ? error.message : error).split('\n')[0];
}

/** The parser's problem in Dutch and English, naming the line in the file. */
function yamlError(error: unknown, yaml: string): FrontMatterError {
  const pos = (error as { pos?: [number, number] }).pos;
  const line = pos ? lineOfOffset(yaml, pos[0], /^Flow (sequence|mapping)/.test(detailOf(error))) : null;
  const detail = detailOf(error);
  const code = (error as { code?: string }).code ?? '';
  const nl = YAML_PROBLEMS_NL[code] ?? 'controleer haakjes, aanhalingstekens en inspringing';
  const where = line ? { nl: ` op regel ${line}`, en: ` at line ${line}` } : { nl: '', en: '' };
  return new FrontMatterError(
    `de front matter is geen geldige YAML${where.nl}: ${nl}`,
    `the front matter is not valid YAML${where.en}: ${detail}`,
  );
}

const YAML_PROBLEMS_NL: Record<string, string> = {
  BAD_INDENT: 'een lijst of blok is niet goed ingesprongen of niet gesloten (mist er een ] of }?)',
  BLOCK_AS_IMPLICIT_KEY: 'een waarde met een dubbele punt moet tussen aanhalingstekens',
  DUPLICATE_KEY: 'een sleutel staat er twee keer in',
  MISSING_CHAR: 'er mist een teken (een sluitend aanhalingsteken of haakje?)',
  BAD_ALIAS: 'verwijzingen (aliassen) zijn niet toegestaan',
  ALIAS_PROPS: 'verwijzingen (aliassen) zijn niet toegestaan',
  UNEXPECTED_TOKEN: 'er staat een onverwacht teken',
  MULTIPLE_DOCS: 'er staat meer dan één document in',
  TAB_AS_INDENT: 'inspringen met tabs is niet toegestaan, gebruik spaties',
};
