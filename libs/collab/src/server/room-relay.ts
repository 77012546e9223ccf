import * as Y from 'yjs';
import type { DocumentRoom } from './document-room';
import { awarenessProtocol } from './messages';
import type { RelayMessage } from './relay-messages';

/** The origin of presence applied from another process: never relayed again. */
export const RELAY_ORIGIN = Symbol('relay');

export interface RoomRelayOptions {
  /** How long another copy's change may stay unconfirmed before this copy stores it itself. */
  adoptAfterMs: number;
  now?: () => number;
}

/** A change that must become durable here: its origin never confirmed it. */
export interface Orphan {
  update: Uint8Array;
  userId: string | null;
}

interface Unconfirmed extends Orphan {
  seq: number;
  receivedAt: number;
}

/** A copy asks for a resync at most this often (one answer covers a burst of gaps). */
const RESYNC_INTERVAL_MS = 250;
/** Changes waiting for what they depend on are kept this long, and at most this many. */
const GAP_TTL_MS = 30_000;
const MAX_GAPS = 1_000;

/**
 * One process's copy of a document, kept in step with the copies in other
 * processes: it sends what this process accepted, applies what the others
 * accepted, and relays presence both ways. Transport-free: messages go out
 * through `publish` and come in through `receive`.
 *
 * Nothing is lost when a process dies: every process stores only what its own
 * clients (and itself) wrote and confirms it once durable; the copies that
 * received it keep it until then, and store it themselves when no
 * confirmation comes (`takeOrphans`). Storing a change twice is harmless.
 */
export class RoomRelay {
  readonly id: string;
  private seq = 0;
  private durableSeq = 0;
  private readonly unconfirmed = new Map<string, Unconfirmed[]>();
  private lastResync = -Infinity;
  /** A request was held back by RESYNC_INTERVAL_MS: `tick` sends it. */
  private syncWanted = false;
  /** Changes that depend on something this copy missed, retried once more has arrived. */
  private gaps: { message: RelayMessage & { type: 'update' }; receivedAt: number }[] = [];
  private readonly now: () => number;
  private readonly onAwareness = (
    changes: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => {
    // Only this process's own clients' presence: relayed presence came from the others, and each process times out stale presence itself.
    if (origin === RELAY_ORIGIN || origin === 'timeout') return;
    const clients = [...changes.added, ...changes.updated, ...changes.removed];
    if (clients.length)
      this.publish({
        type: 'awareness',
        from: this.id,
        update: awarenessProtocol.encodeAwarenessUpdate(this.room.awareness, clients),
      });
  };

  constructor(
    readonly room: DocumentRoom,
    private readonly publish: (message: RelayMessage) => void,
    private readonly options: RoomRelayOptions,
  ) {
    this.id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
    this.now = options.now ?? Date.now;
    room.awareness.on('update', this.onAwareness);
  }

  /** Asks the other copies for what is not stored yet, and for their presence. Call once the room is loaded. */
  start(): void {
    this.requestSync(true);
    this.publish({ type: 'awareness-query', from: this.id });
  }

  /** Sends a change this process accepted; returns its number, to confirm with `stored` once durable. */
  published(update: Uint8Array, userId: string | null): number {
    this.seq += 1;
    this.publish({
      type: 'update',
      from: this.id,
      seq: this.seq,
      durableSeq: this.durableSeq,
      userId,
      answer: false,
      update,
    });
    return this.seq;
  }

  /** This process's changes up to `seq` are durable. */
  stored(seq: number): void {
    if (seq <= this.durableSeq) return;
    this.durableSeq = seq;
    this.publish({ type: 'stored', from: this.id, seq });
  }

  receive(message: RelayMessage): void {
    if (message.from === this.id) return;
    switch (message.type) {
      case 'update':
        return this.receiveUpdate(message);
      case 'stored': {
        const waiting = this.unconfirmed.get(message.from);
        if (!waiting) return;
        const left = waiting.filter((entry) => entry.seq > message.seq);
        if (left.length) this.unconfirmed.set(message.from, left);
        else this.unconfirmed.delete(message.from);
        return;
      }
      case 'awareness':
        return awarenessProtocol.applyAwarenessUpdate(this.room.awareness, message.update, RELAY_ORIGIN);
      case 'sync-request': {
        const answer = Y.encodeStateAsUpdate(this.room.doc, message.stateVector);
        this.publish({
          type: 'update',
          from: this.id,
          seq: this.seq,
          durableSeq: this.durableSeq,
          userId: null,
          answer: true,
          update: answer,
        });
        // The asker has something this copy lacks (a message that never reached it, and nothing later depends on): ask back.
        if (this.isBehind(message.stateVector)) this.requestSync(false);
        return;
      }
      case 'awareness-query': {
        const clients = [...this.room.awareness.getStates().keys()];
        if (clients.length)
          this.publish({
            type: 'awareness',
            from: this.id,
            update: awarenessProtocol.encodeAwarenessUpdate(this.room.awareness, clients),
          });
        return;
      }
    }
  }

  /**
   * Changes of other copies that went unconfirmed for too long (or all of
   * them, before this copy goes away): the caller stores them.
   */
  takeOrphans(all = false): Orphan[] {
    const cutoff = this.now() - this.options.adoptAfterMs;
    const orphans: Orphan[] = [];
    for (const [from, waiting] of this.unconfirmed) {
      const keep = all ? [] : waiting.filter((entry) => entry.receivedAt > cutoff);
      for (const entry of waiting)
        if (!keep.includes(entry)) orphans.push({ update: entry.update, userId: entry.userId });
      if (keep.length) this.unconfirmed.set(from, keep);
      else this.unconfirmed.delete(from);
    }
    return orphans;
  }

  /** Asks the other copies again, e.g. after the connection to them was interrupted. */
  resync(): void {
    this.requestSync(true);
  }

  /**
   * Call every second or so: forgets gaps nobody could fill and asks again for
   * the others (a request may have crossed the change it needed).
   */
  tick(): void {
    const cutoff = this.now() - GAP_TTL_MS;
    this.gaps = this.gaps.filter((gap) => gap.receivedAt > cutoff);
    if (this.gaps.length || this.syncWanted) this.requestSync(false);
  }

  get gapCount(): number {
    return this.gaps.length;
  }

  stop(): void {
    this.room.awareness.off('update', this.onAwareness);
  }

  get unconfirmedCount(): number {
    let count = 0;
    for (const waiting of this.unconfirmed.values()) count += waiting.length;
    return count;
  }

  private receiveUpdate(message: RelayMessage & { type: 'update' }): void {
    if (!this.apply(message)) {
      // It depends on something this copy missed: keep it, and ask the others.
      this.gaps.push({ message, receivedAt: this.now() });
      if (this.gaps.length > MAX_GAPS) this.gaps.shift();
      return this.requestSync(false);
    }
    // What arrived may be what a waiting change needed.
    for (let progress = true; progress && this.gaps.length;) {
      const before = this.gaps.length;
      this.gaps = this.gaps.filter((gap) => !this.apply(gap.message));
      progress = this.gaps.length < before;
    }
  }

  private apply(message: RelayMessage & { type: 'update' }): boolean {
    // An answer names no writer: it may hold anyone's content.
    if (!this.room.applyRelayed(message.update, message.answer ? null : message.userId)) return false;
    // Kept until confirmed: the sender's changes, and answers holding content the sender has not stored yet.
    if (message.seq > message.durableSeq && (!message.answer || hasContent(message.update))) {
      let waiting = this.unconfirmed.get(message.from);
      if (!waiting) this.unconfirmed.set(message.from, (waiting = []));
      waiting.push({ seq: message.seq, update: message.update, userId: message.userId, receivedAt: this.now() });
    }
    return true;
  }

  private isBehind(stateVector: Uint8Array): boolean {
    try {
      return isAhead(stateVector, this.room.doc);
    } catch {
      return false; // not a state vector: the answer above told the asker all it can
    }
  }

  private requestSync(force: boolean): void {
    const now = this.now();
    if (!force && now - this.lastResync < RESYNC_INTERVAL_MS) {
      this.syncWanted = true; // asked again on the next tick
      return;
    }
    this.lastResync = now;
    this.syncWanted = false;
    this.publish({ type: 'sync-request', from: this.id, stateVector: Y.encodeStateVector(this.room.doc) });
  }
}

/** Per-client clocks: true when `stateVector` names content this document does not have. */
function isAhead(stateVector: Uint8Array, doc: Y.Doc): boolean {
  for (const [client, clock] of Y.decodeStateVector(stateVector))
    if (clock > Y.getState(doc.store, client)) return true;
  return false;
}

/** True when the update inserts something (every answer carries the sender's whole delete set). */
function hasContent(update: Uint8Array): boolean {
  return Y.decodeUpdate(update).structs.length > 0;
}
