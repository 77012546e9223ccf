/**
 * Typo tolerance as Meilisearch defines it: no typo in words under 5 letters,
 * one from 5 letters, two from 9.
 */
export const TYPO_MIN_ONE = 5;
export const TYPO_MIN_TWO = 9;

export function typoBudget(word: string): number {
  const length = [...word].length;
  if (length >= TYPO_MIN_TWO) return 2;
  if (length >= TYPO_MIN_ONE) return 1;
  return 0;
}

/**
 * Edit distance with adjacent transpositions (optimal string alignment), so
 * "intervsiie" is one typo away from "intervisie". Stops early above `max`.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  const s = [...a];
  const t = [...b];
  if (Math.abs(s.length - t.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[t.length];
}

/** Whether `term` is within the typo budget of `word`. */
export function isTypoOf(word: string, term: string): boolean {
  const budget = typoBudget(word);
  return budget > 0 && term !== word && editDistance(word, term, budget) <= budget;
}

/**
 * Whether `term` starts with something within the typo budget of `prefix`:
 * "interivs" is a half-typed "intervisie" with one typo.
 */
export function isTypoPrefixOf(prefix: string, term: string): boolean {
  const budget = typoBudget(prefix);
  if (budget === 0) return false;
  const length = [...prefix].length;
  const chars = [...term];
  for (let cut = Math.max(1, length - budget); cut <= Math.min(chars.length, length + budget); cut++) {
    if (editDistance(prefix, chars.slice(0, cut).join(''), budget) <= budget) return true;
  }
  return false;
}
