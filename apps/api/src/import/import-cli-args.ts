import { ITEM_KINDS, kindFromText, SECI_STAGES, stageFromText, type ItemKind, type SeciStage } from '@spiraal/domain';

export const IMPORT_USAGE = `Gebruik / Usage:
  npm run import -- --community <id of naam> [--kind NOTE] [--stage EXTERNALISATIE] [--tag <tag>]...
                    [--split-headings] [--as <e-mail>] <bestanden of mappen / files or folders>...

  --community       het leernetwerk (id of exacte naam) / the community (id or exact name)
  --kind            soort van de items (standaard NOTE, of uit de front matter) / kind of the items
  --stage           SECI-fase (standaard die van de soort) / SECI stage (default: the kind's)
  --tag             tag voor elk item, mag vaker / a tag for every item, repeatable
  --split-headings  één item per kop op het hoogste niveau / one item per top-level heading
  --as              auteur: e-mailadres van een lid (standaard de eerste facilitator) / author's e-mail
Markdown (.md), tekst (.txt) en HTML (.html) worden geïmporteerd, mappen doorzocht.
Een zip van \`npm run export\` wordt teruggezet met alles erin (alleen door een facilitator).
Markdown, text and HTML files are imported, folders searched; a zip made by \`npm run export\`
is restored with everything in it (by a facilitator only).`;

export interface ImportCliArgs {
  community: string;
  kind: ItemKind | null;
  stage: SeciStage | null;
  tags: string[];
  splitHeadings: boolean;
  as: string | null;
  paths: string[];
  help: boolean;
}

export class CliUsageError extends Error {}

const VALUE_OPTIONS = new Set(['--community', '--kind', '--stage', '--tag', '--as']);

/** Reads `--name value`, `--name=value` and paths; everything after `--` is a path. */
export function parseImportArgs(argv: readonly string[]): ImportCliArgs {
  const args: ImportCliArgs = {
    community: '',
    kind: null,
    stage: null,
    tags: [],
    splitHeadings: false,
    as: null,
    paths: [],
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      args.paths.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      args.paths.push(arg);
      continue;
    }
    const [name, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    if (name === '--help') {
      args.help = true;
    } else if (name === '--split-headings') {
      args.splitHeadings = true;
    } else if (VALUE_OPTIONS.has(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || value === '' || (inline === undefined && value.startsWith('--')))
        throw new CliUsageError(`${name} heeft een waarde nodig / ${name} needs a value`);
      setOption(args, name, value);
    } else {
      throw new CliUsageError(`Onbekende optie ${name} / Unknown option ${name}`);
    }
  }
  if (args.help) return args;
  if (!args.community.trim()) throw new CliUsageError('Geef --community <id of naam> / Give --community <id or name>');
  if (args.paths.length === 0)
    throw new CliUsageError('Geef een of meer bestanden of mappen / Give one or more files or folders');
  return args;
}

function setOption(args: ImportCliArgs, name: string, value: string): void {
  switch (name) {
    case '--community':
      args.community = value;
      return;
    case '--kind':
      args.kind = pick('--kind', value, kindFromText(value), ITEM_KINDS);
      return;
    case '--stage':
      args.stage = pick('--stage', value, stageFromText(value), SECI_STAGES);
      return;
    case '--tag':
      args.tags.push(value);
      return;
    case '--as':
      args.as = value;
      return;
  }
}

/** The enum value or its Dutch or English label (libs/domain reads it), else a usage error listing the choices. */
function pick<T extends string>(name: string, value: string, found: T | null, values: readonly T[]): T {
  if (!found)
    throw new CliUsageError(
      `${name}: onbekende waarde "${value}"; kies uit ${values.join(', ')} / unknown value "${value}"; choose from ${values.join(', ')}`,
    );
  return found;
}
