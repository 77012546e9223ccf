import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CLOSE,
  DocumentPersistence,
  DocumentRoom,
  Orphan,
  RoomRegistry,
  UpdateOrigin,
  yDocToText,
} from '@spiraal/collab';
import { DataSource } from 'typeorm';
import * as Y from 'yjs';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { DocumentStore } from '../documents/document.store';
import { ItemBodyService } from '../items/item-body.service';
import { MetricsService } from '../metrics/metrics.service';
import { RedisService } from '../redis/redis.service';
import { RevisionsService } from '../revisions/revisions.service';
import { CollabRelay } from './collab-relay';
import { DocumentCompactor } from './document-compactor';
import { UpdateLog, WrittenBatch } from './update-log';

interface RevisionState {
  lastAt: number;
  dirty: boolean;
  authors: Set<string>;
}

/**
 * The live documents of this process and the write path of every edit, in
 * the order an update travels (docs/ARCHITECTURE.md, "How an edit flows"):
 *
 *   socket   collab.gateway.ts: ticket checked at the upgrade, frames to the room
 *   room     libs/collab DocumentRoom: decodes, applies, sends to this process's
 *            editors, then calls `store` below (through the RoomRegistry)
 *   1. store    an accepted update: published to the other processes (relay),
 *               appended to the update log, derived text and revision marked due
 *   2. durable  the update log wrote a batch: metric, the other processes are
 *               told it is stored, compaction when the log grew long
 *   3. adopt    a change relayed by another process that never confirmed it
 *               stored: appended to the update log here
 *   4. unloading / shutdown: adopt what is left, flush, derive, revise, compact
 *
 * Each process stores what its own clients (and it itself) wrote; what
 * arrives from other processes is only applied, unless adopted (step 3).
 * The update log and the relay are this service's parts: it makes them and
 * hands each the step that follows it.
 */
@Injectable()
export class CollabService implements DocumentPersistence, OnModuleDestroy, BeforeApplicationShutdown {
  private readonly logger = new Logger(CollabService.name);
  readonly registry: RoomRegistry;
  private readonly log: UpdateLog;
  private readonly relay: CollabRelay;
  private readonly storedSeconds;
  private readonly revisionState = new Map<string, RevisionState>();
  private readonly rowsSinceCompaction = new Map<string, number>();
  private readonly compacting = new Set<string>();
  private readonly revisionIntervalMs: number;
  private readonly compactAfterRows: number;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @InjectDataSource() db: DataSource,
    redis: RedisService,
    metrics: MetricsService,
    private readonly documents: DocumentStore,
    private readonly compactor: DocumentCompactor,
    private readonly body: ItemBodyService,
    private readonly revisions: RevisionsService,
  ) {
    this.log = new UpdateLog(db, config, (batch) => this.durable(batch));
    this.relay = new CollabRelay(redis, config, metrics, (itemId, orphan) => this.adopt(itemId, orphan));
    this.relay.onReconnect((room) => void this.catchUp(room));
    this.storedSeconds = metrics.histogram({
      name: 'spiraal_collab_update_stored_seconds',
      help: 'Time from an accepted document update to its row being durable in yjs_updates',
      // Finer around the 250 ms goal of issue 20 (finding 8), so npm run bench:collab can read p50/p99 off it.
      buckets: [0.01, 0.025, 0.05, 0.075, 0.1, 0.125, 0.15, 0.175, 0.2, 0.25, 0.3, 0.4, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10],
    });
    this.registry = new RoomRegistry(this, {
      maxDocumentBytes: config.collab.maxDocumentBytes,
      idleMs: config.collab.idleUnloadMs,
      onLoaded: (room) => this.relay.attach(room),
      onUnloaded: (room) => this.unloaded(room.name, room),
      onLoadFailed: (itemId) => this.unloaded(itemId, null),
    });
    this.revisionIntervalMs = config.collab.revisionIntervalMs;
    this.compactAfterRows = config.collab.compactAfterRows;
  }

  /**
   * Item ids whose body was written anew (a revision restored), after the
   * change: what points into the old text (comment anchors) finds its place again.
   */
  private readonly rewriteHooks: ((itemId: string) => Promise<void>)[] = [];

  onBodyRewritten(hook: (itemId: string) => Promise<void>): void {
    this.rewriteHooks.push(hook);
  }

  async bodyRewritten(itemId: string): Promise<void> {
    await Promise.all(this.rewriteHooks.map((hook) => hook(itemId)));
  }

  /** The item's current document to read from: the one loaded in this process, else its stored state. Do not change it. */
  async currentDocument(itemId: string): Promise<Y.Doc> {
    const room = this.registry.loaded(itemId);
    if (room) return room.doc;
    const doc = new Y.Doc();
    const state = await this.documents.load(itemId);
    if (state) Y.applyUpdate(doc, state);
    return doc;
  }

  /** Runs work on an item's live document (loading it when needed); connected editors see the result. */
  withDocument<T>(itemId: string, work: (room: DocumentRoom) => T | Promise<T>): Promise<T> {
    return this.registry.withRoom(itemId, work);
  }

  // The write path, step by step.

  /** 1. An update a loaded room accepted (from a client, the server itself, or another process). */
  store(itemId: string, update: Uint8Array, origin: UpdateOrigin): void {
    const room = this.registry.loaded(itemId);
    if (origin.kind === 'relay') {
      // Another process stores it; the derived text here follows too (that process may be gone before it derives).
      if (room) this.body.touched(itemId, room.doc, null);
      return;
    }
    const userId = origin.userId;
    const mark = this.relay.published(itemId, update, userId);
    this.log.append(itemId, update, userId, mark);
    if (room) {
      this.body.touched(itemId, room.doc, userId);
      this.noteRevision(itemId, room.doc, userId);
    }
  }

  /** 2. The update log made a batch durable. */
  private durable({ itemId, rows, mark, waitedSeconds }: WrittenBatch): void {
    for (const seconds of waitedSeconds) this.storedSeconds.observe(seconds);
    this.relay.stored(itemId, mark);
    this.compactWhenLong(itemId, rows);
  }

  /** 3. A change relayed by another process that never confirmed it stored (it died): stored here. */
  private adopt(itemId: string, orphan: Orphan): void {
    this.log.append(itemId, orphan.update, orphan.userId);
  }

  /** Resolves when everything appended for this document so far is durable. */
  flush(itemId: string): Promise<void> {
    return this.log.flush(itemId);
  }

  /** 4. The document is about to unload, with nothing pending. */
  async unloading(itemId: string, doc: Y.Doc): Promise<void> {
    // Changes other processes never confirmed as stored are stored here before this copy goes.
    const orphans = this.relay.orphans(itemId);
    for (const orphan of orphans) this.adopt(itemId, orphan);
    if (orphans.length) await this.log.flush(itemId);
    await this.body.refresh(itemId);
    const revision = this.revisionState.get(itemId);
    if (revision?.dirty) await this.recordRevision(itemId, doc, revision);
    await this.compactor.compact(itemId);
  }

  onModuleDestroy(): void {
    this.relay.close();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.registry.closeAll(CLOSE.goingAway.code, CLOSE.goingAway.reason);
    await this.log.flushAll();
    await this.body.refreshAll();
  }

  // Loading and unloading (DocumentPersistence and the registry's events).

  async load(itemId: string): Promise<Uint8Array | null> {
    // Subscribed first: whatever other processes send from now on reaches the room (or its sync at attach).
    await this.relay.subscribe(itemId);
    try {
      const state = await this.documents.load(itemId);
      this.revisionState.set(itemId, { lastAt: Date.now(), dirty: false, authors: new Set() });
      return state;
    } catch (error) {
      await this.relay.unsubscribe(itemId);
      throw error;
    }
  }

  /** The document is gone from this process (unloaded, or its stored state did not load): forget its state here. */
  private unloaded(itemId: string, room: DocumentRoom | null): void {
    this.revisionState.delete(itemId);
    this.rowsSinceCompaction.delete(itemId);
    if (room) this.relay.detach(room);
    else void this.relay.unsubscribe(itemId);
  }

  /** After a Redis outage: what other processes stored meanwhile (their sync answers bring the rest). */
  private async catchUp(room: DocumentRoom): Promise<void> {
    try {
      const state = await this.documents.load(room.name);
      if (state && this.registry.loaded(room.name) === room) room.applyRelayed(state, null);
    } catch (error) {
      this.logger.error(`Catching up on ${room.name} failed: ${String(error)}`);
    }
  }

  // Revisions and compaction, as the write path asks for them.

  private noteRevision(itemId: string, doc: Y.Doc, userId: string | null): void {
    const state = this.revisionState.get(itemId);
    if (!state) return;
    state.dirty = true;
    if (userId) state.authors.add(userId);
    if (Date.now() - state.lastAt >= this.revisionIntervalMs) void this.recordRevision(itemId, doc, state);
  }

  /** Long editing sessions are compacted while loaded, so loading stays fast. */
  private compactWhenLong(itemId: string, rows: number): void {
    const total = (this.rowsSinceCompaction.get(itemId) ?? 0) + rows;
    this.rowsSinceCompaction.set(itemId, total);
    if (total < this.compactAfterRows || this.compacting.has(itemId)) return;
    this.rowsSinceCompaction.set(itemId, 0);
    this.compacting.add(itemId);
    this.compactor
      .compact(itemId)
      .catch((error: unknown) => this.logger.error(`Compacting ${itemId} failed: ${String(error)}`))
      .finally(() => this.compacting.delete(itemId));
  }

  private async recordRevision(itemId: string, doc: Y.Doc, state: RevisionState): Promise<void> {
    const authors = [...state.authors];
    state.lastAt = Date.now();
    state.dirty = false;
    state.authors.clear();
    try {
      await this.revisions.record(itemId, doc, yDocToText(doc), authors);
    } catch (error) {
      this.logger.error(`Recording a revision of ${itemId} failed: ${String(error)}`);
    }
  }
}
