import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IndexedItem, parseTsvector, PassageIndex } from '@spiraal/search';
import { performance } from 'node:perf_hooks';
import type { DataSource } from 'typeorm';

/** Passages read per statement when loading. */
const LOAD_BATCH = 2_000;
/** Followed in the background this often, so a search seldom has much to catch up on. */
const FOLLOW_EVERY_MS = 2_000;
/** More changed items than this at once (a rebuild): read everything again. */
const RELOAD_ABOVE = 10_000;
/** Changes are kept this long; a process that followed longer ago reads everything again. */
const KEEP_CHANGES = '1 hour';
const STALE_AFTER_MS = 30 * 60_000;
const TRIM_EVERY_MS = 5 * 60_000;

interface PassageRow {
  item_id: string;
  ordinal: number;
  community_id: string;
  kind: string;
  stage: string;
  tags: string[];
  updated_at: Date;
  len: number;
  tsv: string;
}

const PASSAGE_COLUMNS = 'item_id, ordinal, community_id, kind, stage, tags, updated_at, len, tsv::text AS tsv';

/**
 * This process's copy of search_passages as an in-memory index
 * (docs/decisions/search-in-memory.md). Loaded on first use, then kept equal
 * to the table by following search_changes, which triggers fill on every
 * write. Before each search it catches up with every change committed
 * before the search began, so every API process answers the same.
 */
@Injectable()
export class SearchMirror implements OnModuleDestroy {
  private readonly logger = new Logger(SearchMirror.name);
  private index: PassageIndex | null = null;
  private loading: Promise<void> | null = null;
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;
  /** Changes by transactions from this id on may not all have been seen yet. */
  private horizon = '0';
  /** The last "read everything again" marker (a TRUNCATE) seen. */
  private lastReset = '0';
  /** When the last finished round (or load) began, and when the running round began. */
  private followedFrom = -Infinity;
  private runningFrom = -Infinity;
  private trimmedAt = -Infinity;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The index, with every change committed before `since` (a
   * `performance.now()` time; by default this call). A round of following
   * that began after `since` already saw all of them, so a search that
   * starts one early (beside its other reads) does not wait for a second.
   */
  async current(since = performance.now()): Promise<PassageIndex> {
    if (!this.index) await (this.loading ??= this.load().finally(() => (this.loading = null)));
    if (this.followedFrom >= since) return this.index!;
    if (this.running && this.runningFrom >= since) await this.running;
    else await this.follow();
    return this.index!;
  }

  /** Whether the index has been read (it is kept up to date from then on). */
  get loaded(): boolean {
    return this.index !== null;
  }

  /** Starts loading, if not already under way: at server start, and when a search finds it not loaded. */
  warm(): void {
    if (this.index || this.loading) return;
    this.current().catch((error) => this.logger.warn(`Loading the search index failed: ${String(error)}`));
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await Promise.allSettled([this.loading, this.running, this.queued]);
  }

  /** Brings the index up to date; callers that arrive while a round runs share the next one. */
  private follow(): Promise<void> {
    if (!this.running) {
      this.runningFrom = performance.now();
      this.running = this.followOnce().finally(() => (this.running = null));
      return this.running;
    }
    this.queued ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = null;
        return this.follow();
      });
    return this.queued;
  }

  private async followOnce(): Promise<void> {
    if (performance.now() - this.followedFrom > STALE_AFTER_MS) return this.load();
    const from = performance.now();
    const [row]: { xmin: string; reset: string; items: string[] | null }[] = await this.db.query(
      `SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin,
              (SELECT coalesce(max(id), 0) FROM search_changes WHERE item_id IS NULL)::text AS reset,
              (SELECT array_agg(DISTINCT item_id) FROM search_changes WHERE xid >= $1::xid8 AND item_id IS NOT NULL) AS items`,
      [this.horizon],
    );
    if (row.reset !== this.lastReset || (row.items?.length ?? 0) > RELOAD_ABOVE) return this.load();
    const items = row.items ?? [];
    if (items.length) {
      const rows: PassageRow[] = await this.db.query(
        `SELECT ${PASSAGE_COLUMNS} FROM search_passages WHERE item_id = ANY($1::uuid[]) ORDER BY item_id, ordinal`,
        [items],
      );
      const found = new Set<string>();
      for (const item of groupByItem(rows)) {
        found.add(item.itemId);
        this.index!.put(item);
      }
      for (const itemId of items) if (!found.has(itemId)) this.index!.remove(itemId);
    }
    // Every transaction below this id has ended and was read: the next round starts here.
    this.horizon = row.xmin;
    this.followedFrom = Math.max(this.followedFrom, from);
    if (from - this.trimmedAt > TRIM_EVERY_MS) {
      this.trimmedAt = from;
      await this.db.query(`DELETE FROM search_changes WHERE changed_at < now() - interval '${KEEP_CHANGES}'`);
    }
  }

  /** Reads every passage into a new index, then swaps it in. */
  private async load(): Promise<void> {
    const from = performance.now();
    // Taken first: any change the reads below miss belongs to a transaction from this id on, which following re-reads.
    const [mark]: { xmin: string; reset: string }[] = await this.db.query(
      `SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin,
              (SELECT coalesce(max(id), 0) FROM search_changes WHERE item_id IS NULL)::text AS reset`,
    );
    const index = new PassageIndex();
    let after: [string, number] | null = null;
    let pending: PassageRow[] = [];
    for (;;) {
      const rows: PassageRow[] = await this.db.query(
        `SELECT ${PASSAGE_COLUMNS} FROM search_passages
          ${after ? 'WHERE (item_id, ordinal) > ($1::uuid, $2::int)' : ''}
          ORDER BY item_id, ordinal LIMIT ${LOAD_BATCH}`,
        after ?? [],
      );
      if (!rows.length) break;
      const last = rows[rows.length - 1];
      after = [last.item_id, last.ordinal];
      // An item's passages may continue in the next batch: keep its rows until the next item begins.
      const all = pending.concat(rows);
      const cut = all.findIndex((r) => r.item_id === last.item_id);
      for (const item of groupByItem(all.slice(0, cut))) index.put(item);
      pending = all.slice(cut);
      if (rows.length < LOAD_BATCH) break;
    }
    for (const item of groupByItem(pending)) index.put(item);
    index.trim();
    this.index = index;
    this.horizon = mark.xmin;
    this.lastReset = mark.reset;
    this.followedFrom = Math.max(this.followedFrom, from);
    if (!this.timer && !this.stopped) {
      this.timer = setInterval(() => {
        this.follow().catch((error) => this.logger.warn(`Following search changes failed: ${String(error)}`));
      }, FOLLOW_EVERY_MS);
      this.timer.unref();
    }
    this.logger.log(
      `Search index loaded: ${index.aliveDocs} passages, ${index.terms.size} terms, ` +
        `${Math.round(index.bytes() / 2 ** 20)} MB, ${Math.round(performance.now() - from)} ms`,
    );
  }
}

/** Rows ordered by item, as one IndexedItem per item. */
function groupByItem(rows: PassageRow[]): IndexedItem[] {
  const items: IndexedItem[] = [];
  let current: IndexedItem | undefined;
  for (const row of rows) {
    if (!current || current.itemId !== row.item_id) {
      current = {
        itemId: row.item_id,
        communityId: row.community_id,
        kind: row.kind,
        stage: row.stage,
        tags: row.tags,
        updatedAt: new Date(row.updated_at).getTime(),
        passages: [],
      };
      items.push(current);
    }
    current.passages.push({ ordinal: row.ordinal, len: row.len, lexemes: parseTsvector(row.tsv) });
  }
  return items;
}
