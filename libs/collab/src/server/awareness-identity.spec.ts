import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { PeerIdentity, stampAwarenessUpdate } from './awareness-identity';

interface Entry {
  clientId: number;
  clock: number;
  state: unknown;
}

/** Encodes entries exactly as y-protocols does; `raw` lets a test send a state that is not JSON. */
function encode(entries: (Entry | { clientId: number; clock: number; raw: string })[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, 'raw' in entry ? entry.raw : JSON.stringify(entry.state));
  }
  return encoding.toUint8Array(encoder);
}

function decode(update: Uint8Array): Entry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    entries.push({
      clientId: decoding.readVarUint(decoder),
      clock: decoding.readVarUint(decoder),
      state: JSON.parse(decoding.readVarString(decoder)) as unknown,
    });
  }
  expect(decoder.pos).toBe(update.length);
  return entries;
}

const alice: PeerIdentity = { id: 'u-alice', name: 'Alice', color: '#1f77b4' };
const nobodyElse = () => false;

describe('stampAwarenessUpdate', () => {
  it("replaces every state's user with the connection's identity and keeps everything else", () => {
    const update = encode([
      {
        clientId: 11,
        clock: 4,
        state: { user: { id: 'u-bob', name: 'Bob', color: '#000', admin: true }, cursor: { anchor: 1, head: 3 } },
      },
      { clientId: 12, clock: 9, state: { cursor: null, extra: [1, 2] } },
    ]);
    const stamped = stampAwarenessUpdate(update, alice, nobodyElse);
    expect(decode(stamped.update)).toEqual([
      { clientId: 11, clock: 4, state: { user: alice, cursor: { anchor: 1, head: 3 } } },
      { clientId: 12, clock: 9, state: { cursor: null, extra: [1, 2], user: alice } },
    ]);
    expect(stamped.clients).toEqual([11, 12]);
  });

  it('gives an empty state the identity too', () => {
    const stamped = stampAwarenessUpdate(encode([{ clientId: 3, clock: 1, state: {} }]), alice, nobodyElse);
    expect(decode(stamped.update)).toEqual([{ clientId: 3, clock: 1, state: { user: alice } }]);
  });

  it('keeps removals (null states) as they are', () => {
    const stamped = stampAwarenessUpdate(encode([{ clientId: 5, clock: 7, state: null }]), alice, nobodyElse);
    expect(decode(stamped.update)).toEqual([{ clientId: 5, clock: 7, state: null }]);
    expect(stamped.clients).toEqual([5]);
  });

  it('drops entries for client ids another connection owns, asking about each id', () => {
    const asked: number[] = [];
    const stamped = stampAwarenessUpdate(
      encode([
        { clientId: 1, clock: 1, state: { cursor: 1 } },
        { clientId: 2, clock: 50, state: { cursor: 'vervalst' } },
        { clientId: 3, clock: 1, state: null },
      ]),
      alice,
      (clientId) => {
        asked.push(clientId);
        return clientId !== 1;
      },
    );
    expect(asked).toEqual([1, 2, 3]);
    expect(decode(stamped.update)).toEqual([{ clientId: 1, clock: 1, state: { cursor: 1, user: alice } }]);
    expect(stamped.clients).toEqual([1]);
  });

  it('returns an empty update when every entry belongs to someone else', () => {
    const stamped = stampAwarenessUpdate(encode([{ clientId: 2, clock: 1, state: {} }]), alice, () => true);
    expect(stamped.clients).toEqual([]);
    expect(decode(stamped.update)).toEqual([]);
  });

  it.each([
    ['a number', 42],
    ['a string', 'ik ben Alice'],
    ['a boolean', true],
    ['an array', [{ user: 'x' }]],
  ])('drops a state that is %s', (_name, state) => {
    const stamped = stampAwarenessUpdate(
      encode([
        { clientId: 8, clock: 1, state },
        { clientId: 9, clock: 1, state: { ok: true } },
      ]),
      alice,
      nobodyElse,
    );
    expect(stamped.clients).toEqual([9]);
    expect(decode(stamped.update)).toEqual([{ clientId: 9, clock: 1, state: { ok: true, user: alice } }]);
  });

  it('throws for a state that is not JSON', () => {
    expect(() =>
      stampAwarenessUpdate(encode([{ clientId: 1, clock: 1, raw: '{"user":' }]), alice, nobodyElse),
    ).toThrow();
  });

  it('throws for an update cut short', () => {
    const update = encode([{ clientId: 300, clock: 1, state: { a: 1 } }]);
    expect(() => stampAwarenessUpdate(update.subarray(0, 3), alice, nobodyElse)).toThrow();
    expect(() => stampAwarenessUpdate(new Uint8Array([]), alice, nobodyElse)).toThrow();
  });

  it('produces an update that a real Awareness applies', () => {
    const doc = new Y.Doc();
    const source = new awarenessProtocol.Awareness(doc);
    source.setLocalState({ user: { name: 'Nep' }, cursor: 2 });
    const target = new awarenessProtocol.Awareness(new Y.Doc());
    try {
      const stamped = stampAwarenessUpdate(
        awarenessProtocol.encodeAwarenessUpdate(source, [doc.clientID]),
        alice,
        nobodyElse,
      );
      awarenessProtocol.applyAwarenessUpdate(target, stamped.update, 'test');
      expect(target.getStates().get(doc.clientID)).toEqual({ user: alice, cursor: 2 });
    } finally {
      source.destroy();
      target.destroy();
    }
  });
});
