#!/usr/bin/env node
// Counts import cycles between folders (not files) of one or more source trees.
// Usage: node scripts/folder-cycles.mjs apps/web/src [apps/api/src ...] [--check]
// A folder is the directory a file sits in, relative to the tree's root, so
// `features/items` and `features/guidelines` count as two folders. Prints, per
// tree, the folders that sit in a cycle (strongly connected groups) and each
// pair of folders that import each other, and the number of elementary
// folder cycles; with --check it exits 1 on any cycle.
// Written here rather than with madge: madge works on files, and we want
// folders; the whole job is ~80 lines without dependencies.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const args = process.argv.slice(2);
const check = args.includes('--check');
const roots = args.filter((a) => !a.startsWith('--'));
if (roots.length === 0) {
  console.error('usage: node scripts/folder-cycles.mjs <src dir>... [--check]');
  process.exit(2);
}

function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mts)$/.test(name) && !/\.d\.ts$/.test(name) ? [path] : [];
  });
}

const EXTENSIONS = ['', '.ts', '.tsx', '.mts', '/index.ts', '/index.tsx'];
function resolveImport(from, spec) {
  const base = resolve(dirname(from), spec.replace(/\.js$/, ''));
  for (const ext of EXTENSIONS) {
    const candidate = base + ext;
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

function importsOf(file) {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"](\.{1,2}\/[^'"]*)['"]/g)].map((m) => m[1]);
}

/** Tarjan's strongly connected components. */
function stronglyConnected(graph) {
  let index = 0;
  const indices = new Map(),
    low = new Map(),
    stack = [],
    onStack = new Set(),
    groups = [];
  const visit = (v) => {
    indices.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), indices.get(w)));
    }
    if (low.get(v) === indices.get(v)) {
      const group = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      groups.push(group.sort());
    }
  };
  for (const v of graph.keys()) if (!indices.has(v)) visit(v);
  return groups;
}

/** Elementary cycles (each counted once), stopping at LIMIT: a dense tangle has very many. */
const LIMIT = 1_000_000;
function countCycles(graph) {
  const order = [...graph.keys()].sort();
  const rank = new Map(order.map((v, i) => [v, i]));
  let count = 0;
  for (const start of order) {
    const onPath = new Set([start]);
    const walk = (v) => {
      for (const w of graph.get(v) ?? []) {
        if (count >= LIMIT) return;
        if (w === start) count++;
        else if (rank.get(w) > rank.get(start) && !onPath.has(w)) {
          onPath.add(w);
          walk(w);
          onPath.delete(w);
        }
      }
    };
    walk(start);
  }
  return count;
}

let failed = false;
for (const root of roots) {
  const abs = resolve(root);
  const folderOf = (file) => relative(abs, dirname(file)) || '.';
  const graph = new Map();
  for (const file of sourceFiles(abs)) {
    const from = folderOf(file);
    if (!graph.has(from)) graph.set(from, new Set());
    for (const spec of importsOf(file)) {
      const target = resolveImport(file, spec);
      if (!target || !target.startsWith(abs)) continue;
      const to = folderOf(target);
      if (to !== from) graph.get(from).add(to);
    }
  }
  const cyclic = stronglyConnected(graph).filter((g) => g.length > 1);
  const pairs = [];
  for (const [a, targets] of graph)
    for (const b of targets) if (a < b && graph.get(b)?.has(a)) pairs.push(`${a} <-> ${b}`);
  const inCycles = cyclic.reduce((n, g) => n + g.length, 0);
  const cycles = countCycles(graph);
  console.log(
    `${root}: ${graph.size} folders, ${inCycles} in cycles (${cyclic.length} cyclic groups), ` +
      `${pairs.length} mutual pairs, ${cycles >= LIMIT ? `>${LIMIT}` : cycles} elementary cycles`,
  );
  for (const g of cyclic) console.log(`  cycle group: ${g.join(', ')}`);
  for (const p of pairs) console.log(`  mutual: ${p}`);
  if (cyclic.length > 0) failed = true;
}
if (check && failed) process.exit(1);
