import * as Y from 'yjs';
import { PeerIdentity, stampAwarenessUpdate } from './awareness-identity';
import {
  awarenessProtocol,
  CLOSE,
  decoding,
  encodeAwareness,
  encodePermissionDenied,
  encodeSyncStep1,
  encodeSyncUpdate,
  encoding,
  wouldChange,
  MESSAGE_AWARENESS,
  MESSAGE_QUERY_AWARENESS,
  MESSAGE_SYNC,
  ProtocolError,
  syncProtocol,
} from './messages';
import { inspectUpdate } from './update-inspection';
import { checkProposalUpdate } from '../ydoc-proposals';

/** One socket, as the room sees it: the transport stays outside this library. */
export interface CollabConnection {
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
}

export interface Peer {
  identity: PeerIdentity;
  readOnly: boolean;
  /**
   * SUGGEST mode: every update must only add, extend or withdraw the peer's
   * own voorstellen (docs/decisions/proposals.md); others are refused as a
   * reader's are. Proposal marks are checked for every writer: they must name
   * the peer.
   */
  suggestOnly?: boolean;
}

/** How a connection works on the document; see `collabModeFor` in @spiraal/domain. */
export type PeerMode = 'EDIT' | 'SUGGEST' | 'READ';

/** Where a change to a document came from: decides whether it is stored here. */
export type UpdateOrigin =
  | { kind: 'client'; userId: string; connection: CollabConnection }
  | { kind: 'server'; userId: string | null }
  | { kind: 'relay' };

export interface RoomOptions {
  /** Refuse updates once the document would grow past this many bytes. */
  maxDocumentBytes: number;
  /** Every change the document accepted, as Yjs encoded it. */
  onUpdate(update: Uint8Array, origin: UpdateOrigin): void;
}

interface PeerState extends Peer {
  /** Awareness client ids this connection controls. */
  clients: Set<number>;
}

/**
 * A loaded document and the connections editing it, speaking the y-websocket
 * protocol: sync (step 1, step 2, update) and awareness. Read-only peers get
 * the document and presence; their changes are refused. A writer's update is
 * refused whole when it depends on content the room lacks or adds content
 * under a Yjs client id another user wrote under first. Knows nothing of
 * sockets, databases or users beyond the identity it is given.
 */
export class DocumentRoom {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness: awarenessProtocol.Awareness;
  private readonly peers = new Map<CollabConnection, PeerState>();
  /** Yjs client id → the user whose update first wrote under it in this room (see `checkWriters`). */
  private readonly owners = new Map<number, string>();
  private approximateBytes: number;

  /** Throws when the initial state is not a valid Yjs update; nothing is left running then. */
  constructor(
    readonly name: string,
    initialState: Uint8Array | null,
    private readonly options: RoomOptions,
  ) {
    try {
      if (initialState) Y.applyUpdate(this.doc, initialState, { kind: 'server', userId: null } satisfies UpdateOrigin);
      // Stored before pending updates were refused: what never integrated stays out.
      this.discardPending();
    } catch (error) {
      this.doc.destroy();
      throw error;
    }
    this.approximateBytes = initialState?.length ?? 0;
    // Created only now: Awareness starts a timer, which a failed load must not leave behind.
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    this.awareness.setLocalState(null); // the server itself has no presence
    this.doc.on('update', (update: Uint8Array, origin: unknown) =>
      this.afterUpdate(update, origin as UpdateOrigin | null),
    );
    this.awareness.on('update', (changes: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) =>
      this.afterAwareness(changes, origin),
    );
  }

  get size(): number {
    return this.peers.size;
  }

  get connections(): CollabConnection[] {
    return [...this.peers.keys()];
  }

  peerOf(connection: CollabConnection): Peer | undefined {
    return this.peers.get(connection);
  }

  /** Sends the newcomer our state vector and everyone's presence. */
  join(connection: CollabConnection, peer: Peer): void {
    this.peers.set(connection, { ...peer, clients: new Set() });
    connection.send(encodeSyncStep1(this.doc));
    const present = [...this.awareness.getStates().keys()];
    if (present.length) connection.send(encodeAwareness(this.awareness, present));
  }

  leave(connection: CollabConnection): void {
    const peer = this.peers.get(connection);
    if (!peer) return;
    this.peers.delete(connection);
    if (peer.clients.size) awarenessProtocol.removeAwarenessStates(this.awareness, [...peer.clients], connection);
  }

  setReadOnly(connection: CollabConnection, readOnly: boolean): void {
    const peer = this.peers.get(connection);
    if (peer) peer.readOnly = readOnly;
  }

  /** Switches a connection between EDIT, SUGGEST and READ, effective for its next frame. */
  setMode(connection: CollabConnection, mode: PeerMode): void {
    const peer = this.peers.get(connection);
    if (!peer) return;
    peer.readOnly = mode === 'READ';
    peer.suggestOnly = mode === 'SUGGEST';
  }

  /**
   * Handles one frame from a connection. Throws ProtocolError for frames that
   * are not the protocol; the caller closes that connection only.
   */
  receive(connection: CollabConnection, frame: Uint8Array): void {
    const peer = this.peers.get(connection);
    if (!peer) return;
    try {
      const decoder = decoding.createDecoder(frame);
      const type = decoding.readVarUint(decoder);
      switch (type) {
        case MESSAGE_SYNC:
          return this.receiveSync(connection, peer, decoder);
        case MESSAGE_AWARENESS:
          return this.receiveAwareness(connection, peer, decoding.readVarUint8Array(decoder));
        case MESSAGE_QUERY_AWARENESS:
          return connection.send(encodeAwareness(this.awareness, [...this.awareness.getStates().keys()]));
        default:
          throw new ProtocolError(`unknown message type ${type}`);
      }
    } catch (error) {
      if (error instanceof DocumentTooLarge) throw error;
      throw error instanceof ProtocolError
        ? error
        : new ProtocolError(error instanceof Error ? error.message : String(error));
    }
  }

  /**
   * Applies a change another process accepted (see RoomRelay). Returns false,
   * applying nothing, when it depends on content this copy lacks: the caller
   * asks the other copies for it. A change names its writer, whose Yjs client
   * ids it claims here as well; an answer to a sync request names nobody.
   */
  applyRelayed(update: Uint8Array, writer: string | null): boolean {
    let writers: Set<number>;
    try {
      const inspection = inspectUpdate(this.doc, update, Y.decodeUpdate(update));
      if (inspection.incomplete) return false;
      writers = inspection.writers;
    } catch {
      return false; // too many deletions of unknown content: a resync brings the content first
    }
    Y.applyUpdate(this.doc, update, { kind: 'relay' } satisfies UpdateOrigin);
    this.discardPending();
    if (writer) this.claimWriters(writers, writer);
    return true;
  }

  /** Ends every connection (shutdown, unload). */
  closeAll(code: number, reason: string): void {
    for (const connection of [...this.peers.keys()]) {
      this.leave(connection);
      connection.close(code, reason);
    }
  }

  destroy(): void {
    this.awareness.destroy();
    this.doc.destroy();
  }

  private receiveSync(connection: CollabConnection, peer: PeerState, decoder: decoding.Decoder): void {
    const syncType = decoding.readVarUint(decoder);
    if (syncType === syncProtocol.messageYjsSyncStep1) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.readSyncStep1(decoder, encoder, this.doc);
      connection.send(encoding.toUint8Array(encoder));
      return;
    }
    if (syncType !== syncProtocol.messageYjsSyncStep2 && syncType !== syncProtocol.messageYjsUpdate) {
      throw new ProtocolError(`unknown sync message ${syncType}`);
    }
    const update = decoding.readVarUint8Array(decoder);
    // Decode fully before applying: Yjs integrates content before it reads the
    // delete set, so a truncated update would otherwise be half-applied.
    const decoded = Y.decodeUpdate(update);
    if (peer.readOnly) {
      // A reader's client answers our step 1 with what we lack; only new content is refused out loud.
      if (wouldChange(this.doc, update)) {
        connection.send(encodePermissionDenied('read-only: wijzigingen worden niet bewaard / changes are not stored'));
      }
      return;
    }
    const { writers, incomplete } = inspectUpdate(this.doc, update, decoded);
    // A client of this hub has nothing the hub lacks: missing dependencies are
    // forged or lost, and Yjs would keep them, retrying them on every update.
    if (incomplete) throw new ProtocolError('update depends on content the document does not have');
    this.checkWriters(writers, peer.identity.id);
    const refusal = checkProposalUpdate(this.doc, update, peer.identity, peer.suggestOnly === true);
    if (refusal) {
      // Refused whole, as a reader's change: the document stays as it was.
      connection.send(
        encodePermissionDenied(
          `voorstellen: ${refusal} — alleen je eigen voorstellen worden bewaard / only your own proposals are stored`,
        ),
      );
      return;
    }
    this.ensureRoomFor(update.length);
    // Counted as received (an upper bound: parts Yjs already has or drops count too).
    this.approximateBytes += update.length;
    this.applyClientUpdate(update, { kind: 'client', userId: peer.identity.id, connection });
    if (syncType === syncProtocol.messageYjsUpdate) this.claimWriters(writers, peer.identity.id);
  }

  /**
   * New structs under another user's client id would put different content
   * at the clocks that user's editor writes next: both copies keep their own
   * and diverge without an error. A client id belongs to the user who first
   * wrote under it here; the server's own id to the server. (Deleting anyone's
   * content is ordinary editing and needs no new structs.)
   */
  private checkWriters(writers: Set<number>, userId: string): void {
    for (const client of writers) {
      if (client === this.doc.clientID) throw new ProtocolError(`client id ${client} is the server's`);
      const owner = this.owners.get(client);
      if (owner !== undefined && owner !== userId)
        throw new ProtocolError(`client id ${client} belongs to another user`);
    }
  }

  /**
   * An update is a client's own editing: its new client ids become the user's.
   * Step 2 claims nothing: it is catch-up, and after a crash a client's may
   * carry other people's edits the server lost, under their ids.
   */
  private claimWriters(writers: Set<number>, userId: string): void {
    for (const client of writers) if (!this.owners.has(client)) this.owners.set(client, userId);
  }

  /**
   * Deletions of content the document does not have are dropped: Yjs would
   * keep them and apply them again on every later update. Pending structs
   * cannot occur after `inspectUpdate`; if they ever did, they are dropped too
   * and the client is refused, so that it syncs afresh.
   */
  private applyClientUpdate(update: Uint8Array, origin: UpdateOrigin): void {
    let leftStructs: boolean;
    try {
      Y.applyUpdate(this.doc, update, origin);
    } finally {
      leftStructs = this.discardPending();
    }
    if (leftStructs) throw new ProtocolError('update left structs pending');
  }

  /** Forgets what Yjs holds back for later; true when that included structs. */
  private discardPending(): boolean {
    const store = this.doc.store;
    const hadStructs = store.pendingStructs !== null;
    store.pendingStructs = null;
    store.pendingDs = null;
    return hadStructs;
  }

  /**
   * The running count is an upper bound; near the cap the document is measured
   * exactly before anything is refused.
   */
  private ensureRoomFor(bytes: number): void {
    if (this.approximateBytes + bytes <= this.options.maxDocumentBytes) return;
    this.approximateBytes = Y.encodeStateAsUpdate(this.doc).length;
    if (this.approximateBytes + bytes > this.options.maxDocumentBytes) throw new DocumentTooLarge();
  }

  private receiveAwareness(connection: CollabConnection, peer: PeerState, update: Uint8Array): void {
    const stamped = stampAwarenessUpdate(
      update,
      peer.identity,
      (clientId) => this.ownerOf(clientId, connection) || this.heldByOtherUser(clientId, peer),
    );
    if (stamped.clients.length) awarenessProtocol.applyAwarenessUpdate(this.awareness, stamped.update, connection);
  }

  /** Another connection controls this awareness client id. */
  private ownerOf(clientId: number, asking: CollabConnection): boolean {
    for (const [connection, peer] of this.peers) if (connection !== asking && peer.clients.has(clientId)) return true;
    return false;
  }

  /**
   * Presence no connection here controls (relayed from another process) is
   * stamped with its user: only that user may change or remove it here, e.g.
   * an editor that moved from a process that went away.
   */
  private heldByOtherUser(clientId: number, peer: PeerState): boolean {
    if (peer.clients.has(clientId)) return false;
    const state = this.awareness.getStates().get(clientId) as { user?: { id?: unknown } } | undefined;
    return state !== undefined && state.user?.id !== peer.identity.id;
  }

  private afterUpdate(update: Uint8Array, origin: UpdateOrigin | null): void {
    if (origin?.kind !== 'client') this.approximateBytes += update.length; // client updates were counted on receipt
    const message = encodeSyncUpdate(update);
    const from = origin?.kind === 'client' ? origin.connection : null;
    for (const connection of this.peers.keys()) if (connection !== from) connection.send(message);
    this.options.onUpdate(update, origin ?? { kind: 'server', userId: null });
  }

  private afterAwareness(
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void {
    const peer = this.peers.get(origin as CollabConnection);
    if (peer) {
      for (const id of [...added, ...updated]) peer.clients.add(id);
      for (const id of removed) peer.clients.delete(id);
    }
    const changed = [...added, ...updated, ...removed];
    if (!changed.length) return;
    const message = encodeAwareness(this.awareness, changed);
    for (const connection of this.peers.keys()) connection.send(message);
  }
}

export class DocumentTooLarge extends Error {
  readonly close = CLOSE.documentTooLarge;
}
