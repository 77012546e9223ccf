import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/**
 * The monorepo's import rules (docs/ARCHITECTURE.md): apps use libs and never each
 * other; libs never use apps; libs/domain is pure (no framework, no database,
 * no Yjs); libs/collab and libs/search have no framework or database either.
 */
const ROOT = join(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]);
}

const RULES: { project: string; forbidden: RegExp; why: string }[] = [
  { project: 'apps/api/src', forbidden: /apps\/web|@spiraal\/web/, why: 'apps never import each other' },
  {
    project: 'apps/web/src',
    forbidden: /apps\/api|@spiraal\/api|^@nestjs|^typeorm$|^pg$/,
    why: 'the web app talks to the API over HTTP only',
  },
  {
    project: 'libs/domain/src',
    forbidden: /^@nestjs|^typeorm|^pg$|^yjs|^express|apps\/|^@spiraal\/(?!domain)/,
    why: 'the domain is pure TypeScript',
  },
  {
    project: 'libs/collab/src',
    forbidden: /^@nestjs|^typeorm|^pg$|^express|^ws$|apps\//,
    why: 'collab logic is pure and transport-free',
  },
  {
    project: 'libs/interchange/src',
    forbidden: /^@nestjs|^typeorm|^pg$|^express|apps\//,
    why: 'import and export conversions are pure',
  },
  {
    project: 'libs/privacy/src',
    forbidden: /^@nestjs|^typeorm|^pg$|^express|^yjs|apps\//,
    why: 'the privacy detector is pure',
  },
  {
    project: 'libs/search/src',
    forbidden: /^@nestjs|^typeorm|^pg$|^express|^meilisearch|^yjs|apps\//,
    why: 'search logic is pure: engines live in the API',
  },
];

describe('module boundaries', () => {
  for (const rule of RULES) {
    it(`${rule.project}: ${rule.why}`, () => {
      const offending = sourceFiles(join(ROOT, rule.project)).flatMap((file) =>
        importsOf(file)
          // Relative imports are checked by where they land in the repo.
          .map((spec) => (spec.startsWith('.') ? relative(ROOT, join(dirname(file), spec)) : spec))
          .filter((target) => rule.forbidden.test(target))
          .map((target) => `${relative(ROOT, file)} imports ${target}`),
      );
      expect(offending).toEqual([]);
    });
  }
});
