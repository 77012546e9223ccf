/**
 * YAML front matter at the top of a Markdown file (`---` … `---`): the
 * title, kind, stage and tags an item should get.
 */
import { ITEM_KINDS, kindFromText, SECI_STAGES, stageFromText, type ItemKind, type SeciStage } from '@spiraal/domain';
import { FrontMatterError, readFrontMatter } from '../shared/front-matter-block';
import { refuse } from './refusal';

export interface FrontMatter {
  title?: string;
  kind?: ItemKind;
  stage?: SeciStage;
  tags?: string[];
}

/** Front matter of a loose file: only a closed block starting with `key:` counts (Markdown may open with `---`). */
export function splitFrontMatter(markdown: string): { meta: FrontMatter; body: string } {
  let block: ReturnType<typeof readFrontMatter>;
  try {
    block = readFrontMatter(markdown, false);
  } catch (error) {
    if (!(error instanceof FrontMatterError)) throw error;
    refuse(
      'INVALID_FRONT_MATTER',
      capitalize(error.nl.replace('de front matter', 'de kop (front matter)')),
      capitalize(error.en),
    );
  }
  return block ? { meta: readMeta(block.data, block.lines), body: block.body } : { meta: {}, body: markdown };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function readMeta(data: unknown, lines: Record<string, number>): FrontMatter {
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data))
    refuse(
      'INVALID_FRONT_MATTER',
      'De kop (front matter) moet sleutels met waarden bevatten',
      'The front matter must be a map of keys to values',
    );
  const record = data as Record<string, unknown>;
  const meta: FrontMatter = {};
  const title = record.title ?? record.titel;
  if (typeof title === 'string' || typeof title === 'number') meta.title = String(title).replace(/\s+/g, ' ').trim();
  const kind = record.kind ?? record.soort;
  const lineOf = (...keys: string[]) => keys.map((key) => lines[key]).find((line) => line !== undefined);
  if (kind !== undefined && kind !== null)
    meta.kind = pick(
      { nl: 'soort', en: 'kind' },
      lineOf('kind', 'soort'),
      kind,
      kindFromText(String(kind)),
      ITEM_KINDS,
    );
  const stage = record.stage ?? record.fase;
  if (stage !== undefined && stage !== null)
    meta.stage = pick(
      { nl: 'fase', en: 'stage' },
      lineOf('stage', 'fase'),
      stage,
      stageFromText(String(stage)),
      SECI_STAGES,
    );
  const tags = record.tags ?? record.trefwoorden;
  if (Array.isArray(tags)) meta.tags = tags.map((tag) => String(tag));
  else if (typeof tags === 'string') meta.tags = tags.split(',');
  return meta;
}

/** The enum value or its Dutch or English label (libs/domain reads it), else a refusal listing the choices. */
function pick<T extends string>(
  field: { nl: string; en: string },
  line: number | undefined,
  value: unknown,
  found: T | null,
  values: readonly T[],
): T {
  if (!found) {
    const where = line ? { nl: ` op regel ${line}`, en: ` at line ${line}` } : { nl: '', en: '' };
    refuse(
      'INVALID_FRONT_MATTER',
      `Onbekende ${field.nl} "${String(value)}" in de kop${where.nl}; kies uit ${values.join(', ')}`,
      `Unknown ${field.en} "${String(value)}" in the front matter${where.en}; choose from ${values.join(', ')}`,
    );
  }
  return found;
}
