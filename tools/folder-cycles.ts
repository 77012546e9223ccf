/**
 * `npm run cycles`: counts import cycles between the top-level folders of each
 * app's src/ (a folder is a feature or a layer; files directly in src/ count as
 * one folder, "(root)"). File-level tools such as madge report cycles between
 * files; the rule here is about folders ("imports one way, never circles
 * between folders"), so this small script works on folders. Why our own
 * script: docs/decisions/0006-folder-cycles-script.md.
 *
 *   npm run cycles                 every app: folders in cycles, cycles, the edges in them
 *   npm run cycles -- --fail api   exit 1 when the named apps have a cycle (for CI)
 */
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(__dirname, '..');
const APPS = ['api', 'web'];
const EXTENSIONS = ['.ts', '.tsx', '/index.ts', '/index.tsx'];
/** Counting elementary cycles can explode in a tangle; beyond this the count says "more than". */
const CYCLE_CAP = 100_000;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'dist' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.(spec|test)\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function resolveImport(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(from), specifier).replace(/\.js$/, '');
  if (existsSync(base) && statSync(base).isFile()) return base;
  for (const extension of EXTENSIONS) if (existsSync(base + extension)) return base + extension;
  return null;
}

function folderOf(src: string, file: string): string {
  const parts = relative(src, file).split(sep);
  return parts.length > 1 ? parts[0] : '(root)';
}

/** Folder graph: edges[from][to] = number of imports. */
function folderGraph(src: string): Map<string, Map<string, number>> {
  const edges = new Map<string, Map<string, number>>();
  for (const file of sourceFiles(src)) {
    const from = folderOf(src, file);
    if (!edges.has(from)) edges.set(from, new Map());
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName } of importedFiles) {
      const target = resolveImport(file, fileName);
      if (!target || !target.startsWith(src + sep)) continue;
      const to = folderOf(src, target);
      if (to !== from) edges.get(from)!.set(to, (edges.get(from)!.get(to) ?? 0) + 1);
    }
  }
  return edges;
}

/** Strongly connected components (Tarjan) with more than one folder. */
function tangles(edges: Map<string, Map<string, number>>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    indices.set(node, index);
    low.set(node, index++);
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node)?.keys() ?? []) {
      if (!indices.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, indices.get(next)!));
    }
    if (low.get(node) === indices.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const node of [...edges.keys()].sort()) if (!indices.has(node)) visit(node);
  return found;
}

/** Elementary cycles, each counted once (from its smallest folder), up to CYCLE_CAP. */
function countCycles(edges: Map<string, Map<string, number>>): number {
  const nodes = [...edges.keys()].sort();
  let count = 0;
  for (const start of nodes) {
    const path = new Set<string>([start]);
    const walk = (node: string): void => {
      for (const next of edges.get(node)?.keys() ?? []) {
        if (count >= CYCLE_CAP) return;
        if (next === start) count++;
        else if (next > start && !path.has(next)) {
          path.add(next);
          walk(next);
          path.delete(next);
        }
      }
    };
    walk(start);
  }
  return count;
}

const args = process.argv.slice(2);
const failFor = args[0] === '--fail' ? args.slice(1) : [];
let failed = false;
for (const app of APPS) {
  const src = join(ROOT, 'apps', app, 'src');
  if (!existsSync(src)) continue;
  const edges = folderGraph(src);
  const components = tangles(edges);
  const cycles = countCycles(edges);
  const inCycles = components.flat().length;
  console.log(`apps/${app}/src: ${edges.size} folders, ${inCycles} in cycles, ${cycles >= CYCLE_CAP ? `more than ${CYCLE_CAP}` : cycles} folder cycles`);
  for (const component of components) {
    console.log(`  tangle: ${component.join(', ')}`);
    const members = new Set(component);
    for (const from of component) {
      for (const [to, imports] of edges.get(from) ?? []) if (members.has(to)) console.log(`    ${from} -> ${to} (${imports})`);
    }
  }
  if (failFor.includes(app) && components.length) failed = true;
}
if (failed) process.exitCode = 1;
