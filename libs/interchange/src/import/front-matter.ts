/**
 * YAML front matter at the top of a Markdown file (`---` … `---`): the
 * title, kind, stage and tags an item should get.
 */
import { ITEM_KINDS, KIND_LABELS, SECI_STAGES, STAGE_LABELS, type ItemKind, type SeciStage } from '@spiraal/domain';
import { parse } from 'yaml';
import { refuse } from './refusal';

export interface FrontMatter {
  title?: string;
  kind?: ItemKind;
  stage?: SeciStage;
  tags?: string[];
}

const BLOCK = /^---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

export function splitFrontMatter(markdown: string): { meta: FrontMatter; body: string } {
  const match = BLOCK.exec(markdown);
  // A thematic break (`---`) can open a document too: front matter starts with `key:`.
  if (!match || (match[1] && !/^\s*[\p{L}_][\p{L}\p{N}_ -]*:(\s|$)/u.test(match[1]))) return { meta: {}, body: markdown };
  let data: unknown;
  try {
    // Plain data only: no custom tags, no aliases (a few bytes of YAML must not expand into gigabytes).
    data = parse(match[1] ?? '', { maxAliasCount: 0, customTags: [] });
  } catch (error) {
    refuse('INVALID_FRONT_MATTER', `De kop (front matter) is geen geldige YAML: ${firstLine(error)}`, `The front matter is not valid YAML: ${firstLine(error)}`);
  }
  return { meta: readMeta(data), body: markdown.slice(match[0].length) };
}

function firstLine(error: unknown): string {
  return String(error instanceof Error ? error.message : error).split('\n')[0];
}

function readMeta(data: unknown): FrontMatter {
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) refuse('INVALID_FRONT_MATTER', 'De kop (front matter) moet sleutels met waarden bevatten', 'The front matter must be a map of keys to values');
  const record = data as Record<string, unknown>;
  const meta: FrontMatter = {};
  const title = record.title ?? record.titel;
  if (typeof title === 'string' || typeof title === 'number') meta.title = String(title).replace(/\s+/g, ' ').trim();
  const kind = record.kind ?? record.soort;
  if (kind !== undefined && kind !== null) meta.kind = pick('kind', kind, ITEM_KINDS, KIND_LABELS);
  const stage = record.stage ?? record.fase;
  if (stage !== undefined && stage !== null) meta.stage = pick('stage', stage, SECI_STAGES, STAGE_LABELS);
  const tags = record.tags ?? record.trefwoorden;
  if (Array.isArray(tags)) meta.tags = tags.map((tag) => String(tag));
  else if (typeof tags === 'string') meta.tags = tags.split(',');
  return meta;
}

/** Accepts the enum value or its Dutch or English label, in any case. */
function pick<T extends string>(field: string, value: unknown, values: readonly T[], labels: Readonly<Record<T, { nl: string; en: string }>>): T {
  const wanted = String(value).trim().toLowerCase();
  const found = values.find((v) => v.toLowerCase() === wanted || labels[v].nl.toLowerCase() === wanted || labels[v].en.toLowerCase() === wanted);
  if (!found) {
    refuse('INVALID_FRONT_MATTER', `Onbekende ${field} "${String(value)}" in de kop; kies uit ${values.join(', ')}`, `Unknown ${field} "${String(value)}" in the front matter; choose from ${values.join(', ')}`);
  }
  return found;
}
