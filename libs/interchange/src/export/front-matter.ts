import { parse, stringify } from 'yaml';
import { ArchiveError } from './archive-error';

/** What an exported item's front matter says about it, in this key order. */
export interface ItemFrontMatter {
  title: string;
  kind: string;
  stage: string;
  tags: string[];
  authors: string[];
  /** A guideline's provenance: the items it was made from. */
  sources?: { id: string; title: string; stage: string }[];
  created: string;
  updated: string;
  id: string;
  archived?: string;
  guidelineStatus?: string;
  guidelineVersion?: number;
  reviewDate?: string;
  /** A practice reflection: the guideline version it tried. */
  appliesTo?: { id: string; title: string; version: number | null };
}

const KEY_ORDER: readonly (keyof ItemFrontMatter)[] = [
  'title',
  'kind',
  'stage',
  'tags',
  'authors',
  'sources',
  'created',
  'updated',
  'id',
  'archived',
  'guidelineStatus',
  'guidelineVersion',
  'reviewDate',
  'appliesTo',
];

/** Front matter larger than this is refused when reading (a YAML bomb needs room). */
export const FRONT_MATTER_MAX_BYTES = 64 * 1024;

/**
 * Markdown with a YAML front matter block: keys in a fixed order (absent
 * optional keys left out), so two exports of the same item are equal text.
 */
export function withFrontMatter(meta: ItemFrontMatter, body: string): string {
  const ordered: Record<string, unknown> = {};
  for (const key of KEY_ORDER) {
    if (meta[key] !== undefined) ordered[key] = meta[key];
  }
  const yaml = stringify(ordered, { lineWidth: 0, aliasDuplicateObjects: false });
  return `---\n${yaml}---\n\n${body}`;
}

export interface SplitMarkdown {
  /** The front matter's keys, or an empty object when there is none. */
  data: Record<string, unknown>;
  body: string;
}

const OPENING = /^\uFEFF?---[ \t]*\r?\n/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/m;

/**
 * Splits a Markdown file into its front matter and body. A file without a
 * `---` first line has no front matter. Aliases are refused outright, so a
 * few bytes of YAML cannot expand into gigabytes.
 */
export function splitItemMarkdown(text: string, file = 'Markdown'): SplitMarkdown {
  const opening = OPENING.exec(text);
  if (!opening) return { data: {}, body: text };
  const rest = text.slice(opening[0].length);
  const closing = CLOSING.exec(rest);
  if (!closing) throw new ArchiveError(`${file}: de front matter wordt niet afgesloten met ---`, `${file}: the front matter is not closed by ---`);
  const yaml = rest.slice(0, closing.index);
  if (Buffer.byteLength(yaml, 'utf8') > FRONT_MATTER_MAX_BYTES) {
    throw new ArchiveError(`${file}: de front matter is groter dan 64 kB`, `${file}: the front matter is larger than 64 kB`);
  }
  let data: unknown;
  try {
    data = parse(yaml, { maxAliasCount: 0, uniqueKeys: true, prettyErrors: false }) ?? {};
  } catch {
    throw new ArchiveError(`${file}: de front matter is geen geldige YAML`, `${file}: the front matter is not valid YAML`);
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new ArchiveError(`${file}: de front matter moet sleutels met waarden zijn`, `${file}: the front matter must be a mapping of keys to values`);
  }
  const body = rest.slice(closing.index + closing[0].length).replace(/^\r?\n/, '').replace(/^\r?\n/, '');
  return { data: data as Record<string, unknown>, body };
}
