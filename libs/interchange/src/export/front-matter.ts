import { stringify } from 'yaml';
import { FrontMatterError, readFrontMatter } from '../shared/front-matter-block';
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

/**
 * Splits an exported item file into its front matter and body (the shared
 * reader, strict: a first `---` line must open a closed mapping). Problems
 * are ArchiveErrors naming the file.
 */
export function splitItemMarkdown(text: string, file = 'Markdown'): SplitMarkdown {
  try {
    const block = readFrontMatter(text, true);
    return block ? { data: block.data, body: block.body } : { data: {}, body: text };
  } catch (error) {
    if (error instanceof FrontMatterError) throw new ArchiveError(`${file}: ${error.nl}`, `${file}: ${error.en}`);
    throw error;
  }
}
