import type { PassageIndex, Postings } from './passage-index';

/** A lexeme a query word matches, and how much a match through it counts (word as typed 1, its stem 0.9, else 0.7). */
export interface RankLexeme {
  term: string;
  /** Matches every term that starts with it (a half-typed word). */
  prefix: boolean;
  factor: number;
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

export interface RankQuery {
  /** The meaningful groups of the query, in order. */
  groups: { alternatives: RankAlternative[] }[];
  /** The check that two neighbouring groups stand side by side (the phrase bonus), or null. */
  bonusCheck: number | null;
  /** How many checks the alternatives and the bonus number. */
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

/**
 * Ranks every passage in scope that matches a meaningful group. Scores are
 * optimistic where a check is open (words of a phrase present, but maybe not
 * in a row): `top` verifies the best candidates through the caller until the
 * page cannot change, so the page is exact.
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
  private readonly avglen: number;
  private readonly itemBest: Float64Array;
  private readonly itemDoc: Int32Array;
  private readonly ranked: number[] = [];

  constructor(
    private readonly index: PassageIndex,
    private readonly query: RankQuery,
    filters: RankFilters,
    tagFacetSize: number,
  ) {
    const n = Math.max(index.aliveDocs, 1);
    this.avglen = Math.max(index.lenSum / n, 1);
    this.groups = query.groups.map((g) =>
      g.alternatives.map((a) => ({ check: a.check, words: a.words.map((w) => this.expand(w)) })),
    );
    const scope = new Uint8Array(index.communities.size);
    for (const id of filters.readable) {
      const c = index.communities.find(id);
      if (c !== undefined) scope[c] = 1;
    }

    // Per group, the best way each passage matches it.
    const best = new Float64Array(index.docCount);
    const perGroup: { docs: Int32Array; values: Float64Array }[] = [];
    for (const alternatives of this.groups) {
      const touched: number[] = [];
      const raise = (doc: number, value: number) => {
        if (value <= best[doc]) return;
        if (best[doc] === 0) touched.push(doc);
        best[doc] = value;
      };
      for (const alternative of alternatives) {
        if (alternative.words.length === 1) {
          for (const { postings, factor } of alternative.words[0]) {
            const { docs, counts, size } = postings;
            for (let i = 0; i < size; i++) {
              const doc = docs[i];
              if (!index.docAlive[doc] || !scope[index.itemCommunity[index.docItem[doc]]]) continue;
              raise(doc, factor * this.saturate(counts[i], doc));
            }
          }
        } else {
          const perWord = alternative.words.map((word) => {
            const values = new Map<number, number>();
            for (const { postings, factor } of word) {
              const { docs, counts, size } = postings;
              for (let i = 0; i < size; i++) {
                const doc = docs[i];
                if (!index.docAlive[doc] || !scope[index.itemCommunity[index.docItem[doc]]]) continue;
                const value = factor * this.saturate(counts[i], doc);
                if (value > (values.get(doc) ?? 0)) values.set(doc, value);
              }
            }
            return values;
          });
          perWord.sort((a, b) => a.size - b.size);
          for (const [doc, first] of perWord[0]) {
            let value = first;
            for (let w = 1; w < perWord.length && value > 0; w++) value = Math.min(value, perWord[w].get(doc) ?? 0);
            if (value > 0) raise(doc, value);
          }
        }
      }
      const docs = Int32Array.from(touched);
      const values = new Float64Array(docs.length);
      docs.forEach((doc, i) => {
        values[i] = best[doc];
        best[doc] = 0;
      });
      perGroup.push({ docs, values });
    }
    this.df = perGroup.map((g) => g.docs.length);
    this.idf = this.df.map((df) => Math.log(1 + (n - df + 0.5) / (df + 0.5)));
    this.totalIdf = this.idf.reduce((sum, w) => sum + w, 0);

    // Σ idf · value per passage, the idf it matched, and which groups.
    const sum = best;
    const matchedIdf = new Float64Array(index.docCount);
    const mask = new Uint32Array(index.docCount);
    const docs: number[] = [];
    perGroup.forEach(({ docs: groupDocs, values }, g) => {
      const idf = this.idf[g];
      const bit = g < 32 ? 1 << g : 0;
      for (let i = 0; i < groupDocs.length; i++) {
        const doc = groupDocs[i];
        if (matchedIdf[doc] === 0) docs.push(doc);
        sum[doc] += idf * values[i];
        matchedIdf[doc] += idf;
        mask[doc] |= bit;
      }
    });
    this.matched = docs.length;

    // Per item its best passage; the filters per item; total and facets.
    this.itemBest = new Float64Array(index.itemCount);
    this.itemDoc = new Int32Array(index.itemCount).fill(-1);
    const items: number[] = [];
    for (const doc of docs) {
      const bonus = query.bonusCheck !== null && (mask[doc] & (mask[doc] >>> 1)) !== 0;
      const score = this.combine(sum[doc], matchedIdf[doc], bonus);
      const slot = index.docItem[doc];
      if (this.itemDoc[slot] < 0) items.push(slot);
      if (this.itemDoc[slot] < 0 || score > this.itemBest[slot]) {
        this.itemBest[slot] = score;
        this.itemDoc[slot] = doc;
      }
    }
    this.countFacets(items, filters, tagFacetSize);
  }

  /** The hits from `offset` on, at most `limit`, verifying open checks through `verify` (per passage, a boolean per check). */
  async top(
    offset: number,
    limit: number,
    verify: (passages: { itemId: string; ordinal: number }[]) => Promise<boolean[][]>,
  ): Promise<RankedHit[]> {
    const k = offset + limit;
    if (!k) return [];
    const better = (a: number, b: number) => this.better(a, this.itemBest[a], b, this.itemBest[b]);
    if (!this.query.checks) return this.hits(topOf(this.ranked, k, better).slice(offset));

    const verified = new Map<number, number>();
    let wanted = 2 * k + 10;
    let order: number[];
    for (;;) {
      order = topOf(this.ranked, Math.min(wanted, this.ranked.length), better);
      const open = order.filter((slot) => !verified.has(slot));
      if (open.length) {
        const results = await verify(
          open.map((slot) => ({
            itemId: this.index.itemIds[slot],
            ordinal: this.index.docOrdinal[this.itemDoc[slot]],
          })),
        );
        open.forEach((slot, i) => verified.set(slot, this.scoreDoc(this.itemDoc[slot], results[i] ?? [])));
      }
      if (order.length >= this.ranked.length || verified.size >= VERIFY_MAX) break;
      const settled = [...verified]
        .filter(([, score]) => score > 0)
        .sort(([a, sa], [b, sb]) => this.better(a, sa, b, sb));
      const kth = settled[k - 1];
      const next = order[order.length - 1];
      // The next unverified item can at best keep its optimistic score: the page is final once the k-th beats it.
      if (kth && this.better(kth[0], kth[1], next, this.itemBest[next]) < 0) break;
      wanted *= 4;
    }
    const final = order
      .map((slot) => [slot, verified.get(slot) ?? this.itemBest[slot]] as const)
      .filter(([, score]) => score > 0)
      .sort(([a, sa], [b, sb]) => this.better(a, sa, b, sb));
    return final.slice(offset, k).map(([slot, score]) => ({
      itemId: this.index.itemIds[slot],
      ordinal: this.index.docOrdinal[this.itemDoc[slot]],
      score,
    }));
  }

  /** The exact score of one passage, given which checks hold there. */
  scoreDoc(doc: number, checks: boolean[]): number {
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
            if (counts) wordValue = Math.max(wordValue, factor * this.saturate(counts, doc));
          }
          altValue = Math.min(altValue, wordValue);
        }
        if (altValue > value) value = altValue;
      }
      if (value > 0) {
        sum += this.idf[g] * value;
        matchedIdf += this.idf[g];
        if (g < 32) mask |= 1 << g;
      }
    });
    if (!matchedIdf) return 0;
    const bonus = this.query.bonusCheck !== null && !!checks[this.query.bonusCheck] && (mask & (mask >>> 1)) !== 0;
    return this.combine(sum, matchedIdf, bonus);
  }

  private combine(sum: number, matchedIdf: number, bonus: boolean): number {
    const share = this.totalIdf > 0 ? matchedIdf / this.totalIdf : 1;
    return sum * Math.pow(share, RANKING.coverage) * (bonus ? RANKING.phraseBonus : 1);
  }

  private saturate(packed: number, doc: number): number {
    const tf = weighted(packed);
    const norm = 1 - RANKING.b + (RANKING.b * this.index.docLen[doc]) / this.avglen;
    return (tf * (RANKING.k1 + 1)) / (tf + RANKING.k1 * norm);
  }

  /** Negative when item a ranks before item b: score, then the more recent, then the id. */
  private better(a: number, sa: number, b: number, sb: number): number {
    if (sa !== sb) return sb - sa;
    const ua = this.index.itemUpdated[a];
    const ub = this.index.itemUpdated[b];
    if (ua !== ub) return ub - ua;
    const ia = this.index.itemIds[a];
    const ib = this.index.itemIds[b];
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  }

  private hits(slots: number[]): RankedHit[] {
    return slots.map((slot) => ({
      itemId: this.index.itemIds[slot],
      ordinal: this.index.docOrdinal[this.itemDoc[slot]],
      score: this.itemBest[slot],
    }));
  }

  private expand(word: RankLexeme[]): Expanded[] {
    const factors = new Map<string, number>();
    for (const { term, prefix, factor } of word) {
      const terms = prefix ? this.index.termsStartingWith(term, RANKING.completions) : [term];
      for (const t of terms) factors.set(t, Math.max(factors.get(t) ?? 0, factor));
    }
    return [...factors].flatMap(([term, factor]) => {
      const postings = this.index.terms.get(term);
      return postings ? [{ postings, factor }] : [];
    });
  }

  private countFacets(items: number[], filters: RankFilters, tagFacetSize: number): void {
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
    const rows = new Map<string, FacetRow>();
    const tagCounts = new Int32Array(index.tags.size);
    for (const slot of items) {
      const c = !communities || !!communities[index.itemCommunity[slot]];
      const k = !kinds || !!kinds[index.itemKind[slot]];
      const s = !stages || !!stages[index.itemStage[slot]];
      const tags = index.itemTags[slot];
      const t = !wantedTags || wantedTags.every((tag) => tag !== undefined && tags.includes(tag));
      const key = `${index.itemStage[slot]}|${index.itemKind[slot]}|${index.itemCommunity[slot]}|${+c}${+k}${+s}${+t}`;
      const row = rows.get(key);
      if (row) row[7] += 1;
      else
        rows.set(key, [
          index.stages.values[index.itemStage[slot]],
          index.kinds.values[index.itemKind[slot]],
          index.communities.values[index.itemCommunity[slot]],
          c,
          k,
          s,
          t,
          1,
        ]);
      if (c && k && s) for (const tag of tags) tagCounts[tag] += 1;
      if (c && k && s && t && this.itemBest[slot] > 0) this.ranked.push(slot);
    }
    this.facetRows.push(...rows.values());
    const tagList: [string, number][] = [];
    tagCounts.forEach((count, tag) => count && tagList.push([index.tags.values[tag], count]));
    tagList.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    this.tagCounts.push(...tagList.slice(0, tagFacetSize));
  }
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
