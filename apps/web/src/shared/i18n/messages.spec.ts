/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';

/**
 * Every message catalogue (`messages.ts` beside the components, `{ nl, en }`):
 * English names no key Dutch lacks, has every Dutch key, and each text is of
 * the same shape in both (a string, a function of as many arguments, or a
 * nested table with the same keys).
 */
const modules = import.meta.glob<Record<string, unknown>>('../../**/messages.ts', { eager: true });
const catalogues = Object.entries(modules).flatMap(([file, exports]) =>
  Object.entries(exports).map(([name, value]) => [`${file} ${name}`, value as { nl: Record<string, unknown>; en: Record<string, unknown> }] as const),
);

function differences(nl: unknown, en: unknown, path: string): string[] {
  if (typeof nl === 'function' || typeof en === 'function') {
    if (typeof nl !== 'function' || typeof en !== 'function') return [`${path}: a function in one language only`];
    return nl.length === en.length ? [] : [`${path}: ${nl.length} arguments in Dutch, ${en.length} in English`];
  }
  if (typeof nl === 'object' && nl && typeof en === 'object' && en) {
    const keys = new Set([...Object.keys(nl), ...Object.keys(en)]);
    return [...keys].flatMap((key) => {
      const a = (nl as Record<string, unknown>)[key];
      const b = (en as Record<string, unknown>)[key];
      if (a === undefined) return [`${path}.${key}: English only`];
      if (b === undefined) return [`${path}.${key}: Dutch only`];
      return differences(a, b, `${path}.${key}`);
    });
  }
  if (typeof nl !== typeof en) return [`${path}: ${typeof nl} in Dutch, ${typeof en} in English`];
  return typeof nl === 'string' && (nl === '') !== (en === '') ? [`${path}: empty in one language`] : [];
}

describe('message catalogues', () => {
  it('finds every feature catalogue', () => {
    expect(catalogues.length).toBeGreaterThanOrEqual(13);
  });

  it.each(catalogues)('%s: Dutch and English hold the same texts', (_name, catalogue) => {
    expect(Object.keys(catalogue).sort()).toEqual(['en', 'nl']);
    expect(differences(catalogue.nl, catalogue.en, '')).toEqual([]);
  });
});
