import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { CLOSE, DocumentPersistence, DocumentRoom, RoomRegistry, UpdateOrigin, yDocToText } from '@spiraal/collab';
import type * as Y from 'yjs';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { DocumentStore } from '../documents/document.store';
import { ItemBodyService } from '../items/item-body.service';
import { RevisionsService } from '../revisions/revisions.service';
import { CollabRelay } from './collab-relay';
import { DocumentCompactor } from './document-compactor';
import { UpdateLog } from './update-log';


interface RevisionState {
  lastAt: number;
  dirty: boolean;
  authors: Set<string>;
}

/**
 * The live documents of this process: the registry of loaded rooms, wired to
 * storage (update log, snapshots), derived data, revisions, and the relay to
 * other API processes. Each process stores what its own clients (and it
 * itself) wrote; what arrives from other processes is only applied.
 */
@Injectable()
export class CollabService implements DocumentPersistence, BeforeApplicationShutdown {
  private readonly logger = new Logger(CollabService.name);
  readonly registry: RoomRegistry;
  private readonly revisionState = new Map<string, RevisionState>();
  private readonly rowsSinceCompaction = new Map<string, number>();
  private readonly compacting = new Set<string>();
  private readonly revisionIntervalMs: number;
  private readonly compactAfterRows: number;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly documents: DocumentStore,
    private readonly log: UpdateLog,
    private readonly compactor: DocumentCompactor,
    private readonly body: ItemBodyService,
    private readonly revisions: RevisionsService,
    private readonly relay: CollabRelay,
  ) {
    this.registry = new RoomRegistry(this, {
      maxDocumentBytes: config.collab.maxDocumentBytes,
      idleMs: config.collab.idleUnloadMs,
      onLoaded: (room) => this.relay.attach(room),
      onUnloaded: (room) => this.unloaded(room.name, room),
      onLoadFailed: (itemId) => this.unloaded(itemId, null),
    });
    this.revisionIntervalMs = config.collab.revisionIntervalMs;
    this.compactAfterRows = config.collab.compactAfterRows;
    this.log.onWritten = (itemId, rows, mark) => {
      this.relay.stored(itemId, mark);
      this.compactWhenLong(itemId, rows);
    };
    this.relay.storeOrphan = (itemId, orphan) => this.log.append(itemId, orphan.update, orphan.userId);
    this.relay.onReconnect((room) => void this.catchUp(room));
  }

  /** Runs work on an item's live document (loading it when needed); connected editors see the result. */
  withDocument<T>(itemId: string, work: (room: DocumentRoom) => T | Promise<T>): Promise<T> {
    return this.registry.withRoom(itemId, work);
  }

  // DocumentPersistence, called by the registry

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

  store(itemId: string, update: Uint8Array, origin: UpdateOrigin): void {
    const room = this.registry.loaded(itemId);
    if (origin.kind === 'relay') {
      // Another process stores it; the derived text here follows too (that process may be gone before it derives).
      if (room) this.body.touched(itemId, room.doc, null);
      return;
    }
    const userId = origin.userId;
    this.log.append(itemId, update, userId, this.relay.published(itemId, update, userId));
    if (room) {
      this.body.touched(itemId, room.doc, userId);
      this.noteRevision(itemId, room.doc, userId);
    }
  }

  flush(itemId: string): Promise<void> {
    return this.log.flush(itemId);
  }

  async unloading(itemId: string, doc: Y.Doc): Promise<void> {
    // Changes other processes never confirmed as stored are stored here before this copy goes.
    const orphans = this.relay.orphans(itemId);
    for (const orphan of orphans) this.log.append(itemId, orphan.update, orphan.userId);
    if (orphans.length) await this.log.flush(itemId);
    await this.body.refresh(itemId);
    const revision = this.revisionState.get(itemId);
    if (revision?.dirty) await this.recordRevision(itemId, doc, revision);
    await this.compactor.compact(itemId);
  }

  /** The document is gone from this process (unloaded, or its stored state did not load): forget its state here. */
  private unloaded(itemId: string, room: DocumentRoom | null): void {
    this.revisionState.delete(itemId);
    this.rowsSinceCompaction.delete(itemId);
    if (room) this.relay.detach(room);
    else void this.relay.unsubscribe(itemId);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.registry.closeAll(CLOSE.goingAway.code, CLOSE.goingAway.reason);
    await this.log.flushAll();
    await this.body.refreshAll();
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
