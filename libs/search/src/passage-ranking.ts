import type { PassageIndex, Postings } from './passage-index';

/** A lexeme a query word matches, and how much a match through it counts (word as typed 1, its stem 0.9, else 0.7). */
export interface RankLexeme {
  term: string;
  /** Matches every term that starts with it (a half-typed word). */
  prefix: boolean;
  factor: number;
  /** For a prefix: matches only terms at most this many letters longer (a word's relatives, not every compound). */
  longer?: number;
}

/**
 * One way a query group matches: one word, or several that must all stand
 * in the passage. `check` numbers the tsquery that tells whether they stand
 * in a row (a phrase or multi-word synonym); null when anywhere will do.
 */
export interface RankAlternative {
  words: RankLexeme[][];
  check: number | null;
}

/**
 * A factor for passages where a check holds: two neighbouring query words
 * side by side (`neighbours`: possible only where two neighbouring groups
 * match), or the query's subject defined ("actieleren is …", `all`: possible
 * only where every group matches).
 */
export interface RankBonus {
  check: number;
  factor: number;
  needs: 'neighbours' | 'all';
}

export interface RankQuery {
  /** The meaningful groups of the query, in order. */
  groups: { alternatives: RankAlternative[] }[];
  bonuses: RankBonus[];
  /** How many checks the alternatives and the bonuses number. */
  checks: number;
}

export interface RankFilters {
  /** Every community the user may read: nothing else is counted or returned. */
  readable: string[];
  communities: string[] | null;
  kinds: string[] | null;
  stages: string[] | null;
  /** Every one of these tags. */
  tags: string[] | null;
}

/**
 * The relevance model (docs/decisions/search-in-memory.md): BM25F. A lexeme's
 * occurrences weigh 5 in the title, 2.5 in the tags, 1 in the body and 0.25
 * as a compound part; the weighted frequency saturates (k1) and is
 * normalised by the passage's length (b).
 */
export const RANKING = {
  k1: 1.2,
  b: 0.75,
  title: 5,
  tags: 2.5,
  body: 1,
  parts: 0.25,
  /** The score is multiplied by (matched idf / query idf) to this power: more of the query's words, higher. */
  coverage: 1,
  /** Two query words side by side. */
  phraseBonus: 1.25,
  /** "Wat is X?" answered by a passage that says "X is …". */
  definitionBonus: 1.5,
  /** A half word counts its most used completions only. */
  completions: 200,
};

function weighted(packed: number): number {
  return (
    RANKING.title * (packed & 255) +
    RANKING.tags * ((packed >>> 8) & 255) +
    RANKING.body * ((packed >>> 16) & 255) +
    RANKING.parts * (packed >>> 24)
  );
}

/** A term of the index a word matches, with its factor. */
interface Expanded {
  postings: Postings;
  factor: number;
}

interface PreparedAlternative {
  words: Expanded[][];
  check: number | null;
}

/** [stage, kind, communityId, inCommunities, inKinds, inStages, withTags, count]: total and facets in one list. */
export type FacetRow = [string, string, string, boolean, boolean, boolean, boolean, number];

export interface RankedHit {
  itemId: string;
  ordinal: number;
  score: number;
}

/** Passages verified at most per query; beyond, the optimistic score stands. */
const VERIFY_MAX = 2_000;
/** The bonuses (words side by side, a definition) re-rank this many of the best hits, whatever the page. */
export const RERANK_WINDOW = 100;

/**
 * Arrays as long as the index, reused by every ranking on it (a ranking's
 * synchronous part runs alone) and all zero between rankings: allocating
 * megabytes per query would keep the garbage collector busy.
 */
class Scratch {
  best = new Float64Array(0);
  sum = new Float64Array(0);
  matchedIdf = new Float64Array(0);
  here = new Float64Array(0);
  least = new Float64Array(0);
  inScope = new Uint8Array(0);
  touched = new Int32Array(0);
  found = new Int32Array(0);
  matched = new Int32Array(0);
  itemBest = new Float64Array(0);
  itemDoc = new Int32Array(0);

  fit(docs: number, items: number): void {
    if (this.best.length < docs) {
      const size = Math.ceil(docs * 1.25) + 64;
      this.best = new Float64Array(size);
      this.sum = new Float64Array(size);
      this.matchedIdf = new Float64Array(size);
      this.here = new Float64Array(size);
      this.least = new Float64Array(size);
      this.inScope = new Uint8Array(size);
      this.touched = new Int32Array(size);
      this.found = new Int32Array(size);
      this.matched = new Int32Array(size);
    }
    if (this.itemDoc.length < items) {
      const size = Math.ceil(items * 1.25) + 64;
      this.itemBest = new Float64Array(size);
      this.itemDoc = new Int32Array(size).fill(-1);
    }
  }
}

const scratches = new WeakMap<PassageIndex, Scratch>();

/** BM25 saturation of a packed lexeme's weighted frequency, given the passage's length norm. */
function saturated(packed: number, norm: number): number {
  const tf = weighted(packed);
  return (tf * (RANKING.k1 + 1)) / (tf + norm);
}

/**
 * Ranks every passage in scope that matches a meaningful group. Scores are
 * optimistic where a check is open (words of a phrase present, but maybe not
 * in a row): `top` verifies the best candidates through the caller until the
 * order cannot change, then applies the bonuses to the best of them.
 */
export class RankRun {
  /** Per group: passages in scope that match it. */
  readonly df: number[];
  readonly facetRows: FacetRow[] = [];
  readonly tagCounts: [string, number][] = [];
  /** Passages that matched (in scope). */
  readonly matched: number;

  private readonly groups: PreparedAlternative[][];
  private readonly idf: number[];
  private readonly totalIdf: number;
  /** Per passage k1 · (1 − b + b · length / average length). */
  private readonly norms: Float64Array;
  /** The items that pass every filter, with their best passage and its score: the candidates for the page. */
  private rankedSlots = new Int32Array(0);
  private rankedDocs = new Int32Array(0);
  private rankedScores = new Float64Array(0);

  constructor(
    private readonly index: PassageIndex,
    private readonly query: RankQuery,
    filters: RankFilters,
    tagFacetSize: number,
  ) {
    const n = Math.max(index.aliveDocs, 1);
    this.norms = lengthNorms(index);
    this.groups = query.groups.map((g) =>
      g.alternatives.map((a) => ({ check: a.check, words: a.words.map((w) => this.expand(w)) })),
    );
    let scratch = scratches.get(index);
    if (!scratch) scratches.set(index, (scratch = new Scratch()));
    scratch.fit(index.docCount, index.itemCount);
    const { best, sum, matchedIdf, inScope, touched, matched: matchedDocs, itemBest, itemDoc } = scratch;
    const { docAlive, docItem, itemCommunity } = index;
    const norms = this.norms;
    const scope = new Uint8Array(index.communities.size);
    for (const id of filters.readable) {
      const c = index.communities.find(id);
      if (c !== undefined) scope[c] = 1;
    }
    for (let doc = 0; doc < index.docCount; doc++) inScope[doc] = docAlive[doc] & scope[itemCommunity[docItem[doc]]];

    // Per group, the best way each passage matches it (a hot loop: typed arrays only).
    const perGroup: { docs: Int32Array; values: Float64Array }[] = [];
    for (const alternatives of this.groups) {
      let count = 0;
      const raise = (doc: number, value: number) => {
        const previous = best[doc];
        if (value <= previous) return;
        if (previous === 0) touched[count++] = doc;
        best[doc] = value;
      };
      for (const alternative of alternatives) {
        if (alternative.words.length === 1) {
          for (const { postings, factor } of alternative.words[0]) {
            const list = postings.docs;
            const counts = postings.counts;
            for (let i = 0; i < postings.size; i++) {
              const doc = list[i];
              if (!inScope[doc]) continue;
              const value = factor * saturated(counts[i], norms[doc]);
              const previous = best[doc];
              if (value <= previous) continue;
              if (previous === 0) touched[count++] = doc;
              best[doc] = value;
            }
          }
        } else {
          this.allWords(alternative.words, scratch, raise);
        }
      }
      const docs = touched.slice(0, count);
      const values = new Float64Array(count);
      for (let i = 0; i < count; i++) {
        values[i] = best[docs[i]];
        best[docs[i]] = 0;
      }
      perGroup.push({ docs, values });
    }
    this.df = perGroup.map((g) => g.docs.length);
    this.idf = this.df.map((df) => Math.log(1 + (n - df + 0.5) / (df + 0.5)));
    this.totalIdf = this.idf.reduce((total, w) => total + w, 0);

    // Σ idf · value per passage, and the idf it matched.
    let matched = 0;
    perGroup.forEach(({ docs: groupDocs, values }, g) => {
      const idf = this.idf[g];
      for (let i = 0; i < groupDocs.length; i++) {
        const doc = groupDocs[i];
        if (matchedIdf[doc] === 0) matchedDocs[matched++] = doc;
        sum[doc] += idf * values[i];
        matchedIdf[doc] += idf;
      }
    });
    this.matched = matched;

    // Per item its best passage; then the filters per item, total and facets.
    const items: number[] = [];
    for (let i = 0; i < matched; i++) {
      const doc = matchedDocs[i];
      const score = this.combine(sum[doc], matchedIdf[doc]);
      sum[doc] = 0;
      matchedIdf[doc] = 0;
      const slot = docItem[doc];
      if (itemDoc[slot] < 0) {
        items.push(slot);
        itemDoc[slot] = doc;
        itemBest[slot] = score;
      } else if (score > itemBest[slot]) {
        itemBest[slot] = score;
        itemDoc[slot] = doc;
      }
    }
    this.countFacets(items, filters, tagFacetSize, itemBest, itemDoc);
    for (const slot of items) {
      itemDoc[slot] = -1;
      itemBest[slot] = 0;
    }
  }

  /**
   * A multi-word alternative: every word must stand in the passage, and it
   * counts as its weakest word. The rarest word picks the candidates; each
   * further word is looked up per candidate when that is cheaper than
   * reading its postings.
   */
  private allWords(words: Expanded[][], scratch: Scratch, raise: (doc: number, value: number) => void): void {
    const { here, least, found, inScope } = scratch;
    const norms = this.norms;
    const size = (word: Expanded[]) => word.reduce((total, e) => total + e.postings.size, 0);
    const ordered = [...words].sort((a, b) => size(a) - size(b));
    let candidates = new Int32Array(0);
    ordered.forEach((word, w) => {
      if (w === 0) {
        let count = 0;
        for (const { postings, factor } of word) {
          for (let i = 0; i < postings.size; i++) {
            const doc = postings.docs[i];
            if (!inScope[doc]) continue;
            const value = factor * saturated(postings.counts[i], norms[doc]);
            if (value <= here[doc]) continue;
            if (here[doc] === 0) found[count++] = doc;
            here[doc] = value;
          }
        }
        candidates = found.slice(0, count);
        for (const doc of candidates) {
          least[doc] = here[doc];
          here[doc] = 0;
        }
        return;
      }
      const lookUp = candidates.length * Math.log2(size(word) + 2) < size(word);
      if (!lookUp) {
        for (const { postings, factor } of word) {
          for (let i = 0; i < postings.size; i++) {
            const doc = postings.docs[i];
            if (least[doc] === 0) continue;
            const value = factor * saturated(postings.counts[i], norms[doc]);
            if (value > here[doc]) here[doc] = value;
          }
        }
      } else {
        for (const doc of candidates) {
          for (const { postings, factor } of word) {
            const counts = postings.countsIn(doc);
            if (!counts) continue;
            const value = factor * saturated(counts, norms[doc]);
            if (value > here[doc]) here[doc] = value;
          }
        }
      }
      let kept = 0;
      for (const doc of candidates) {
        const value = here[doc];
        here[doc] = 0;
        if (value > 0) {
          least[doc] = Math.min(least[doc], value);
          candidates[kept++] = doc;
        } else least[doc] = 0;
      }
      candidates = candidates.subarray(0, kept);
    });
    for (const doc of candidates) {
      raise(doc, least[doc]);
      least[doc] = 0;
    }
  }

  /**
   * The hits from `offset` on, at most `limit`. First the BM25F order over
   * every match, with a phrase or multi-word synonym verified (through
   * `verify`: per passage, a boolean per check) on the best candidates until
   * the order of the first RERANK_WINDOW (or k) cannot change; then the
   * bonuses re-rank the first RERANK_WINDOW, from the same checks. The window
   * does not depend on the page, so pages never overlap or skip.
   */
  async top(
    offset: number,
    limit: number,
    verify: (passages: { itemId: string; ordinal: number }[]) => Promise<boolean[][]>,
  ): Promise<RankedHit[]> {
    const k = offset + limit;
    const total = this.rankedSlots.length;
    if (!k || !total) return [];
    const settle = Math.min(Math.max(k, RERANK_WINDOW), total);
    const all = Array.from({ length: total }, (_, i) => i);
    const better = (a: number, b: number) => this.better(a, this.rankedScores[a], b, this.rankedScores[b]);
    const hit = (i: number, score: number): RankedHit => ({
      itemId: this.index.itemIds[this.rankedSlots[i]],
      ordinal: this.index.docOrdinal[this.rankedDocs[i]],
      score,
    });
    if (!this.query.checks)
      return topOf(all, k, better)
        .slice(offset)
        .map((i) => hit(i, this.rankedScores[i]));

    const verified = new Map<number, { score: number; bonus: number }>();
    const alternativesChecked = this.groups.some((alternatives) => alternatives.some((a) => a.check !== null));
    let wanted = alternativesChecked ? 2 * settle + 10 : settle;
    let order: number[];
    for (;;) {
      order = topOf(all, Math.min(wanted, total), better);
      const open = order.filter((i) => !verified.has(i));
      if (open.length) {
        const results = await verify(open.map((i) => hit(i, 0)));
        open.forEach((i, j) => verified.set(i, this.scoreDoc(this.rankedDocs[i], results[j] ?? [])));
      }
      if (!alternativesChecked || order.length >= total || verified.size >= VERIFY_MAX) break;
      const settled = [...verified]
        .filter(([, v]) => v.score > 0)
        .sort(([a, va], [b, vb]) => this.better(a, va.score, b, vb.score));
      const last = settled[settle - 1];
      const next = order[order.length - 1];
      // An unverified item can at best keep its optimistic score: the order is final once the last one needed beats it.
      if (last && this.better(last[0], last[1].score, next, this.rankedScores[next]) < 0) break;
      wanted *= 4;
    }
    const scored = order
      .map((i) => ({ i, score: verified.get(i)?.score ?? this.rankedScores[i], bonus: verified.get(i)?.bonus ?? 1 }))
      .filter((h) => h.score > 0)
      .sort((a, b) => this.better(a.i, a.score, b.i, b.score));
    const window = scored
      .slice(0, RERANK_WINDOW)
      .map((h) => ({ ...h, score: h.score * h.bonus }))
      .sort((a, b) => this.better(a.i, a.score, b.i, b.score));
    return [...window, ...scored.slice(RERANK_WINDOW)].slice(offset, k).map((h) => hit(h.i, h.score));
  }

  /** The exact score of one passage before the bonuses, and the bonuses' factor, given which checks hold there. */
  scoreDoc(doc: number, checks: boolean[]): { score: number; bonus: number } {
    let sum = 0;
    let matchedIdf = 0;
    let mask = 0;
    this.groups.forEach((alternatives, g) => {
      let value = 0;
      for (const alternative of alternatives) {
        if (alternative.check !== null && !checks[alternative.check]) continue;
        let altValue = Infinity;
        for (const word of alternative.words) {
          let wordValue = 0;
          for (const { postings, factor } of word) {
            const counts = postings.countsIn(doc);
            if (counts) wordValue = Math.max(wordValue, factor * saturated(counts, this.norms[doc]));
          }
          altValue = Math.min(altValue, wordValue);
        }
        if (altValue > value) value = altValue;
      }
      if (value > 0) {
        sum += this.idf[g] * value;
        matchedIdf += this.idf[g];
        if (g < 32) mask = (mask | (1 << g)) >>> 0;
      }
    });
    if (!matchedIdf) return { score: 0, bonus: 1 };
    return { score: this.combine(sum, matchedIdf), bonus: this.bonus(mask, checks) };
  }

  /** The bonuses' product for a passage matching the groups in `mask`, where `checks` hold. */
  private bonus(mask: number, checks: boolean[]): number {
    let factor = 1;
    const all = this.groups.length >= 32 ? 0xffffffff : 2 ** this.groups.length - 1;
    for (const bonus of this.query.bonuses) {
      const possible = bonus.needs === 'all' ? mask === all : (mask & (mask >>> 1)) !== 0;
      if (possible && checks[bonus.check]) factor *= bonus.factor;
    }
    return factor;
  }

  private combine(sum: number, matchedIdf: number): number {
    const share = this.totalIdf > 0 ? matchedIdf / this.totalIdf : 1;
    return sum * (RANKING.coverage === 1 ? share : Math.pow(share, RANKING.coverage));
  }

  /** Negative when candidate a ranks before candidate b: score, then the more recent item, then the id. */
  private better(a: number, sa: number, b: number, sb: number): number {
    if (sa !== sb) return sb - sa;
    const ua = this.index.itemUpdated[this.rankedSlots[a]];
    const ub = this.index.itemUpdated[this.rankedSlots[b]];
    if (ua !== ub) return ub - ua;
    const ia = this.index.itemIds[this.rankedSlots[a]];
    const ib = this.index.itemIds[this.rankedSlots[b]];
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  }

  private expand(word: RankLexeme[]): Expanded[] {
    const factors = new Map<string, number>();
    for (const { term, prefix, factor, longer } of word) {
      let terms = prefix ? this.index.termsStartingWith(term, RANKING.completions) : [term];
      if (longer !== undefined) terms = terms.filter((t) => t.length <= term.length + longer);
      for (const t of terms) factors.set(t, Math.max(factors.get(t) ?? 0, factor));
    }
    return [...factors].flatMap(([term, factor]) => {
      const postings = this.index.terms.get(term);
      return postings ? [{ postings, factor }] : [];
    });
  }

  private countFacets(
    items: number[],
    filters: RankFilters,
    tagFacetSize: number,
    itemBest: Float64Array,
    itemDoc: Int32Array,
  ): void {
    const { index } = this;
    const allowed = (dictionary: PassageIndex['kinds'], values: string[] | null) => {
      if (!values) return null;
      const set = new Uint8Array(dictionary.size + 1);
      for (const value of values) {
        const id = dictionary.find(value);
        if (id !== undefined) set[id] = 1;
      }
      return set;
    };
    const communities = allowed(index.communities, filters.communities);
    const kinds = allowed(index.kinds, filters.kinds);
    const stages = allowed(index.stages, filters.stages);
    const wantedTags = filters.tags?.map((t) => index.tags.find(t)) ?? null;
    // Counts per (stage, kind, community) cell and which filters hold: one typed array, no map per item.
    const cellCounts = new Int32Array(index.cells.length * 16);
    const tagCounts = new Int32Array(index.tags.size);
    const ranked = new Int32Array(items.length);
    let rankedCount = 0;
    const unfiltered = !communities && !kinds && !stages && !wantedTags;
    for (const slot of items) {
      let flags = 15;
      if (!unfiltered) {
        const c = !communities || communities[index.itemCommunity[slot]] === 1;
        const k = !kinds || kinds[index.itemKind[slot]] === 1;
        const s = !stages || stages[index.itemStage[slot]] === 1;
        const tags = index.itemTags[slot];
        const t = !wantedTags || wantedTags.every((tag) => tag !== undefined && tags.includes(tag));
        flags = (c ? 8 : 0) | (k ? 4 : 0) | (s ? 2 : 0) | (t ? 1 : 0);
      }
      cellCounts[index.itemCell[slot] * 16 + flags] += 1;
      if ((flags & 14) === 14) for (const tag of index.itemTags[slot]) tagCounts[tag] += 1;
      if (flags === 15 && itemBest[slot] > 0) ranked[rankedCount++] = slot;
    }
    this.rankedSlots = ranked.slice(0, rankedCount);
    this.rankedDocs = new Int32Array(rankedCount);
    this.rankedScores = new Float64Array(rankedCount);
    for (let i = 0; i < rankedCount; i++) {
      this.rankedDocs[i] = itemDoc[ranked[i]];
      this.rankedScores[i] = itemBest[ranked[i]];
    }
    cellCounts.forEach((count, at) => {
      if (!count) return;
      const [stage, kind, community] = index.cells[at >> 4];
      const flags = at & 15;
      this.facetRows.push([
        index.stages.values[stage],
        index.kinds.values[kind],
        index.communities.values[community],
        (flags & 8) !== 0,
        (flags & 4) !== 0,
        (flags & 2) !== 0,
        (flags & 1) !== 0,
        count,
      ]);
    });
    const tagList: [string, number][] = [];
    tagCounts.forEach((count, tag) => count && tagList.push([index.tags.values[tag], count]));
    tagList.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    this.tagCounts.push(...tagList.slice(0, tagFacetSize));
  }
}

const normCache = new WeakMap<PassageIndex, { key: string; norms: Float64Array }>();

/** Each passage's BM25 length normalisation, kept per index until its passages or the parameters change. */
function lengthNorms(index: PassageIndex): Float64Array {
  const key = `${index.generation}:${index.docCount}:${index.aliveDocs}:${index.lenSum}:${RANKING.k1}:${RANKING.b}`;
  const cached = normCache.get(index);
  if (cached?.key === key) return cached.norms;
  const avglen = Math.max(index.lenSum / Math.max(index.aliveDocs, 1), 1);
  const norms = new Float64Array(index.docCount);
  for (let doc = 0; doc < index.docCount; doc++)
    norms[doc] = RANKING.k1 * (1 - RANKING.b + (RANKING.b * index.docLen[doc]) / avglen);
  normCache.set(index, { key, norms });
  return norms;
}

/** The first `k` of `list` in the order of `compare`, without sorting all of it. */
export function topOf<T>(list: readonly T[], k: number, compare: (a: T, b: T) => number): T[] {
  if (k <= 0) return [];
  if (list.length <= k * 4) return [...list].sort(compare).slice(0, k);
  // A heap of the k best so far, the worst of them on top.
  const heap: T[] = [];
  const worse = (i: number, j: number) => compare(heap[i], heap[j]) > 0;
  const swap = (i: number, j: number) => ([heap[i], heap[j]] = [heap[j], heap[i]]);
  const down = (start: number) => {
    let i = start;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let top = i;
      if (l < heap.length && worse(l, top)) top = l;
      if (r < heap.length && worse(r, top)) top = r;
      if (top === i) return;
      swap(i, top);
      i = top;
    }
  };
  for (const value of list) {
    if (heap.length < k) {
      heap.push(value);
      let i = heap.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!worse(i, parent)) break;
        swap(i, parent);
        i = parent;
      }
    } else if (compare(value, heap[0]) < 0) {
      heap[0] = value;
      down(0);
    }
  }
  return heap.sort(compare);
}
