import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { PeerIdentity } from './awareness-identity';
import { CollabConnection, DocumentRoom, DocumentTooLarge, Peer, UpdateOrigin } from './document-room';
import {
  CLOSE,
  encodeSyncUpdate,
  MESSAGE_AUTH,
  MESSAGE_AWARENESS,
  MESSAGE_QUERY_AWARENESS,
  MESSAGE_SYNC,
  ProtocolError,
} from './messages';

// ---------------------------------------------------------------------------
// Test kit: a fake connection, a frame decoder and a real y-protocols client.
// ---------------------------------------------------------------------------

/** A connection that records what the room sends it and how it was closed. */
class FakeConnection implements CollabConnection {
  readonly sent: Uint8Array[] = [];
  readonly closes: { code: number; reason: string }[] = [];

  send(message: Uint8Array): void {
    this.sent.push(message);
  }

  close(code: number, reason: string): void {
    this.closes.push({ code, reason });
  }
}

type Frame =
  | { kind: 'sync-step1'; stateVector: Uint8Array }
  | { kind: 'sync-step2'; update: Uint8Array }
  | { kind: 'sync-update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'permission-denied'; reason: string }
  | { kind: 'query-awareness' };

/** Decodes one frame as a y-websocket client would; throws on anything else. */
function parseFrame(frame: Uint8Array): Frame {
  const decoder = decoding.createDecoder(frame);
  const type = decoding.readVarUint(decoder);
  if (type === MESSAGE_SYNC) {
    const syncType = decoding.readVarUint(decoder);
    if (syncType === syncProtocol.messageYjsSyncStep1)
      return { kind: 'sync-step1', stateVector: decoding.readVarUint8Array(decoder) };
    if (syncType === syncProtocol.messageYjsSyncStep2)
      return { kind: 'sync-step2', update: decoding.readVarUint8Array(decoder) };
    if (syncType === syncProtocol.messageYjsUpdate)
      return { kind: 'sync-update', update: decoding.readVarUint8Array(decoder) };
    throw new Error(`unexpected sync type ${syncType}`);
  }
  if (type === MESSAGE_AWARENESS) return { kind: 'awareness', update: decoding.readVarUint8Array(decoder) };
  if (type === MESSAGE_AUTH) {
    const authType = decoding.readVarUint(decoder);
    if (authType !== 0) throw new Error(`unexpected auth type ${authType}`);
    return { kind: 'permission-denied', reason: decoding.readVarString(decoder) };
  }
  if (type === MESSAGE_QUERY_AWARENESS) return { kind: 'query-awareness' };
  throw new Error(`unexpected message type ${type}`);
}

const kinds = (frames: Uint8Array[]): Frame['kind'][] => frames.map((frame) => parseFrame(frame).kind);

/** Client ids and states carried by an awareness update. */
function awarenessEntries(update: Uint8Array): { clientId: number; clock: number; state: unknown }[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries = [];
  for (let i = 0; i < count; i++) {
    entries.push({
      clientId: decoding.readVarUint(decoder),
      clock: decoding.readVarUint(decoder),
      state: JSON.parse(decoding.readVarString(decoder)) as unknown,
    });
  }
  return entries;
}

/** A hand-made awareness frame, as a misbehaving client could send it. */
function awarenessFrame(entries: { clientId: number; clock: number; state: unknown }[]): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(inner, entry.clientId);
    encoding.writeVarUint(inner, entry.clock);
    encoding.writeVarString(inner, JSON.stringify(entry.state));
  }
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner));
  return encoding.toUint8Array(encoder);
}

function syncFrame(syncType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** Origin the client uses for changes that came from the server, so it does not send them back. */
const FROM_SERVER = Symbol('from-server');

const cleanups: (() => void)[] = [];

/**
 * A real client: Y.Doc + Awareness speaking y-protocols like y-websocket's
 * provider does (sync step 1 and own presence on connect, replies through
 * readSyncMessage, every local update and every awareness change sent on).
 * Frames are queued both ways and moved by `settle`.
 */
class TestClient {
  readonly awareness: awarenessProtocol.Awareness;
  connection = new FakeConnection();
  /** Frames waiting to reach the room. */
  readonly outbox: Uint8Array[] = [];
  /** Every frame this client sent to the room, in order. */
  readonly sentLog: Uint8Array[] = [];
  /** Permission-denied reasons received from the room. */
  readonly denied: string[] = [];
  private delivered = 0;
  private connected = false;

  constructor(
    readonly room: DocumentRoom,
    readonly peer: Peer,
    readonly doc = new Y.Doc(),
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc);
    cleanups.push(() => {
      this.awareness.destroy();
      this.doc.destroy();
    });
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== FROM_SERVER) this.post(encodeSyncUpdate(update));
    });
    this.awareness.on(
      'update',
      ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
        const changed = [...added, ...updated, ...removed];
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
        encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
        this.post(encoding.toUint8Array(encoder));
      },
    );
  }

  get text(): string {
    return this.doc.getText('t').toString();
  }

  connect(): this {
    this.room.join(this.connection, this.peer);
    this.connected = true;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    this.post(encoding.toUint8Array(encoder));
    if (this.awareness.getLocalState() !== null) {
      const presence = encoding.createEncoder();
      encoding.writeVarUint(presence, MESSAGE_AWARENESS);
      encoding.writeVarUint8Array(
        presence,
        awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.doc.clientID]),
      );
      this.post(encoding.toUint8Array(presence));
    }
    return this;
  }

  /** Leaves the room; like y-websocket, forgets the other clients' presence. */
  disconnect(): void {
    this.room.leave(this.connection);
    this.connected = false;
    this.outbox.length = 0;
    const others = [...this.awareness.getStates().keys()].filter((id) => id !== this.doc.clientID);
    awarenessProtocol.removeAwarenessStates(this.awareness, others, FROM_SERVER);
  }

  /** A new socket for the same document and awareness. */
  reconnect(): void {
    this.disconnect();
    this.connection = new FakeConnection();
    this.delivered = 0;
    this.receivedMark = 0;
    this.connect();
  }

  /** Sends one raw frame to the room (for forged or broken frames). */
  sendRaw(frame: Uint8Array): void {
    this.room.receive(this.connection, frame);
  }

  /** The frames the room sent since the last call. */
  takeReceived(): Frame[] {
    const frames = this.connection.sent.slice(this.receivedMark).map(parseFrame);
    this.receivedMark = this.connection.sent.length;
    return frames;
  }

  private receivedMark = 0;

  deliverToRoom(): boolean {
    let progressed = false;
    while (this.outbox.length) {
      progressed = true;
      this.room.receive(this.connection, this.outbox.shift()!);
    }
    return progressed;
  }

  deliverFromRoom(): boolean {
    let progressed = false;
    while (this.delivered < this.connection.sent.length) {
      progressed = true;
      this.handle(this.connection.sent[this.delivered++]);
    }
    return progressed;
  }

  private handle(frame: Uint8Array): void {
    const decoder = decoding.createDecoder(frame);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_SYNC) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.readSyncMessage(decoder, encoder, this.doc, FROM_SERVER);
      if (encoding.length(encoder) > 1) this.post(encoding.toUint8Array(encoder));
    } else if (type === MESSAGE_AWARENESS) {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), FROM_SERVER);
    } else if (type === MESSAGE_AUTH) {
      expect(decoding.readVarUint(decoder)).toBe(0);
      this.denied.push(decoding.readVarString(decoder));
    } else {
      throw new Error(`client got unexpected message type ${type}`);
    }
  }

  private post(frame: Uint8Array): void {
    if (!this.connected) return;
    this.outbox.push(frame);
    this.sentLog.push(frame);
  }
}

/** Moves frames both ways until nobody has anything left to say. */
function settle(...clients: TestClient[]): void {
  for (let round = 0; round < 50; round++) {
    let progressed = false;
    for (const client of clients) {
      if (client.deliverToRoom()) progressed = true;
      if (client.deliverFromRoom()) progressed = true;
    }
    if (!progressed) return;
  }
  throw new Error('frames kept flowing: the exchange does not settle');
}

const identity = (id: string, name = id): PeerIdentity => ({ id, name, color: '#123456' });
const writer = (id: string): Peer => ({ identity: identity(id, `User ${id}`), readOnly: false });
const reader = (id: string): Peer => ({ identity: identity(id, `User ${id}`), readOnly: true });

interface Recorded {
  update: Uint8Array;
  origin: UpdateOrigin;
}

function makeRoom(options: { initial?: Uint8Array | null; maxDocumentBytes?: number } = {}): {
  room: DocumentRoom;
  stored: Recorded[];
} {
  const stored: Recorded[] = [];
  const room = new DocumentRoom('doc-1', options.initial ?? null, {
    maxDocumentBytes: options.maxDocumentBytes ?? 1_000_000,
    onUpdate: (update, origin) => stored.push({ update, origin }),
  });
  cleanups.push(() => room.destroy());
  return { room, stored };
}

function docWithText(text: string): Y.Doc {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  cleanups.push(() => doc.destroy());
  return doc;
}

const textOf = (room: DocumentRoom): string => room.doc.getText('t').toString();

afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

// ---------------------------------------------------------------------------

describe('DocumentRoom', () => {
  describe('joining', () => {
    it('sends sync step 1 with the room state vector, and no presence while nobody is present', () => {
      const { room } = makeRoom({ initial: Y.encodeStateAsUpdate(docWithText('hallo')) });
      const connection = new FakeConnection();
      room.join(connection, writer('a'));

      expect(connection.sent).toHaveLength(1);
      const frame = parseFrame(connection.sent[0]);
      expect(frame.kind).toBe('sync-step1');
      expect(frame.kind === 'sync-step1' && frame.stateVector).toEqual(Y.encodeStateVector(room.doc));
      expect(room.size).toBe(1);
      expect(room.connections).toEqual([connection]);
      expect(room.peerOf(connection)).toMatchObject(writer('a'));
    });

    it('sends the newcomer everyone present, right after sync step 1', () => {
      const { room } = makeRoom();
      const alice = new TestClient(room, writer('alice'));
      alice.awareness.setLocalStateField('cursor', 7);
      alice.connect();
      settle(alice);

      const bob = new TestClient(room, writer('bob')).connect();
      expect(kinds(bob.connection.sent)).toEqual(['sync-step1', 'awareness']);
      const presence = parseFrame(bob.connection.sent[1]);
      expect(presence.kind === 'awareness' && awarenessEntries(presence.update)).toEqual([
        expect.objectContaining({
          clientId: alice.doc.clientID,
          state: { cursor: 7, user: identity('alice', 'User alice') },
        }),
      ]);
    });

    it('starts the server itself without presence', () => {
      const { room } = makeRoom();
      expect(room.awareness.getLocalState()).toBeNull();
      expect(room.awareness.getStates().size).toBe(0);
    });

    it('loads the initial state without reporting it as a change', () => {
      const { room, stored } = makeRoom({ initial: Y.encodeStateAsUpdate(docWithText('opgeslagen')) });
      expect(textOf(room)).toBe('opgeslagen');
      expect(stored).toEqual([]);
    });

    it('throws for an initial state that is not a Yjs update', () => {
      expect(
        () =>
          new DocumentRoom('broken', new Uint8Array([1, 2, 3]), { maxDocumentBytes: 1000, onUpdate: () => undefined }),
      ).toThrow();
    });
  });

  describe('syncing real clients', () => {
    it('makes two clients converge, concurrent edits included', () => {
      const { room } = makeRoom();
      const alice = new TestClient(room, writer('alice')).connect();
      const bob = new TestClient(room, writer('bob')).connect();
      settle(alice, bob);

      alice.doc.getText('t').insert(0, 'Hallo ');
      bob.doc.getText('t').insert(0, 'wereld');
      settle(alice, bob);
      alice.doc.getText('t').delete(0, 1);
      bob.doc.getText('t').insert(bob.text.length, '!');
      settle(alice, bob);

      expect(alice.text).toBe(bob.text);
      expect(textOf(room)).toBe(alice.text);
      expect(alice.text).toHaveLength('Hallo wereld!'.length - 1);
      expect(alice.text).toContain('!');
    });

    it('brings offline edits of a client that connects later into the room', () => {
      const { room } = makeRoom({ initial: Y.encodeStateAsUpdate(docWithText('basis')) });
      const offline = new Y.Doc();
      Y.applyUpdate(offline, Y.encodeStateAsUpdate(room.doc));
      offline.getText('t').insert(5, ' + offline');
      const alice = new TestClient(room, writer('alice'), offline).connect();
      settle(alice);
      expect(textOf(room)).toBe('basis + offline');
    });

    it('gives a newcomer the full document', () => {
      const { room } = makeRoom({ initial: Y.encodeStateAsUpdate(docWithText('begin')) });
      const alice = new TestClient(room, writer('alice')).connect();
      settle(alice);
      alice.doc.getText('t').insert(5, ' en verder');
      alice.doc.getMap('meta').set('titel', 'Notities');
      settle(alice);

      const carol = new TestClient(room, writer('carol')).connect();
      settle(carol);
      expect(carol.text).toBe('begin en verder');
      expect(carol.doc.getMap('meta').get('titel')).toBe('Notities');
      expect(Y.encodeStateVector(carol.doc)).toEqual(Y.encodeStateVector(room.doc));
    });

    it('broadcasts a change to the other connections but does not echo it to the sender', () => {
      const { room } = makeRoom();
      const alice = new TestClient(room, writer('alice')).connect();
      const bob = new TestClient(room, writer('bob')).connect();
      settle(alice, bob);
      alice.takeReceived();
      bob.takeReceived();

      alice.doc.getText('t').insert(0, 'x');
      alice.deliverToRoom();

      expect(alice.takeReceived().filter((frame) => frame.kind === 'sync-update')).toEqual([]);
      const toBob = bob.takeReceived();
      expect(toBob.map((frame) => frame.kind)).toEqual(['sync-update']);
    });

    it('reports every accepted client change with its origin', () => {
      const { room, stored } = makeRoom();
      const alice = new TestClient(room, writer('alice')).connect();
      settle(alice);
      expect(stored).toEqual([]); // an empty exchange stores nothing

      alice.doc.getText('t').insert(0, 'abc');
      settle(alice);

      expect(stored).toHaveLength(1);
      expect(stored[0].origin).toEqual({ kind: 'client', userId: 'alice', connection: alice.connection });
      const replay = new Y.Doc();
      Y.applyUpdate(replay, stored[0].update);
      expect(replay.getText('t').toString()).toBe('abc');
      replay.destroy();
    });

    it('reports server-side changes as server changes and sends them to everyone', () => {
      const { room, stored } = makeRoom();
      const alice = new TestClient(room, writer('alice')).connect();
      const bob = new TestClient(room, reader('bob')).connect();
      settle(alice, bob);

      room.doc.getText('t').insert(0, 'hersteld');
      room.doc.transact(() => room.doc.getText('t').insert(0, '» '), {
        kind: 'server',
        userId: 'admin',
      } satisfies UpdateOrigin);
      settle(alice, bob);

      expect(stored.map((entry) => entry.origin)).toEqual([
        { kind: 'server', userId: null },
        { kind: 'server', userId: 'admin' },
      ]);
      expect(alice.text).toBe('» hersteld');
      expect(bob.text).toBe('» hersteld');
    });

    it('answers a query for awareness with everyone present', () => {
      const { room } = makeRoom();
      const alice = new TestClient(room, writer('alice'));
      alice.awareness.setLocalStateField('cursor', 1);
      alice.connect();
      settle(alice);
      const bob = new TestClient(room, writer('bob')).connect();
      bob.takeReceived();

      bob.sendRaw(new Uint8Array([MESSAGE_QUERY_AWARENESS]));
      const reply = bob.takeReceived();
      expect(reply.map((frame) => frame.kind)).toEqual(['awareness']);
      expect(reply[0].kind === 'awareness' && awarenessEntries(reply[0].update).map((entry) => entry.clientId)).toEqual(
        [alice.doc.clientID],
      );
    });

    it('ignores frames from a connection that has not joined', () => {
      const { room, stored } = makeRoom();
      const stranger = new FakeConnection();
      const other = docWithText('indringer');
      expect(() => room.receive(stranger, encodeSyncUpdate(Y.encodeStateAsUpdate(other)))).not.toThrow();
      expect(() => room.receive(stranger, new Uint8Array([0xff]))).not.toThrow();
      expect(textOf(room)).toBe('');
      expect(stored).toEqual([]);
      expect(stranger.sent).toEqual([]);
    });
  });

  describe('read-only peers', () => {
    function writerAndReader(initial = 'gedeeld') {
      const { room, stored } = makeRoom({ initial: Y.encodeStateAsUpdate(docWithText(initial)) });
      const alice = new TestClient(room, writer('alice')).connect();
      const rita = new TestClient(room, reader('rita')).connect();
      settle(alice, rita);
      return { room, stored, alice, rita };
    }

    it('get the document on join and every later change', () => {
      const { alice, rita } = writerAndReader();
      expect(rita.text).toBe('gedeeld');
      alice.doc.getText('t').insert(0, 'live: ');
      settle(alice, rita);
      expect(rita.text).toBe('live: gedeeld');
    });

    it('answer sync step 1 with an empty step 2, which the room accepts silently', () => {
      const { rita, stored } = writerAndReader();
      // The exchange did happen: the reader sent its step 2 reply.
      expect(kinds(rita.sentLog)).toContain('sync-step2');
      expect(rita.denied).toEqual([]);
      expect(kinds(rita.connection.sent)).not.toContain('permission-denied');
      expect(stored).toEqual([]);
    });

    it('cannot change the document: not applied, not stored, not broadcast, refused out loud', () => {
      const { room, stored, alice, rita } = writerAndReader();
      alice.takeReceived();

      rita.doc.getText('t').insert(0, 'vandalisme ');
      rita.doc.getMap('meta').set('x', 1);
      settle(alice, rita);

      expect(textOf(room)).toBe('gedeeld');
      expect(room.doc.getMap('meta').size).toBe(0);
      expect(alice.text).toBe('gedeeld');
      expect(stored).toEqual([]);
      expect(alice.takeReceived().filter((frame) => frame.kind === 'sync-update')).toEqual([]);
      expect(rita.denied).toHaveLength(2); // one per refused update
      expect(rita.denied[0]).toMatch(/read-only/);
      expect(alice.denied).toEqual([]);
    });

    it('are refused for a non-empty step 2 too, while an empty update is silent', () => {
      const { room, stored, rita } = writerAndReader();
      const forged = docWithText('ingesmokkeld');
      rita.sendRaw(syncFrame(syncProtocol.messageYjsSyncStep2, Y.encodeStateAsUpdate(forged)));
      rita.sendRaw(syncFrame(syncProtocol.messageYjsUpdate, Y.encodeStateAsUpdate(new Y.Doc())));
      expect(rita.takeReceived().filter((frame) => frame.kind === 'permission-denied')).toHaveLength(1);
      expect(textOf(room)).toBe('gedeeld');
      expect(stored).toEqual([]);
    });

    it('are refused for a change that only deletes', () => {
      const { room, rita } = writerAndReader();
      rita.doc.getText('t').delete(0, 3);
      settle(rita);
      expect(textOf(room)).toBe('gedeeld');
      expect(rita.denied).toHaveLength(1);
    });

    it('refuse garbage from a reader as a protocol error', () => {
      const { rita } = writerAndReader();
      expect(() => rita.sendRaw(syncFrame(syncProtocol.messageYjsUpdate, new Uint8Array([5, 1, 2])))).toThrow(
        ProtocolError,
      );
    });

    it('stay silent when they reconnect with a document that already matches the room (deletions included)', () => {
      // A y-websocket client always sends its whole delete set in its step 2 reply: a reader
      // reconnecting with an up-to-date copy of a document that had deletions changes nothing.
      const { room, alice, rita } = writerAndReader('xgedeeld');
      alice.doc.getText('t').delete(0, 1);
      settle(alice, rita);
      expect(rita.text).toBe('gedeeld');
      expect(rita.denied).toEqual([]);

      rita.reconnect();
      settle(alice, rita);
      expect(textOf(room)).toBe('gedeeld');
      expect(rita.denied).toEqual([]);
    });

    it('can be promoted and demoted while connected', () => {
      const { room, alice, rita } = writerAndReader();
      room.setReadOnly(rita.connection, false);
      rita.doc.getText('t').insert(0, 'mag nu: ');
      settle(alice, rita);
      expect(alice.text).toBe('mag nu: gedeeld');

      room.setReadOnly(alice.connection, true);
      expect(room.peerOf(alice.connection)?.readOnly).toBe(true);
      alice.doc.getText('t').insert(0, 'niet meer: ');
      settle(alice, rita);
      expect(textOf(room)).toBe('mag nu: gedeeld');
      expect(alice.denied).toHaveLength(1);
    });
  });

  describe('presence and identity', () => {
    function threeClients() {
      const { room } = makeRoom();
      const alice = new TestClient(room, writer('alice')).connect();
      const bob = new TestClient(room, writer('bob')).connect();
      const mallory = new TestClient(room, writer('mallory')).connect();
      alice.awareness.setLocalStateField('cursor', { anchor: 1, head: 1 });
      bob.awareness.setLocalStateField('cursor', { anchor: 2, head: 2 });
      mallory.awareness.setLocalStateField('cursor', { anchor: 3, head: 3 });
      settle(alice, bob, mallory);
      return { room, alice, bob, mallory };
    }

    it('shows every client with the identity of its connection', () => {
      const { room, alice, bob, mallory } = threeClients();
      expect(room.awareness.getStates().get(alice.doc.clientID)).toEqual({
        cursor: { anchor: 1, head: 1 },
        user: identity('alice', 'User alice'),
      });
      expect(bob.awareness.getStates().get(mallory.doc.clientID)).toEqual({
        cursor: { anchor: 3, head: 3 },
        user: identity('mallory', 'User mallory'),
      });
      expect(alice.awareness.getStates().get(bob.doc.clientID)).toEqual({
        cursor: { anchor: 2, head: 2 },
        user: identity('bob', 'User bob'),
      });
    });

    it('shows a client claiming to be someone else with its own identity', () => {
      const { room, alice, bob, mallory } = threeClients();
      mallory.awareness.setLocalStateField('user', { id: 'alice', name: 'User alice', color: '#000000', admin: true });
      settle(alice, bob, mallory);

      const expected = { cursor: { anchor: 3, head: 3 }, user: identity('mallory', 'User mallory') };
      expect(room.awareness.getStates().get(mallory.doc.clientID)).toEqual(expected);
      expect(alice.awareness.getStates().get(mallory.doc.clientID)).toEqual(expected);
      expect(bob.awareness.getStates().get(mallory.doc.clientID)).toEqual(expected);
    });

    it("cannot overwrite another connection's awareness state, whatever the clock", () => {
      const { room, alice, bob, mallory } = threeClients();
      const victim = alice.doc.clientID;
      const before = room.awareness.getStates().get(victim);

      mallory.sendRaw(
        awarenessFrame([{ clientId: victim, clock: 1_000, state: { cursor: { anchor: 99, head: 99 } } }]),
      );
      settle(alice, bob, mallory);

      expect(room.awareness.getStates().get(victim)).toEqual(before);
      expect(bob.awareness.getStates().get(victim)).toEqual(before);
      // The forged clock was not taken either: the owner's next, ordinary change still counts.
      alice.awareness.setLocalStateField('cursor', { anchor: 5, head: 5 });
      settle(alice, bob, mallory);
      expect(bob.awareness.getStates().get(victim)).toEqual({
        cursor: { anchor: 5, head: 5 },
        user: identity('alice', 'User alice'),
      });
    });

    it("cannot remove another connection's presence", () => {
      const { room, alice, bob, mallory } = threeClients();
      mallory.sendRaw(awarenessFrame([{ clientId: bob.doc.clientID, clock: 1_000, state: null }]));
      settle(alice, bob, mallory);
      expect(room.awareness.getStates().has(bob.doc.clientID)).toBe(true);
      expect(alice.awareness.getStates().has(bob.doc.clientID)).toBe(true);
    });

    it('keeps the legitimate entries of a frame that also forges another client', () => {
      const { room, alice, mallory } = threeClients();
      const own = mallory.awareness.meta.get(mallory.doc.clientID)!.clock + 1;
      mallory.sendRaw(
        awarenessFrame([
          { clientId: alice.doc.clientID, clock: 500, state: { cursor: 'vervalst' } },
          { clientId: mallory.doc.clientID, clock: own, state: { cursor: 'eigen' } },
        ]),
      );
      expect(room.awareness.getStates().get(mallory.doc.clientID)).toEqual({
        cursor: 'eigen',
        user: identity('mallory', 'User mallory'),
      });
      expect(room.awareness.getStates().get(alice.doc.clientID)).toEqual({
        cursor: { anchor: 1, head: 1 },
        user: identity('alice', 'User alice'),
      });
    });

    it('removes the presence of a connection that leaves, for everyone', () => {
      const { room, alice, bob, mallory } = threeClients();
      alice.disconnect();
      settle(bob, mallory);
      expect(room.awareness.getStates().has(alice.doc.clientID)).toBe(false);
      expect(bob.awareness.getStates().has(alice.doc.clientID)).toBe(false);
      expect(mallory.awareness.getStates().has(alice.doc.clientID)).toBe(false);
      expect(room.size).toBe(2);
      expect(room.peerOf(alice.connection)).toBeUndefined();
    });

    it('lets a client remove its own presence', () => {
      const { room, alice, bob, mallory } = threeClients();
      alice.awareness.setLocalState(null);
      settle(alice, bob, mallory);
      expect(room.awareness.getStates().has(alice.doc.clientID)).toBe(false);
      expect(bob.awareness.getStates().has(alice.doc.clientID)).toBe(false);
    });

    it('lets another connection use a client id freed by one that left, under its own identity', () => {
      const { room, alice, bob, mallory } = threeClients();
      const id = alice.doc.clientID;
      alice.disconnect();
      settle(bob, mallory);
      mallory.sendRaw(awarenessFrame([{ clientId: id, clock: 1_000, state: { cursor: 'overgenomen' } }]));
      // Stamped with the identity of whoever sends it, so nobody is impersonated.
      expect(room.awareness.getStates().get(id)).toEqual({
        cursor: 'overgenomen',
        user: identity('mallory', 'User mallory'),
      });
    });

    it('leaving an unknown connection changes nothing', () => {
      const { room } = threeClients();
      room.leave(new FakeConnection());
      expect(room.size).toBe(3);
      expect(room.awareness.getStates().size).toBe(3);
    });
  });

  describe('size cap', () => {
    function updateOf(text: string): Uint8Array {
      return Y.encodeStateAsUpdate(docWithText(text));
    }

    it('accepts an update that reaches the cap exactly and refuses one byte more', () => {
      const update = updateOf('x'.repeat(100));

      const exact = makeRoom({ maxDocumentBytes: update.length });
      const a = new FakeConnection();
      exact.room.join(a, writer('a'));
      exact.room.receive(a, encodeSyncUpdate(update));
      expect(textOf(exact.room)).toBe('x'.repeat(100));

      const tight = makeRoom({ maxDocumentBytes: update.length - 1 });
      const b = new FakeConnection();
      tight.room.join(b, writer('b'));
      expect(() => tight.room.receive(b, encodeSyncUpdate(update))).toThrow(DocumentTooLarge);
      expect(textOf(tight.room)).toBe('');
    });

    it('refuses a change that would grow the document past the cap: not applied, stored or broadcast', () => {
      const { room, stored } = makeRoom({ maxDocumentBytes: 300 });
      const alice = new TestClient(room, writer('alice')).connect();
      const bob = new TestClient(room, writer('bob')).connect();
      settle(alice, bob);
      alice.doc.getText('t').insert(0, 'a'.repeat(100));
      settle(alice, bob);
      expect(bob.text).toBe('a'.repeat(100));
      expect(stored).toHaveLength(1);

      alice.doc.getText('t').insert(0, 'b'.repeat(250));
      let error: unknown;
      try {
        settle(alice, bob);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(DocumentTooLarge);
      expect((error as DocumentTooLarge).close).toEqual(CLOSE.documentTooLarge);
      expect(error).not.toBeInstanceOf(ProtocolError);
      expect(textOf(room)).toBe('a'.repeat(100));
      expect(stored).toHaveLength(1);
      bob.deliverFromRoom();
      expect(bob.text).toBe('a'.repeat(100));
    });

    it('counts the initial state towards the cap', () => {
      const initial = updateOf('i'.repeat(200));
      const { room } = makeRoom({ initial, maxDocumentBytes: initial.length + 20 });
      const connection = new FakeConnection();
      room.join(connection, writer('a'));
      const addition = new Y.Doc();
      Y.applyUpdate(addition, initial);
      const before = Y.encodeStateVector(addition);
      addition.getText('t').insert(0, 'n'.repeat(40));
      expect(() => room.receive(connection, encodeSyncUpdate(Y.encodeStateAsUpdate(addition, before)))).toThrow(
        DocumentTooLarge,
      );
      addition.destroy();
    });

    it('cannot be bypassed with updates whose dependencies are still missing', () => {
      // Updates Yjs would have to keep pending (a missing earlier update) must not
      // pass the check and land at once later: they are refused outright.
      const { room, stored } = makeRoom({ maxDocumentBytes: 1_000 });
      const connection = new FakeConnection();
      room.join(connection, writer('a'));
      const source = new Y.Doc();
      const updates: Uint8Array[] = [];
      source.on('update', (update: Uint8Array) => updates.push(update));
      source.getText('t').insert(0, 's');
      for (let i = 0; i < 4; i++) source.getText('t').insert(1, String(i).repeat(600));
      source.destroy();

      const refused: unknown[] = [];
      for (const update of [...updates.slice(1).reverse(), updates[0]]) {
        try {
          room.receive(connection, encodeSyncUpdate(update));
        } catch (error) {
          refused.push(error);
        }
      }
      const accepted = stored.reduce((bytes, entry) => bytes + entry.update.length, 0);
      expect(accepted).toBeLessThanOrEqual(1_000);
      expect(Y.encodeStateAsUpdate(room.doc).length).toBeLessThanOrEqual(1_000);
      expect(refused.length).toBeGreaterThan(0);
      expect(refused.every((error) => error instanceof ProtocolError || error instanceof DocumentTooLarge)).toBe(true);
    });
  });

  describe('updates that depend on content the room lacks', () => {
    /** The 23-byte frame from issue 7: client `client` at clock 1, after its clock 0, which nobody sent. */
    function missingDependency(client: number): Uint8Array {
      const encoder = encoding.createEncoder();
      for (const n of [1, 1, client, 1]) encoding.writeVarUint(encoder, n); // one block, one struct, client, clock 1
      encoding.writeUint8(encoder, 0x84); // an item with an origin and string content
      encoding.writeVarUint(encoder, client);
      encoding.writeVarUint(encoder, 0);
      encoding.writeVarString(encoder, 'bcdefghij');
      encoding.writeVarUint(encoder, 0); // no deletions
      return encoding.toUint8Array(encoder);
    }

    /** An update that only deletes: `ranges` of `client`. */
    function deletions(client: number, ranges: [clock: number, len: number][]): Uint8Array {
      const encoder = encoding.createEncoder();
      for (const n of [0, 1, client, ranges.length, ...ranges.flat()]) encoding.writeVarUint(encoder, n);
      return encoding.toUint8Array(encoder);
    }

    it('refuses every one of many updates with missing dependencies, and keeps none of them (the CPU sink of issue 7)', () => {
      const { room, stored } = makeRoom({ initial: Y.encodeStateAsUpdate(docWithText('stabiel')) });
      const mallory = new FakeConnection();
      const witness = new FakeConnection();
      room.join(mallory, writer('mallory'));
      room.join(witness, writer('w'));
      witness.sent.length = 0;
      const vector = Y.encodeStateVector(room.doc);
      let refused = 0;
      for (let client = 1_000; client < 2_000; client++) {
        expect(missingDependency(client)).toHaveLength(20); // 23 bytes as a frame
        try {
          room.receive(mallory, encodeSyncUpdate(missingDependency(client)));
        } catch (error) {
          expect(error).toBeInstanceOf(ProtocolError);
          refused += 1;
        }
        expect(room.doc.store.pendingStructs).toBeNull();
      }
      expect(refused).toBe(1_000);
      expect(Y.encodeStateVector(room.doc)).toEqual(vector);
      expect(textOf(room)).toBe('stabiel');
      expect(stored).toEqual([]);
      expect(witness.sent).toEqual([]);
    });

    it('refuses an update in sync step 2 just the same', () => {
      const { room } = makeRoom();
      const mallory = new FakeConnection();
      room.join(mallory, writer('mallory'));
      expect(() => room.receive(mallory, syncFrame(syncProtocol.messageYjsSyncStep2, missingDependency(7)))).toThrow(
        'update depends on content the document does not have',
      );
      expect(room.doc.store.pendingStructs).toBeNull();
    });

    it('applies deletions of content it has and drops the rest instead of keeping it pending', () => {
      const { room, stored } = makeRoom();
      const alice = new TestClient(room, writer('alice')).connect();
      const bob = new TestClient(room, writer('bob')).connect();
      settle(alice, bob);
      alice.doc.getText('t').insert(0, 'abcdef');
      settle(alice, bob);
      stored.length = 0;

      // Clocks 4..9 of alice's client: 4 and 5 exist ("ef"), 6..9 do not; client 424242 is unknown.
      bob.sendRaw(encodeSyncUpdate(deletions(alice.doc.clientID, [[4, 6]])));
      for (let client = 500_000; client < 500_200; client++)
        bob.sendRaw(encodeSyncUpdate(deletions(client, [[0, 1_000]])));
      settle(alice, bob);

      expect(textOf(room)).toBe('abcd');
      expect(alice.text).toBe('abcd');
      expect(room.doc.store.pendingDs).toBeNull();
      expect(stored).toHaveLength(1); // only the deletion that changed something
      // What the room sends a newcomer carries no deletions it could not apply.
      expect([...Y.decodeUpdate(Y.encodeStateAsUpdate(room.doc)).ds.clients.keys()]).toEqual([alice.doc.clientID]);
    });

    it('still accepts ordinary clients: cross-client dependencies within one update, deletions of known content', () => {
      const { room, stored } = makeRoom({ initial: Y.encodeStateAsUpdate(docWithText('basis')) });
      // An offline document with edits of two clients, the later one (higher id, written first by Yjs) on top of the other.
      const offline = new Y.Doc();
      offline.clientID = 1;
      Y.applyUpdate(offline, Y.encodeStateAsUpdate(room.doc));
      offline.getText('t').insert(5, ' een');
      const other = new Y.Doc();
      Y.applyUpdate(other, Y.encodeStateAsUpdate(offline));
      other.clientID = 2 ** 31;
      other.getText('t').insert(9, ' twee');
      Y.applyUpdate(offline, Y.encodeStateAsUpdate(other));
      other.destroy();
      const alice = new TestClient(room, writer('alice'), offline).connect();
      const bob = new TestClient(room, writer('bob')).connect();
      settle(alice, bob);
      expect(textOf(room)).toBe('basis een twee');

      bob.doc.getText('t').delete(0, 6); // the loaded content and alice's
      alice.doc.getText('t').insert(alice.text.length, '!');
      settle(alice, bob);
      expect(textOf(room)).toBe('een twee!');
      expect(alice.text).toBe(bob.text);
      expect(stored.every((entry) => entry.origin.kind === 'client')).toBe(true);
    });

    it('leaves out what a stored state still held pending', () => {
      // A state compacted before updates with missing dependencies were refused may carry them.
      const attacked = docWithText('opgeslagen');
      Y.applyUpdate(attacked, missingDependency(77));
      Y.applyUpdate(attacked, deletions(78, [[0, 5]]));
      const { room } = makeRoom({ initial: Y.encodeStateAsUpdate(attacked) });
      expect(room.doc.store.pendingStructs).toBeNull();
      expect(room.doc.store.pendingDs).toBeNull();
      expect(textOf(room)).toBe('opgeslagen');
    });
  });

  describe('Yjs client ids', () => {
    /** An update that writes `text` under `clientId`, at the clocks that client would use next. */
    function writtenAs(room: DocumentRoom, clientId: number, text: string): Uint8Array {
      const forger = new Y.Doc();
      Y.applyUpdate(forger, Y.encodeStateAsUpdate(room.doc));
      forger.clientID = clientId; // after applying: Yjs would pick a new id on seeing its own in an update
      const before = Y.encodeStateVector(forger);
      forger.getText('t').insert(0, text);
      const update = Y.encodeStateAsUpdate(forger, before);
      forger.destroy();
      return update;
    }

    function editing() {
      const { room, stored } = makeRoom();
      const alice = new TestClient(room, writer('alice')).connect();
      const bob = new TestClient(room, writer('bob')).connect();
      const mallory = new TestClient(room, writer('mallory')).connect();
      settle(alice, bob, mallory);
      alice.doc.getText('t').insert(0, 'van alice');
      settle(alice, bob, mallory);
      return { room, stored, alice, bob, mallory };
    }

    it("refuses new content under another user's client id, by update or step 2: nothing applied, stored or sent", () => {
      const { room, stored, alice, bob, mallory } = editing();
      stored.length = 0;
      alice.takeReceived();
      for (const syncType of [syncProtocol.messageYjsUpdate, syncProtocol.messageYjsSyncStep2]) {
        expect(() => mallory.sendRaw(syncFrame(syncType, writtenAs(room, alice.doc.clientID, 'vervalst ')))).toThrow(
          `client id ${alice.doc.clientID} belongs to another user`,
        );
      }
      expect(textOf(room)).toBe('van alice');
      expect(stored).toEqual([]);
      expect(alice.takeReceived()).toEqual([]);

      // Alice's own next edit takes those clocks and reaches everyone: no silent fork.
      alice.doc.getText('t').insert(0, 'echt ');
      settle(alice, bob, mallory);
      expect([alice.text, bob.text, mallory.text, textOf(room)]).toEqual(new Array(4).fill('echt van alice'));
    });

    it("lets anyone delete other users' content, and the owner keep writing", () => {
      const { room, alice, bob, mallory } = editing();
      bob.doc.getText('t').delete(0, 4);
      settle(alice, bob, mallory);
      alice.doc.getText('t').insert(0, 'nog ');
      settle(alice, bob, mallory);
      expect([alice.text, bob.text, mallory.text, textOf(room)]).toEqual(new Array(4).fill('nog alice'));
    });

    it('lets a user reconnect with the same document and client id, offline edits included', () => {
      const { room, alice, bob } = editing();
      alice.disconnect();
      alice.doc.getText('t').insert(0, 'offline ');
      alice.reconnect();
      settle(alice, bob);
      alice.doc.getText('t').insert(alice.text.length, '.');
      settle(alice, bob);
      expect(textOf(room)).toBe('offline van alice.');
      expect(bob.text).toBe(textOf(room));
    });

    it("refuses new content under the server's own client id", () => {
      const { room, mallory } = editing();
      room.doc.transact(() => room.doc.getText('t').insert(0, '» '), {
        kind: 'server',
        userId: 'admin',
      } satisfies UpdateOrigin);
      expect(() => mallory.sendRaw(encodeSyncUpdate(writtenAs(room, room.doc.clientID, 'vervalst ')))).toThrow(
        "is the server's",
      );
      expect(textOf(room)).toBe('» van alice');
    });

    it('gives a client id from the loaded document to the first user who writes under it in this room', () => {
      // The stored document has no owners: whoever extends an id first after a load keeps it.
      const stored = new Y.Doc();
      stored.clientID = 4242;
      stored.getText('t').insert(0, 'geladen');
      const { room } = makeRoom({ initial: Y.encodeStateAsUpdate(stored) });
      const returning = new TestClient(room, writer('alice'), stored).connect();
      const mallory = new TestClient(room, writer('mallory')).connect();
      settle(returning, mallory);
      returning.doc.getText('t').insert(7, ' en verder');
      settle(returning, mallory);
      expect(() => mallory.sendRaw(encodeSyncUpdate(writtenAs(room, 4242, 'vervalst ')))).toThrow(
        'client id 4242 belongs to another user',
      );
      expect(textOf(room)).toBe('geladen en verder');
    });

    it("relays other users' edits in step 2 without taking their client ids (a server that lost them in a crash)", () => {
      // Alice and Bob wrote; the server lost it all. Alice's step 2 brings Bob's edits back too.
      const bobsDoc = new Y.Doc();
      bobsDoc.getText('t').insert(0, 'bob ');
      const alicesDoc = new Y.Doc();
      Y.applyUpdate(alicesDoc, Y.encodeStateAsUpdate(bobsDoc));
      alicesDoc.getText('t').insert(4, 'alice');
      const { room } = makeRoom();
      const alice = new TestClient(room, writer('alice'), alicesDoc).connect();
      settle(alice);
      expect(textOf(room)).toBe('bob alice');

      bobsDoc.getText('t').insert(0, 'weer ');
      const bob = new TestClient(room, writer('bob'), bobsDoc).connect();
      settle(alice, bob);
      expect([alice.text, bob.text, textOf(room)]).toEqual(new Array(3).fill('weer bob alice'));
    });
  });

  describe('protocol errors', () => {
    function joined() {
      const { room, stored } = makeRoom({ initial: Y.encodeStateAsUpdate(docWithText('stabiel')) });
      const connection = new FakeConnection();
      const witness = new FakeConnection();
      room.join(connection, writer('a'));
      room.join(witness, writer('w'));
      connection.sent.length = 0;
      witness.sent.length = 0;
      return { room, stored, connection, witness };
    }

    it.each<[string, number[]]>([
      ['an empty frame', []],
      ['an unterminated message type', [0x80]],
      ['an unknown message type', [7]],
      ['an auth message from a client', [MESSAGE_AUTH, 0, 3, 0x61, 0x62, 0x63]],
      ['a sync message without a sync type', [MESSAGE_SYNC]],
      ['an unknown sync type', [MESSAGE_SYNC, 9]],
      ['a step 1 without a state vector', [MESSAGE_SYNC, 0]],
      ['a step 1 with a truncated state vector', [MESSAGE_SYNC, 0, 2, 1, 0x80]],
      ['an update whose length runs past the frame', [MESSAGE_SYNC, 2, 40, 1, 2, 3]],
      ['an update that is garbage', [MESSAGE_SYNC, 2, 4, 0xff, 0xff, 0xff, 0xff]],
      ['a step 2 that is garbage', [MESSAGE_SYNC, 1, 3, 5, 1, 2]],
      ['an awareness message without its update', [MESSAGE_AWARENESS]],
      ['an awareness update cut short', [MESSAGE_AWARENESS, 3, 1, 0x80, 0x80]],
      [
        'an awareness entry whose state is not JSON',
        [...awarenessFrame([{ clientId: 1, clock: 1, state: 0 }]).slice(0, -1), 0x7b],
      ],
    ])('throws ProtocolError for %s and changes nothing', (_name, bytes) => {
      const { room, stored, connection, witness } = joined();
      const vector = Y.encodeStateVector(room.doc);
      expect(() => room.receive(connection, new Uint8Array(bytes))).toThrow(ProtocolError);
      expect(Y.encodeStateVector(room.doc)).toEqual(vector);
      expect(textOf(room)).toBe('stabiel');
      expect(room.awareness.getStates().size).toBe(0);
      expect(stored).toEqual([]);
      expect(witness.sent).toEqual([]);
      expect(connection.closes).toEqual([]); // closing is the caller's decision
    });

    it('names the unknown message type', () => {
      const { room, connection } = joined();
      expect(() => room.receive(connection, new Uint8Array([7]))).toThrow('unknown message type 7');
    });

    it('refuses a truncated update without applying, storing or broadcasting any part of it', () => {
      // Yjs integrates an update's structs before it reads the delete set: an update cut
      // short in its delete set must be refused before any of it is applied.
      const { room, stored, connection, witness } = joined();
      const update = Y.encodeStateAsUpdate(docWithTextOnce('afgekapt'));
      const truncated = update.subarray(0, update.length - 1);

      expect(() => room.receive(connection, syncFrame(syncProtocol.messageYjsUpdate, truncated))).toThrow(
        ProtocolError,
      );
      expect(textOf(room)).toBe('stabiel');
      expect(stored).toEqual([]);
      expect(witness.sent).toEqual([]);
    });

    it('refuses a frame whose update runs past its end even when the bytes behind it are readable', () => {
      // ws hands frames over as views into bigger buffers (the gateway's toBytes keeps them so):
      // a length prefix must be checked against the frame's end, not its ArrayBuffer's.
      const { room, stored, connection } = joined();
      const extra = Y.encodeStateAsUpdate(docWithTextOnce('daarachter'));
      const frame = syncFrame(syncProtocol.messageYjsUpdate, extra);
      const cut = frame.length - 5;
      const backing = new Uint8Array(frame.length + 16);
      backing.set(frame);
      const view = backing.subarray(0, cut); // what the socket delivered: the frame minus its last 5 bytes

      expect(() => room.receive(connection, view)).toThrow(ProtocolError);
      expect(textOf(room)).toBe('stabiel');
      expect(stored).toEqual([]);
    });

    it('keeps serving everyone after a protocol error', () => {
      const { room } = joined();
      const alice = new TestClient(room, writer('alice')).connect();
      const bob = new TestClient(room, writer('bob')).connect();
      settle(alice, bob);
      expect(() => alice.sendRaw(new Uint8Array([42]))).toThrow(ProtocolError);
      alice.doc.getText('t').insert(0, 'nog steeds ');
      settle(alice, bob);
      expect(bob.text).toBe('nog steeds stabiel');
    });
  });

  describe('closing', () => {
    it('closes every connection with the code and reason, and clears their presence', () => {
      const { room } = makeRoom();
      const alice = new TestClient(room, writer('alice'));
      const bob = new TestClient(room, reader('bob'));
      alice.awareness.setLocalStateField('cursor', 1);
      bob.awareness.setLocalStateField('cursor', 2);
      alice.connect();
      bob.connect();
      settle(alice, bob);
      expect(room.awareness.getStates().size).toBe(2);

      room.closeAll(CLOSE.goingAway.code, CLOSE.goingAway.reason);

      expect(alice.connection.closes).toEqual([{ code: 1001, reason: CLOSE.goingAway.reason }]);
      expect(bob.connection.closes).toEqual([{ code: 1001, reason: CLOSE.goingAway.reason }]);
      expect(room.size).toBe(0);
      expect(room.awareness.getStates().size).toBe(0);
    });
  });
});

/** A throwaway document's content, for values computed while the suite is defined. */
function docWithTextOnce(text: string): Y.Doc {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return doc;
}
