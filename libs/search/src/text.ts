/**
 * Words as the search engines see them. The PostgreSQL engine lets the
 * database fold and stem; these functions are for the parts that run in
 * JavaScript (query parsing, typo distance, the Meilisearch documents) and
 * follow the same rules: lower case, accents folded (cliënt → client).
 */

const WORD = /[\p{L}\p{N}]+/gu;

/** Ligatures and letters that NFD does not take apart, as PostgreSQL's unaccent does. */
const SPECIAL: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ĳ: 'ij', ŀ: 'l', ı: 'i' };

export function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[ßæœøłđĳŀı]/g, (c) => SPECIAL[c] ?? c);
}

/** The words of a text, folded, in order. Hyphens and punctuation separate words. */
export function words(text: string): string[] {
  return fold(text).match(WORD) ?? [];
}
