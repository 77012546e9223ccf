/**
 * One tag whatever its case or accents: "Mantelzorg", "mantelzorg" and
 * "mantélzorg" are the same tag. A community keeps the spelling it used
 * first (docs/DOMAIN.md, tags).
 */

/** Ligatures and letters that NFD does not take apart. */
const SPECIAL: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ĳ: 'ij', ŀ: 'l', ı: 'i' };

/** What two spellings of one tag have in common: lower case, accents folded, spaces collapsed. */
export function tagKey(tag: string): string {
  return tag
    .trim()
    .replace(/\s+/g, ' ')
    .toLocaleLowerCase('nl')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[ßæœøłđĳŀı]/g, (c) => SPECIAL[c] ?? c);
}

/**
 * The tags as the community spells them: each tag it knows already (by key)
 * takes that spelling; new tags keep their own. Duplicates after that go.
 */
export function spellTags(tags: readonly string[], known: ReadonlyMap<string, string>): string[] {
  const seen = new Set<string>();
  const spelled: string[] = [];
  for (const tag of tags) {
    const key = tagKey(tag);
    if (seen.has(key)) continue;
    seen.add(key);
    spelled.push(known.get(key) ?? tag);
  }
  return spelled;
}

/** The first spelling of each tag, from spellings in the order they were first used. */
export function firstSpellings(spellingsInOrder: readonly string[]): Map<string, string> {
  const known = new Map<string, string>();
  for (const spelling of spellingsInOrder) {
    const key = tagKey(spelling);
    if (!known.has(key)) known.set(key, spelling);
  }
  return known;
}
