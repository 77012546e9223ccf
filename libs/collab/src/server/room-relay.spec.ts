import * as Y from 'yjs';
import { CollabConnection, DocumentRoom, UpdateOrigin } from './document-room';
import { awarenessProtocol, encodeAwareness, encodeSyncUpdate, ProtocolError } from './messages';
import { decodeRelayMessage, encodeRelayMessage, RelayMessage } from './relay-messages';
import { RoomRelay } from './room-relay';

class FakeConnection implements CollabConnection {
  readonly sent: Uint8Array[] = [];
  send(message: Uint8Array): void {
    this.sent.push(message);
  }
  close(): void {}
}

/**
 * Processes sharing one in-memory "Redis": every message goes through the
 * byte encoding to every copy (its sender included, as Redis does), unless
 * the test drops it.
 */
class Bus {
  readonly relays: RoomRelay[] = [];
  readonly log: RelayMessage[] = [];
  drop: (message: RelayMessage, to: RoomRelay) => boolean = () => false;

  publish(message: RelayMessage): void {
    const bytes = encodeRelayMessage(message);
    this.log.push(message);
    for (const relay of [...this.relays]) if (!this.drop(message, relay)) relay.receive(decodeRelayMessage(bytes));
  }
}

interface Process {
  room: DocumentRoom;
  relay: RoomRelay;
  stored: { update: Uint8Array; origin: UpdateOrigin }[];
}

let clock = 0;
const rooms: DocumentRoom[] = [];
const cleanups: (() => void)[] = [];
/** Runs after the test, passed or failed (an awareness left running keeps Jest from exiting). */
const afterCleanup = (cleanup: () => void) => cleanups.push(cleanup);
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  for (const room of rooms.splice(0)) room.destroy();
});

function startProcess(bus: Bus, initial: Uint8Array | null = null): Process {
  const stored: Process['stored'] = [];
  // The relay exists once the room does; the room reports each change to "storage" and the relay, as CollabService does.
  const holder: { relay?: RoomRelay } = {};
  const room = new DocumentRoom('doc', initial, {
    maxDocumentBytes: 1 << 20,
    onUpdate: (update, origin) => {
      stored.push({ update, origin });
      if (origin.kind !== 'relay') holder.relay!.published(update, origin.kind === 'client' ? origin.userId : null);
    },
  });
  rooms.push(room);
  const relay = new RoomRelay(room, (message) => bus.publish(message), { adoptAfterMs: 1000, now: () => clock });
  holder.relay = relay;
  bus.relays.push(relay);
  relay.start();
  return { room, relay, stored };
}

function writer(
  room: DocumentRoom,
  userId: string,
): { doc: Y.Doc; connection: FakeConnection; type(text: string): void } {
  const connection = new FakeConnection();
  room.join(connection, { identity: { id: userId, name: userId, color: '#000' }, readOnly: false });
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(room.doc)); // synced, as after the y-websocket handshake
  return {
    doc,
    connection,
    type(text: string) {
      const before = Y.encodeStateVector(doc);
      doc.getText('t').insert(doc.getText('t').length, text);
      room.receive(connection, encodeSyncUpdate(Y.encodeStateAsUpdate(doc, before)));
    },
  };
}

const text = (room: DocumentRoom) => room.doc.getText('t').toString();

beforeEach(() => {
  clock = 0;
});

describe('relay messages', () => {
  it('round-trip every kind through bytes', () => {
    const messages: RelayMessage[] = [
      {
        type: 'update',
        from: 'a',
        seq: 3,
        durableSeq: 1,
        userId: 'u1',
        answer: false,
        update: new Uint8Array([1, 2, 3]),
      },
      { type: 'update', from: 'a', seq: 0, durableSeq: 0, userId: null, answer: true, update: new Uint8Array([0, 0]) },
      { type: 'stored', from: 'b', seq: 7 },
      { type: 'awareness', from: 'c', update: new Uint8Array([9]) },
      { type: 'sync-request', from: 'd', stateVector: new Uint8Array([0]) },
      { type: 'awareness-query', from: 'e' },
    ];
    for (const message of messages) expect(decodeRelayMessage(encodeRelayMessage(message))).toEqual(message);
  });

  it('refuse bytes that are not a whole message', () => {
    const good = encodeRelayMessage({ type: 'stored', from: 'b', seq: 7 });
    expect(() => decodeRelayMessage(new Uint8Array([42]))).toThrow(ProtocolError);
    expect(() => decodeRelayMessage(good.slice(0, good.length - 1))).toThrow(ProtocolError);
    expect(() => decodeRelayMessage(new Uint8Array([...good, 0]))).toThrow(ProtocolError);
    expect(() => decodeRelayMessage(encodeRelayMessage({ type: 'awareness-query', from: '' }))).toThrow(ProtocolError);
  });
});

describe('RoomRelay', () => {
  it("brings one process's edits to the other's room and its clients, which store nothing of them", () => {
    const bus = new Bus();
    const a = startProcess(bus);
    const b = startProcess(bus);
    const reader = new FakeConnection();
    b.room.join(reader, { identity: { id: 'r', name: 'r', color: '#000' }, readOnly: true });
    reader.sent.length = 0;

    writer(a.room, 'ann').type('hallo');

    expect(text(b.room)).toBe('hallo');
    expect(reader.sent.length).toBeGreaterThan(0); // B's client got the change
    expect(a.stored.map((s) => s.origin.kind)).toEqual(['client']);
    expect(b.stored.map((s) => s.origin.kind)).toEqual(['relay']); // B's storage skips relayed changes (CollabService)
  });

  it('lets a late copy catch up on what the others have not stored yet', () => {
    const bus = new Bus();
    const a = startProcess(bus);
    writer(a.room, 'ann').type('eerst ');
    // C loads only what is stored (nothing here): its start() asks the others.
    const c = startProcess(bus);
    expect(text(c.room)).toBe('eerst ');
    writer(c.room, 'cas').type('daarna');
    expect(text(a.room)).toBe('eerst daarna');
  });

  it('asks for a resync when a missed message leaves a gap, and converges', () => {
    const bus = new Bus();
    const a = startProcess(bus);
    const b = startProcess(bus);
    const ann = writer(a.room, 'ann');
    let dropped = 0;
    bus.drop = (message, to) => to === b.relay && message.type === 'update' && !message.answer && dropped++ === 0;
    ann.type('een ');
    expect(text(b.room)).toBe('');
    clock += 1000;
    ann.type('twee');
    // The second change depends on the first: B kept it, asked A, and got both.
    expect(text(b.room)).toBe('een twee');
    expect(b.relay.gapCount).toBe(0);
    expect(bus.log.filter((m) => m.type === 'sync-request' && m.from === b.relay.id)).toHaveLength(2); // at start, and for the gap
  });

  it('asks again on tick when a gap came too soon after the last request', () => {
    const bus = new Bus();
    const a = startProcess(bus);
    const b = startProcess(bus);
    const ann = writer(a.room, 'ann');
    let dropped = 0;
    bus.drop = (message, to) => to === b.relay && message.type === 'update' && !message.answer && dropped++ === 0;
    ann.type('een ');
    ann.type('twee'); // same instant as B's request at start: not asked again yet
    expect(b.relay.gapCount).toBe(1);
    expect(text(b.room)).toBe('');
    clock += 1000;
    b.relay.tick();
    expect(text(b.room)).toBe('een twee');
    expect(b.relay.gapCount).toBe(0);
  });

  it("catches the others up when this copy's own change never reached them (its connection to Redis was cut)", () => {
    const bus = new Bus();
    const a = startProcess(bus);
    const b = startProcess(bus);
    // A's publish is lost on the way to B, and Ann types nothing more: B has no gap to notice it by.
    bus.drop = (message, to) => to === b.relay && message.from === a.relay.id;
    writer(a.room, 'ann').type('kwijt');
    bus.drop = () => false;
    expect(text(b.room)).toBe('');
    clock += 1000;
    a.relay.resync(); // A's connection came back
    expect(text(b.room)).toBe('kwijt');
  });

  it('three copies that agree do not ask each other back', () => {
    const bus = new Bus();
    const a = startProcess(bus);
    startProcess(bus);
    startProcess(bus);
    writer(a.room, 'ann').type('x');
    clock += 1000;
    const before = bus.log.length;
    a.relay.resync();
    expect(bus.log.slice(before).filter((m) => m.type === 'sync-request')).toHaveLength(1);
  });

  it('forgets a gap nobody can fill', () => {
    const bus = new Bus();
    const a = startProcess(bus);
    const b = startProcess(bus);
    const ann = writer(a.room, 'ann');
    // The first change and every answer are lost on the way to B: its gap can never be filled.
    let changes = 0;
    bus.drop = (message, to) => to === b.relay && message.type === 'update' && (message.answer || changes++ === 0);
    ann.type('een ');
    ann.type('twee');
    expect(b.relay.gapCount).toBe(1);
    clock += 31_000;
    b.relay.tick();
    expect(b.relay.gapCount).toBe(0);
  });

  it("keeps another process's changes until that process confirms them, and hands over the unconfirmed ones", () => {
    const bus = new Bus();
    const a = startProcess(bus);
    const b = startProcess(bus);
    const ann = writer(a.room, 'ann');
    ann.type('bewaard ');
    ann.type('nog niet');
    expect(b.relay.unconfirmedCount).toBe(2);

    a.relay.stored(1); // A's first change is durable
    expect(b.relay.unconfirmedCount).toBe(1);
    expect(b.relay.takeOrphans()).toEqual([]); // not overdue yet

    clock += 1001; // A never confirms the second: presumed dead
    const orphans = b.relay.takeOrphans();
    expect(orphans).toHaveLength(1);
    expect(orphans[0].userId).toBe('ann');
    const restored = new Y.Doc();
    Y.applyUpdate(restored, a.stored[0].update);
    Y.applyUpdate(restored, orphans[0].update);
    expect(restored.getText('t').toString()).toBe('bewaard nog niet');
    expect(b.relay.unconfirmedCount).toBe(0);
  });

  it('hands over everything unconfirmed when the copy goes away', () => {
    const bus = new Bus();
    const a = startProcess(bus);
    const b = startProcess(bus);
    writer(a.room, 'ann').type('x');
    expect(b.relay.takeOrphans(true)).toHaveLength(1);
    expect(a.relay.takeOrphans(true)).toHaveLength(0); // A stores its own
  });

  it("tracks an answer holding the sender's unstored content, not one holding only stored content", () => {
    const bus = new Bus();
    const a = startProcess(bus);
    writer(a.room, 'ann').type('x');
    const late = startProcess(bus);
    expect(late.relay.unconfirmedCount).toBe(1);
    a.relay.stored(1);
    expect(late.relay.unconfirmedCount).toBe(0);
    const later = startProcess(bus);
    expect(text(later.room)).toBe('x');
    expect(later.relay.unconfirmedCount).toBe(0); // A's answer said everything it sent was durable
  });

  it('relays presence both ways without echoing it back', () => {
    const bus = new Bus();
    const a = startProcess(bus);
    const b = startProcess(bus);
    const ann = writer(a.room, 'ann');
    const presence = new awarenessProtocol.Awareness(ann.doc);
    presence.setLocalState({ cursor: 1 });
    a.room.receive(ann.connection, encodeAwareness(presence, [ann.doc.clientID]));

    const seen = b.room.awareness.getStates().get(ann.doc.clientID) as
      { user?: { id: string }; cursor?: number } | undefined;
    expect(seen?.cursor).toBe(1);
    expect(seen?.user?.id).toBe('ann'); // stamped by A with the identity from the ticket
    expect(bus.log.filter((m) => m.type === 'awareness')).toHaveLength(1); // B did not send it back

    a.room.leave(ann.connection);
    expect(b.room.awareness.getStates().has(ann.doc.clientID)).toBe(false);
    presence.destroy();
  });

  it("does not let a client on one process change or remove presence another process's user holds", () => {
    const bus = new Bus();
    const a = startProcess(bus);
    const b = startProcess(bus);
    const ann = writer(a.room, 'ann');
    const presence = new awarenessProtocol.Awareness(ann.doc);
    afterCleanup(() => presence.destroy());
    presence.setLocalState({ cursor: 1 });
    const frame = (awareness: awarenessProtocol.Awareness) => encodeAwareness(awareness, [ann.doc.clientID]);
    a.room.receive(ann.connection, frame(presence));

    // Mallory on B sends presence under Ann's awareness client id: a later clock, and then a removal.
    const mallory = writer(b.room, 'mallory');
    presence.setLocalState({ cursor: 99 });
    b.room.receive(mallory.connection, frame(presence));
    presence.setLocalState(null);
    b.room.receive(mallory.connection, frame(presence));
    for (const room of [a.room, b.room]) {
      const state = room.awareness.getStates().get(ann.doc.clientID) as
        { user?: { id: string }; cursor?: number } | undefined;
      expect(state).toEqual(expect.objectContaining({ cursor: 1, user: expect.objectContaining({ id: 'ann' }) }));
    }

    // Ann herself, moved to B (A went away), may.
    const moved = writer(b.room, 'ann');
    presence.setLocalState({ cursor: 5 });
    b.room.receive(moved.connection, frame(presence));
    expect((b.room.awareness.getStates().get(ann.doc.clientID) as { cursor?: number }).cursor).toBe(5);
  });

  it('a late copy asks for presence and gets it', () => {
    const bus = new Bus();
    const a = startProcess(bus);
    const ann = writer(a.room, 'ann');
    const presence = new awarenessProtocol.Awareness(ann.doc);
    presence.setLocalState({ cursor: 2 });
    a.room.receive(ann.connection, encodeAwareness(presence, [ann.doc.clientID]));
    const late = startProcess(bus);
    expect(late.room.awareness.getStates().has(ann.doc.clientID)).toBe(true);
    presence.destroy();
  });

  it("refuses, in another process, content under a Yjs client id another user's change claimed", () => {
    const bus = new Bus();
    const a = startProcess(bus);
    const b = startProcess(bus);
    const ann = writer(a.room, 'ann');
    ann.type('van ann');
    // Mallory on B reuses Ann's client id.
    const mallory = new FakeConnection();
    b.room.join(mallory, { identity: { id: 'mallory', name: 'm', color: '#000' }, readOnly: false });
    const before = Y.encodeStateVector(ann.doc);
    ann.doc.getText('t').insert(0, 'vervalst ');
    expect(() => b.room.receive(mallory, encodeSyncUpdate(Y.encodeStateAsUpdate(ann.doc, before)))).toThrow(
      ProtocolError,
    );
    expect(text(b.room)).toBe('van ann');
  });
});
