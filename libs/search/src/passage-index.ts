import type { LexemeCounts } from './tsvector';

/** One passage of an item as the index holds it: its lexemes with their counts per weight class. */
export interface IndexedPassage {
  ordinal: number;
  /** Distinct lexemes, for length normalisation. */
  len: number;
  lexemes: LexemeCounts[];
}

/** An item's passages and what search filters and counts it by. */
export interface IndexedItem {
  itemId: string;
  communityId: string;
  kind: string;
  stage: string;
  tags: string[];
  /** Milliseconds since 1970: recency breaks ties. */
  updatedAt: number;
  passages: IndexedPassage[];
}

/** The passages a lexeme stands in (ascending passage numbers) with its packed counts there. */
export class Postings {
  docs = new Int32Array(2);
  counts = new Uint32Array(2);
  size = 0;

  push(doc: number, counts: number): void {
    if (this.size === this.docs.length) {
      this.docs = grow(this.docs, this.size * 2);
      this.counts = grow(this.counts, this.size * 2);
    }
    this.docs[this.size] = doc;
    this.counts[this.size] = counts;
    this.size += 1;
  }

  /** The packed counts in passage `doc`, or 0 when the lexeme is not in it. */
  countsIn(doc: number): number {
    let lo = 0;
    let hi = this.size - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const at = this.docs[mid];
      if (at === doc) return this.counts[mid];
      if (at < doc) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }

  /** Drops the postings of passages that no longer exist, renumbering the rest. */
  keep(renumber: Int32Array): void {
    let out = 0;
    for (let i = 0; i < this.size; i++) {
      const doc = renumber[this.docs[i]];
      if (doc < 0) continue;
      this.docs[out] = doc;
      this.counts[out] = this.counts[i];
      out += 1;
    }
    this.size = out;
    this.docs = this.docs.slice(0, out);
    this.counts = this.counts.slice(0, out);
  }

  /** Gives back the room kept for growth (after a bulk load). */
  trim(): void {
    if (this.docs.length === this.size) return;
    this.docs = this.docs.slice(0, this.size);
    this.counts = this.counts.slice(0, this.size);
  }

  bytes(): number {
    return this.docs.byteLength + this.counts.byteLength;
  }
}

/** Distinct strings (communities, kinds, stages, tags) as small numbers. */
export class Dictionary {
  readonly values: string[] = [];
  private readonly ids = new Map<string, number>();

  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(value, id);
      this.values.push(value);
    }
    return id;
  }

  find(value: string): number | undefined {
    return this.ids.get(value);
  }

  get size(): number {
    return this.values.length;
  }
}

function grow<T extends Int32Array | Uint32Array | Float64Array | Uint8Array>(array: T, length: number): T {
  const bigger = new (array.constructor as new (n: number) => T)(Math.max(length, 2));
  bigger.set(array);
  return bigger;
}

/**
 * Rebuild the postings once this many replaced passages linger and they
 * reach a quarter of the live ones: memory stays within 1.25 times what the
 * live passages need, and a rebuild (linear in the postings, about a second
 * at 100,000 passages) comes once per 25,000 edits there.
 */
const COMPACT_AFTER = 1_000;

/**
 * An inverted index of passages in memory: per lexeme the passages it stands
 * in and how often, per weight class (docs/decisions/search-in-memory.md).
 * Replacing an item gives its passages new numbers; the old ones are marked
 * gone and their postings dropped in a periodic compaction, so postings stay
 * sorted by passage number and an update costs only the item's own lexemes.
 */
export class PassageIndex {
  docItem = new Int32Array(1024);
  docOrdinal = new Int32Array(1024);
  docLen = new Int32Array(1024);
  docAlive = new Uint8Array(1024);
  docCount = 0;
  /** Counts compactions: passage numbers taken before a change of it are stale. */
  generation = 0;
  aliveDocs = 0;
  lenSum = 0;

  readonly itemIds: string[] = [];
  itemCommunity = new Int32Array(1024);
  itemKind = new Int32Array(1024);
  itemStage = new Int32Array(1024);
  itemUpdated = new Float64Array(1024);
  itemAlive = new Uint8Array(1024);
  /** The item's (stage, kind, community) as one number, for counting facets. */
  itemCell = new Int32Array(1024);
  /** Per cell: [stage, kind, community] ids. */
  readonly cells: [number, number, number][] = [];
  private readonly cellIds = new Map<string, number>();
  readonly itemTags: number[][] = [];
  readonly itemDocs: number[][] = [];
  private readonly slots = new Map<string, number>();

  readonly communities = new Dictionary();
  readonly kinds = new Dictionary();
  readonly stages = new Dictionary();
  readonly tags = new Dictionary();
  readonly terms = new Map<string, Postings>();
  private sortedTerms: string[] | null = null;

  get itemCount(): number {
    return this.itemIds.length;
  }

  /** Makes the index hold exactly these passages for the item (an item without passages is removed). */
  put(item: IndexedItem): void {
    this.remove(item.itemId);
    if (!item.passages.length) return;
    const slot = this.slotOf(item.itemId);
    this.itemCommunity[slot] = this.communities.id(item.communityId);
    this.itemKind[slot] = this.kinds.id(item.kind);
    this.itemStage[slot] = this.stages.id(item.stage);
    this.itemUpdated[slot] = item.updatedAt;
    this.itemCell[slot] = this.cellOf(this.itemStage[slot], this.itemKind[slot], this.itemCommunity[slot]);
    this.itemTags[slot] = [...new Set(item.tags)].map((t) => this.tags.id(t));
    this.itemAlive[slot] = 1;
    const docs: number[] = [];
    for (const passage of item.passages) {
      const doc = this.newDoc(slot, passage);
      docs.push(doc);
      for (const { term, counts } of passage.lexemes) {
        let postings = this.terms.get(term);
        if (!postings) {
          postings = new Postings();
          this.terms.set(term, postings);
          this.sortedTerms = null;
        }
        postings.push(doc, counts);
      }
    }
    this.itemDocs[slot] = docs;
  }

  remove(itemId: string): void {
    const slot = this.slots.get(itemId);
    if (slot === undefined || !this.itemAlive[slot]) return;
    this.itemAlive[slot] = 0;
    for (const doc of this.itemDocs[slot]) {
      this.docAlive[doc] = 0;
      this.aliveDocs -= 1;
      this.lenSum -= this.docLen[doc];
    }
    this.itemDocs[slot] = [];
    if (this.docCount - this.aliveDocs > Math.max(COMPACT_AFTER, this.aliveDocs / 4)) this.compact();
  }

  /** Terms that start with `prefix`, at most `max`, the most widely used first. */
  termsStartingWith(prefix: string, max: number): string[] {
    this.sortedTerms ??= [...this.terms.keys()].sort();
    const sorted = this.sortedTerms;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] < prefix) lo = mid + 1;
      else hi = mid;
    }
    const found: string[] = [];
    for (let i = lo; i < sorted.length && sorted[i].startsWith(prefix); i++) found.push(sorted[i]);
    if (found.length <= max) return found;
    return found.sort((a, b) => this.terms.get(b)!.size - this.terms.get(a)!.size || (a < b ? -1 : 1)).slice(0, max);
  }

  /** Drops the postings of replaced passages and renumbers the live ones, keeping their order. */
  compact(): void {
    const renumber = new Int32Array(this.docCount).fill(-1);
    let next = 0;
    for (let doc = 0; doc < this.docCount; doc++) {
      if (!this.docAlive[doc]) continue;
      renumber[doc] = next;
      this.docItem[next] = this.docItem[doc];
      this.docOrdinal[next] = this.docOrdinal[doc];
      this.docLen[next] = this.docLen[doc];
      this.docAlive[next] = 1;
      next += 1;
    }
    this.docAlive.fill(0, next);
    this.docCount = next;
    for (const [term, postings] of this.terms) {
      postings.keep(renumber);
      if (!postings.size) this.terms.delete(term);
    }
    this.sortedTerms = null;
    this.generation += 1;
    for (let slot = 0; slot < this.itemDocs.length; slot++) {
      this.itemDocs[slot] = (this.itemDocs[slot] ?? []).map((doc) => renumber[doc]).filter((doc) => doc >= 0);
    }
  }

  /** Gives back the room the postings kept for growth: after loading every item at once. */
  trim(): void {
    for (const postings of this.terms.values()) postings.trim();
  }

  /** Bytes held in the postings and per-passage arrays (the strings of terms and ids aside). */
  bytes(): number {
    let total =
      this.docItem.byteLength + this.docOrdinal.byteLength + this.docLen.byteLength + this.docAlive.byteLength;
    for (const postings of this.terms.values()) total += postings.bytes();
    return total;
  }

  private cellOf(stage: number, kind: number, community: number): number {
    const key = `${stage}:${kind}:${community}`;
    let cell = this.cellIds.get(key);
    if (cell === undefined) {
      cell = this.cells.length;
      this.cellIds.set(key, cell);
      this.cells.push([stage, kind, community]);
    }
    return cell;
  }

  private slotOf(itemId: string): number {
    let slot = this.slots.get(itemId);
    if (slot !== undefined) return slot;
    slot = this.itemIds.length;
    this.slots.set(itemId, slot);
    this.itemIds.push(itemId);
    this.itemTags.push([]);
    this.itemDocs.push([]);
    if (slot >= this.itemAlive.length) {
      const length = this.itemAlive.length * 2;
      this.itemCommunity = grow(this.itemCommunity, length);
      this.itemKind = grow(this.itemKind, length);
      this.itemStage = grow(this.itemStage, length);
      this.itemUpdated = grow(this.itemUpdated, length);
      this.itemAlive = grow(this.itemAlive, length);
      this.itemCell = grow(this.itemCell, length);
    }
    return slot;
  }

  private newDoc(slot: number, passage: IndexedPassage): number {
    const doc = this.docCount;
    if (doc >= this.docAlive.length) {
      const length = this.docAlive.length * 2;
      this.docItem = grow(this.docItem, length);
      this.docOrdinal = grow(this.docOrdinal, length);
      this.docLen = grow(this.docLen, length);
      this.docAlive = grow(this.docAlive, length);
    }
    this.docItem[doc] = slot;
    this.docOrdinal[doc] = passage.ordinal;
    this.docLen[doc] = passage.len;
    this.docAlive[doc] = 1;
    this.docCount += 1;
    this.aliveDocs += 1;
    this.lenSum += passage.len;
    return doc;
  }
}
