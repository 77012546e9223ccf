import { readAuthMessage } from 'y-protocols/auth';
import { Awareness } from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { CollabTicketDocument, type CollabTicketMutation } from '../../shared/api/generated/graphql';
import { ApiError, graphql } from '../../shared/api/graphql';
import { closeOutcome, collabState, CollabState, Fatal, retryDelay } from './collab-state';
import { colorFor, safeColor } from './people';
import type { CollabMode } from './proposal-mode';

export type { CollabPhase, CollabState } from './collab-state';

export type CollabTicket = CollabTicketMutation['collabTicket'];

export type TicketSource = (itemId: string) => Promise<CollabTicket>;

export const fetchTicket: TicketSource = async (itemId) =>
  (await graphql(CollabTicketDocument, { itemId })).collabTicket;

export interface Peer {
  id: string;
  name: string;
  color: string;
  self: boolean;
}

export interface SessionUser {
  id: string;
  name: string;
}

const MESSAGE_SYNC = 0;
const MESSAGE_AUTH = 2;
const SYNC_STEP_1 = 0;
const SYNC_STEP_2 = 1;

/**
 * One live document: the Y.Doc, its presence (awareness) and the y-websocket
 * connection, with fresh tickets for every connection.
 *
 * Reconnecting: the provider's own reconnect would reuse `params.ticket`,
 * which expires after 120 s. So on every closed connection we stop the
 * provider (`shouldConnect = false`, which turns its scheduled reconnect into
 * a no-op), wait a backoff, fetch a new ticket, set `serverUrl` and
 * `params.ticket` and call `connect()`. While the server is down the ticket
 * request fails (NETWORK) and is retried with the same backoff; a refused
 * ticket (NOT_FOUND, FORBIDDEN) means the access is gone.
 *
 * Saved state: the server does not acknowledge updates, but it answers a
 * sync step 1 with a step 2, in order, after the frames before it. So after a
 * local change we send a step 1 ("probe") once the change was sent; its step 2
 * confirms that the server has every change made before it.
 */
let sessions = 0;

export class CollabSession {
  /** Unique per session, for React keys. */
  readonly key = ++sessions;
  readonly doc = new Y.Doc();
  readonly awareness: Awareness;
  readonly provider: WebsocketProvider;
  readonly user: { id: string; name: string; color: string };

  private readonly listeners = new Set<() => void>();
  private state: CollabState = { phase: 'connecting', readOnly: false, loaded: false, unsaved: false, refused: false };
  private peers: Peer[] = [];
  private destroyed = false;
  private started = false;
  private opening = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private attempts = 0;
  private fatal: Fatal | null = null;
  private loadFailed = false;
  private readOnly = false;
  private loaded = false;
  private refused = false;
  private mode: CollabMode = 'EDIT';
  /** A ticket fetched by `recheckAccess` that says something else than the open connection: the next one opens with it. */
  private nextTicket: CollabTicket | null = null;

  /** Local changes made so far, and how many of them the server confirmed. */
  private localSeq = 0;
  private ackedSeq = 0;
  /** For every sync step 1 in flight, in order: the local changes its answer confirms. */
  private probes: number[] = [];
  private probeScheduled = false;

  constructor(
    readonly itemId: string,
    user: SessionUser,
    private readonly tickets: TicketSource = fetchTicket,
  ) {
    this.user = { id: user.id, name: user.name, color: colorFor(user.id) };
    this.awareness = new Awareness(this.doc);
    // The server stamps everybody's `user` with who they are; this is what we show ourselves.
    this.awareness.setLocalStateField('user', this.user);
    const scheme = typeof location !== 'undefined' && location.protocol === 'https:' ? 'wss' : 'ws';
    const host = typeof location !== 'undefined' ? location.host : 'localhost';
    this.provider = new WebsocketProvider(`${scheme}://${host}/collab`, itemId, this.doc, {
      connect: false,
      awareness: this.awareness,
      // The server is the only source of truth: no syncing between tabs behind its back.
      disableBc: true,
    });

    const handlers = this.provider.messageHandlers;
    const handleSync = handlers[MESSAGE_SYNC];
    handlers[MESSAGE_SYNC] = (encoder, decoder, provider, emitSynced, messageType) => {
      // Peek at the sync message type: a step 2 answers our oldest step 1.
      const syncType = decoder.arr[decoder.pos];
      if (syncType === SYNC_STEP_2 && emitSynced && this.probes.length)
        this.ackedSeq = Math.max(this.ackedSeq, this.probes.shift()!);
      handleSync(encoder, decoder, provider, emitSynced, messageType);
      if (syncType === SYNC_STEP_2) this.afterProbe();
    };
    // y-websocket logs "permission denied" with console.warn; here it means we are read-only.
    handlers[MESSAGE_AUTH] = (_encoder, decoder) => {
      readAuthMessage(decoder, this.doc, () => {
        this.readOnly = true;
        // Only changes the server has not confirmed were refused; confirmed ones are stored.
        if (this.localSeq > this.ackedSeq) this.refused = true;
        this.changed();
      });
    };

    this.provider.on('status', this.onStatus);
    this.provider.on('sync', this.onSync);
    this.provider.on('connection-close', this.onClose);
    this.doc.on('update', this.onUpdate);
    this.awareness.on('change', this.onAwareness);
    this.peers = this.computePeers();
    this.state = this.computeState();
  }

  /** Starts connecting, on the next tick: React StrictMode's mount-unmount-mount cancels it before any request. */
  start(): void {
    if (this.started || this.destroyed) return;
    this.started = true;
    window.addEventListener('online', this.onOnline);
    this.schedule(0);
  }

  /** Tries again now, after an error that stopped the connection. */
  retry(): void {
    if (this.destroyed || this.fatal === 'revoked' || this.fatal === 'tooLarge') return;
    this.fatal = null;
    this.attempts = 0;
    this.changed();
    this.schedule(0);
  }

  /**
   * What this user may do with the document may have changed (the live channel
   * said so): fetch a fresh ticket and, when it says something else than the
   * open connection, open again with it. The server closes such connections
   * itself (4409); this is the same path for pages that hear of it first.
   */
  async recheckAccess(): Promise<void> {
    if (this.destroyed || this.fatal || this.opening || !this.provider.ws) return;
    let ticket: CollabTicket;
    try {
      ticket = await this.tickets(this.itemId);
    } catch (error) {
      const code = error instanceof ApiError ? error.code : 'NETWORK';
      if (!this.destroyed && (code === 'NOT_FOUND' || code === 'FORBIDDEN')) this.stop('revoked');
      return;
    }
    if (this.destroyed || this.fatal || modeOf(ticket) === this.mode) return;
    this.nextTicket = ticket;
    this.holdForNewAccess();
    this.provider.ws?.close();
  }

  setUserName(name: string): void {
    if (name === this.user.name) return;
    this.user.name = name;
    this.awareness.setLocalStateField('user', { ...this.user });
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    window.removeEventListener('online', this.onOnline);
    this.provider.off('status', this.onStatus);
    this.provider.off('sync', this.onSync);
    this.provider.off('connection-close', this.onClose);
    this.doc.off('update', this.onUpdate);
    this.awareness.off('change', this.onAwareness);
    // Tells the others we left (awareness null), then closes the socket.
    this.provider.destroy();
    this.awareness.destroy();
    this.doc.destroy();
    this.listeners.clear();
  }

  // For useSyncExternalStore: snapshots change identity only when something changed.

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): CollabState => this.state;

  getPeers = (): Peer[] => this.peers;

  /** EDIT, SUGGEST or READ, as the last ticket said (see proposal-mode.ts `applyMode`). */
  getMode = (): CollabMode => this.mode;

  // --- connecting ---

  private schedule(delayMs: number): void {
    if (this.destroyed) return;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.open();
    }, delayMs);
  }

  /** Backoff for the next attempt: 0.3 s, 0.6 s, 1.2 s … up to 10 s, with jitter. */
  private backoff(): number {
    const base = Math.min(10_000, 300 * 2 ** this.attempts);
    this.attempts++;
    return Math.round(base * (0.8 + Math.random() * 0.4));
  }

  private async open(): Promise<void> {
    if (this.destroyed || this.opening || this.fatal || this.provider.ws) return;
    this.opening = true;
    try {
      const ticket = this.nextTicket ?? (await this.tickets(this.itemId));
      this.nextTicket = null;
      if (this.destroyed || this.fatal) return;
      this.applyTicket(ticket);
      this.provider.serverUrl = ticket.url.replace(/\/+$/, '');
      this.provider.params = { ticket: ticket.token };
      this.provider.connect();
      this.changed();
    } catch (error) {
      if (this.destroyed) return;
      const code = error instanceof ApiError ? error.code : 'NETWORK';
      if (code === 'NOT_FOUND' || code === 'FORBIDDEN') return this.stop('revoked');
      if (code === 'UNAUTHENTICATED') return this.stop('signedOut');
      const retryAfter = error instanceof ApiError ? Number(error.extensions.retryAfter) : NaN;
      this.schedule(code === 'RATE_LIMITED' && retryAfter > 0 ? retryAfter * 1000 : this.backoff());
    } finally {
      this.opening = false;
    }
  }

  /** What a ticket says the user may do applies to the editor: EDIT, SUGGEST or READ. */
  private applyTicket(ticket: CollabTicket): void {
    // SUGGEST connections write (proposals only, the server checks); READ ones do not.
    this.mode = modeOf(ticket);
    this.readOnly = this.mode === 'READ';
  }

  /** Until the new access is known nothing can be typed: a keystroke now could be refused. */
  private holdForNewAccess(): void {
    this.readOnly = true;
    this.changed();
  }

  private stop(fatal: Fatal): void {
    this.fatal = fatal;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.provider.shouldConnect = false;
    this.changed();
  }

  private readonly onClose = (event: CloseEvent | null): void => {
    // Never let the provider reconnect with the ticket it has: we open again with a fresh one.
    this.provider.shouldConnect = false;
    this.probes = [];
    if (this.destroyed) return;
    const code = event?.code;
    const outcome = closeOutcome(code);
    if (outcome === 'accessChanged' || (outcome === 'retry' && this.nextTicket)) {
      this.holdForNewAccess();
      this.schedule(0);
    } else if (outcome === 'retry') {
      this.changed();
      this.schedule(retryDelay(code, this.attempts, this.backoff()));
    } else if (outcome === 'loadFailed') {
      this.loadFailed = true;
      this.changed();
      this.schedule(Math.max(3000, this.backoff()));
    } else this.stop(outcome);
  };

  private readonly onStatus = ({ status }: { status: 'connected' | 'disconnected' | 'connecting' }): void => {
    // The provider sends its own sync step 1 right after 'connected': its answer confirms nothing of ours.
    if (status === 'connected') this.probes = [this.ackedSeq];
    this.changed();
  };

  private readonly onSync = (synced: boolean): void => {
    if (synced) {
      this.loaded = true;
      this.loadFailed = false;
      this.attempts = 0;
      // Changes made while offline went out with our answer to the server's step 1, before now.
      if (this.localSeq > this.ackedSeq) this.scheduleProbe();
    }
    this.changed();
  };

  private readonly onOnline = (): void => {
    if (!this.fatal && !this.provider.ws && this.retryTimer) {
      this.attempts = 0;
      this.schedule(0);
    }
  };

  // --- saved state ---

  private readonly onUpdate = (_update: Uint8Array, origin: unknown): void => {
    if (origin === this.provider) return; // from the server
    this.localSeq++;
    this.scheduleProbe();
    this.changed();
  };

  private scheduleProbe(): void {
    if (this.probeScheduled) return;
    this.probeScheduled = true;
    // After the provider has sent the update itself (it listens to the same event).
    queueMicrotask(() => {
      this.probeScheduled = false;
      this.sendProbe();
    });
  }

  /** At most one probe in flight; the next goes when it is answered. */
  private sendProbe(): void {
    const ws = this.provider.ws;
    if (this.destroyed || !ws || ws.readyState !== WebSocket.OPEN || !this.provider.synced) return;
    if (this.probes.length > 0 || this.localSeq <= this.ackedSeq) return;
    this.probes.push(this.localSeq);
    ws.send(syncStep1(this.doc));
  }

  private afterProbe(): void {
    if (this.probes.length === 0 && this.localSeq > this.ackedSeq && this.provider.synced) this.sendProbe();
    this.changed();
  }

  // --- presence ---

  private readonly onAwareness = (): void => {
    const peers = this.computePeers();
    if (!samePeers(peers, this.peers)) {
      this.peers = peers;
      this.emit();
    }
  };

  private computePeers(): Peer[] {
    const byUser = new Map<string, Peer>();
    const self: Peer = { id: this.user.id, name: this.user.name, color: this.user.color, self: true };
    byUser.set(self.id, self);
    for (const [clientId, state] of this.awareness.getStates()) {
      if (clientId === this.doc.clientID) continue;
      const user = (state as { user?: { id?: unknown; name?: unknown; color?: unknown } } | null)?.user;
      if (!user || typeof user.id !== 'string' || typeof user.name !== 'string') continue;
      // One person with two tabs is one avatar.
      if (!byUser.has(user.id))
        byUser.set(user.id, { id: user.id, name: user.name, color: safeColor(user.color), self: false });
    }
    const others = [...byUser.values()].filter((peer) => !peer.self).sort((a, b) => a.name.localeCompare(b.name));
    return [self, ...others];
  }

  // --- state ---

  private computeState(): CollabState {
    return collabState({
      fatal: this.fatal,
      connected: this.provider.wsconnected && this.provider.synced,
      loadFailed: this.loadFailed,
      loaded: this.loaded,
      readOnly: this.readOnly,
      refused: this.refused,
      localSeq: this.localSeq,
      ackedSeq: this.ackedSeq,
    });
  }

  private changed(): void {
    const next = this.computeState();
    const previous = this.state;
    if ((Object.keys(next) as (keyof CollabState)[]).every((key) => next[key] === previous[key])) return;
    this.state = next;
    this.emit();
  }

  private emit(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

function samePeers(a: Peer[], b: Peer[]): boolean {
  return (
    a.length === b.length &&
    a.every((peer, i) => peer.id === b[i].id && peer.name === b[i].name && peer.color === b[i].color)
  );
}

/** `[messageSync, syncStep1, varUint8Array(stateVector)]`, as y-protocols writes it. */
function syncStep1(doc: Y.Doc): Uint8Array {
  const stateVector = Y.encodeStateVector(doc);
  const length: number[] = [];
  let n = stateVector.length;
  while (n > 0x7f) {
    length.push(0x80 | (n & 0x7f));
    n = Math.floor(n / 128);
  }
  length.push(n);
  const message = new Uint8Array(2 + length.length + stateVector.length);
  message[0] = MESSAGE_SYNC;
  message[1] = SYNC_STEP_1;
  message.set(length, 2);
  message.set(stateVector, 2 + length.length);
  return message;
}

function modeOf(ticket: CollabTicket): CollabMode {
  return ticket.mode ?? (ticket.readOnly ? 'READ' : 'EDIT');
}
