import type * as Y from 'yjs';
import { CollabConnection, DocumentRoom, Peer, UpdateOrigin } from './document-room';

/** How documents are stored; the registry never touches storage itself. */
export interface DocumentPersistence {
  /** The stored document as one update, or null when it has none. Throws when it cannot be read. */
  load(name: string): Promise<Uint8Array | null>;
  /** Every change a loaded document accepted; must become durable soon (the store batches). */
  store(name: string, update: Uint8Array, origin: UpdateOrigin): void;
  /** Resolves once everything stored so far for this document is durable; rejects when it is not. */
  flush(name: string): Promise<void>;
  /** The document is about to be unloaded, with nothing pending: compact, keep a revision. */
  unloading(name: string, doc: Y.Doc): Promise<void>;
}

export interface RegistryOptions {
  maxDocumentBytes: number;
  /** How long a document stays loaded after its last connection left. */
  idleMs: number;
  /** A room was loaded and is ready (before anyone joins it). */
  onLoaded?(room: DocumentRoom): void;
  /** A room was unloaded and destroyed. */
  onUnloaded?(room: DocumentRoom): void;
  /** Loading failed after `persistence.load` returned (the stored state did not decode): nothing was loaded. */
  onLoadFailed?(name: string): void;
}

type Entry =
  | { state: 'loading'; promise: Promise<DocumentRoom> }
  | { state: 'ready'; room: DocumentRoom }
  | {
      state: 'unloading';
      room: DocumentRoom;
      promise: Promise<void>;
      /** someone wants the room after all */ keep: boolean;
    };

/**
 * The loaded documents. A document is loaded once however many connections
 * arrive at once, kept while anyone is connected, and unloaded when idle and
 * only once everything it accepted is durable. A failed load creates nothing,
 * so nothing can ever overwrite what is stored.
 */
export class RoomRegistry {
  private readonly entries = new Map<string, Entry>();
  private readonly idleTimers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly persistence: DocumentPersistence,
    private readonly options: RegistryOptions,
  ) {}

  get loadedCount(): number {
    return this.entries.size;
  }

  loaded(name: string): DocumentRoom | undefined {
    const entry = this.entries.get(name);
    return entry && entry.state !== 'loading' ? entry.room : undefined;
  }

  /** Loads (or finds) the document and adds the connection to it. */
  async join(name: string, connection: CollabConnection, peer: Peer): Promise<DocumentRoom> {
    const room = await this.open(name);
    this.cancelIdle(name);
    room.join(connection, peer);
    return room;
  }

  leave(room: DocumentRoom, connection: CollabConnection): void {
    room.leave(connection);
    if (room.size === 0 && this.loaded(room.name) === room) this.scheduleIdle(room);
  }

  /** Runs server-side work (a restore, an import) on a document, loaded or not. */
  async withRoom<T>(name: string, work: (room: DocumentRoom) => T | Promise<T>): Promise<T> {
    const room = await this.open(name);
    this.cancelIdle(name);
    try {
      return await work(room);
    } finally {
      if (room.size === 0) this.scheduleIdle(room);
    }
  }

  /** Closes every connection and unloads every document, flushing first. */
  async closeAll(code: number, reason: string): Promise<void> {
    for (const timer of this.idleTimers.values()) clearTimeout(timer);
    this.idleTimers.clear();
    const names = [...this.entries.keys()];
    await Promise.allSettled(
      names.map(async (name) => {
        const room = await this.open(name).catch(() => null);
        if (!room) return;
        room.closeAll(code, reason);
        await this.unload(room);
      }),
    );
  }

  private async open(name: string): Promise<DocumentRoom> {
    for (;;) {
      const entry = this.entries.get(name);
      if (!entry) return this.load(name);
      if (entry.state === 'loading') return entry.promise;
      if (entry.state === 'ready') return entry.room;
      // Unloading: ask to keep the room, wait for the unload to settle, then look again.
      entry.keep = true;
      await entry.promise.catch(() => undefined);
    }
  }

  private load(name: string): Promise<DocumentRoom> {
    // Started on the next microtask, so the 'loading' entry below is in place before any outcome.
    const promise = Promise.resolve().then(async () => {
      try {
        const state = await this.persistence.load(name);
        let room: DocumentRoom;
        try {
          room = new DocumentRoom(name, state, {
            maxDocumentBytes: this.options.maxDocumentBytes,
            onUpdate: (update, origin) => this.persistence.store(name, update, origin),
          });
        } catch (error) {
          this.options.onLoadFailed?.(name);
          throw error;
        }
        this.entries.set(name, { state: 'ready', room });
        this.options.onLoaded?.(room);
        return room;
      } catch (error) {
        // Reading or decoding failed: forget the attempt, so the next connection tries afresh.
        this.entries.delete(name);
        throw error;
      }
    });
    this.entries.set(name, { state: 'loading', promise });
    return promise;
  }

  private scheduleIdle(room: DocumentRoom): void {
    this.cancelIdle(room.name);
    const timer = setTimeout(() => {
      this.idleTimers.delete(room.name);
      void this.unload(room);
    }, this.options.idleMs);
    timer.unref?.();
    this.idleTimers.set(room.name, timer);
  }

  private cancelIdle(name: string): void {
    const timer = this.idleTimers.get(name);
    if (timer) clearTimeout(timer);
    this.idleTimers.delete(name);
  }

  /** Flushes, then unloads unless someone asked for the room meanwhile. A failed flush keeps the document loaded. */
  private async unload(room: DocumentRoom): Promise<void> {
    const entry = this.entries.get(room.name);
    if (!entry || entry.state !== 'ready' || entry.room !== room) return;
    let unloaded = false;
    const unloading: Entry & { state: 'unloading' } = {
      state: 'unloading',
      room,
      promise: Promise.resolve(),
      keep: false,
    };
    unloading.promise = (async () => {
      await this.persistence.flush(room.name);
      if (unloading.keep) return;
      await this.persistence.unloading(room.name, room.doc);
      if (unloading.keep) return;
      room.destroy();
      unloaded = true;
      this.options.onUnloaded?.(room);
    })();
    this.entries.set(room.name, unloading);
    const promise = unloading.promise;
    try {
      await promise;
    } catch {
      // Not durable yet: stay loaded and try again later.
    } finally {
      if (unloaded) {
        this.entries.delete(room.name);
      } else {
        this.entries.set(room.name, { state: 'ready', room });
        if (room.size === 0) this.scheduleIdle(room);
      }
    }
  }
}
