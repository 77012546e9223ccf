import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/**
 * The web app's layers read top-down (docs/decisions/web-layers.md):
 * app > pages > features > entities > shared. A file imports only from layers
 * below its own, or from its own slice (`features/search`, `entities/items`);
 * slices of one layer never import each other, except inside `shared`, whose
 * folders only have to stay free of cycles.
 */
const ROOT = join(__dirname, '../..');
const SRC = join(ROOT, 'apps/web/src');
const LAYERS = ['shared', 'entities', 'features', 'pages', 'app'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** Layer rank and slice (`features/search`) of a path inside apps/web/src; main.tsx sits above all. */
function place(path: string): { rank: number; slice: string } {
  const parts = relative(SRC, path).split('/');
  const rank = LAYERS.indexOf(parts[0]);
  if (rank < 0) return { rank: LAYERS.length, slice: '.' };
  return { rank, slice: parts[0] === 'app' || parts[0] === 'pages' ? parts[0] : parts.slice(0, 2).join('/') };
}

describe('web layers', () => {
  it('every file imports only from lower layers or its own slice', () => {
    const offending = sourceFiles(SRC).flatMap((file) => {
      const from = place(file);
      const text = readFileSync(file, 'utf8');
      return [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"](\.{1,2}\/[^'"]+)['"]/g)]
        .map((m) => join(dirname(file), m[1]))
        .filter((target) => {
          const to = place(target);
          if (to.slice === from.slice) return false;
          if (to.rank === from.rank) return LAYERS[to.rank] !== 'shared';
          return to.rank > from.rank;
        })
        .map((target) => `${relative(SRC, file)} imports ${relative(SRC, target)}`);
    });
    expect(offending).toEqual([]);
  });

  it('has no import cycles between folders (scripts/folder-cycles.mjs)', () => {
    const run = spawnSync(process.execPath, [join(ROOT, 'scripts/folder-cycles.mjs'), 'apps/web/src', '--check'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(run.stdout).toContain('0 in cycles');
    expect(run.status).toBe(0);
  });
});
