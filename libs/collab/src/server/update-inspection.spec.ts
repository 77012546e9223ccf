import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { ProtocolError } from './messages';
import { inspectUpdate } from './update-inspection';

const docs: Y.Doc[] = [];
afterEach(() => docs.splice(0).forEach((doc) => doc.destroy()));

function newDoc(clientID?: number): Y.Doc {
  const doc = new Y.Doc();
  if (clientID !== undefined) doc.clientID = clientID;
  docs.push(doc);
  return doc;
}

const inspect = (doc: Y.Doc, update: Uint8Array) => inspectUpdate(doc, update, Y.decodeUpdate(update));

/** What Yjs itself does with the update: applied to a copy of the document, is anything left pending? */
function yjsKeepsPending(doc: Y.Doc, update: Uint8Array): boolean {
  const copy = newDoc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  Y.applyUpdate(copy, update);
  return copy.store.pendingStructs !== null;
}

/** A v1 update written by hand: one block per entry, each struct a string item with only an origin. */
function handMade(
  blocks: { client: number; clock: number; structs: { origin: [number, number]; text: string }[] }[],
  blockCount = blocks.length,
): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, blockCount);
  for (const block of blocks) {
    encoding.writeVarUint(encoder, block.structs.length);
    encoding.writeVarUint(encoder, block.client);
    encoding.writeVarUint(encoder, block.clock);
    for (const struct of block.structs) {
      encoding.writeUint8(encoder, 0x84); // has an origin, string content
      encoding.writeVarUint(encoder, struct.origin[0]);
      encoding.writeVarUint(encoder, struct.origin[1]);
      encoding.writeVarString(encoder, struct.text);
    }
  }
  encoding.writeVarUint(encoder, 0); // no deletions
  return encoding.toUint8Array(encoder);
}

/** The frame from the report: client 1000 at clock 1, after its clock 0, which nobody sent. */
const MISSING_ORIGIN = Uint8Array.from(Buffer.from('0101e8070184e807000962636465666768696a00', 'hex'));

describe('inspectUpdate', () => {
  it('finds an ordinary edit complete and names its client as the writer', () => {
    const server = newDoc();
    const client = newDoc(7);
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    client.getText('t').insert(0, 'hallo');
    expect(inspect(server, Y.encodeStateAsUpdate(client))).toEqual({ writers: new Set([7]), incomplete: false });
  });

  it('finds a struct whose earlier clocks are missing incomplete, as Yjs does', () => {
    const server = newDoc();
    expect(inspect(server, MISSING_ORIGIN)).toEqual({ writers: new Set([1000]), incomplete: true });
    expect(yjsKeepsPending(server, MISSING_ORIGIN)).toBe(true);
  });

  it('finds an update complete when its structs depend on each other across clients, in any block order', () => {
    // Yjs writes higher client ids first: client 9's block comes before the client 2 content it builds on.
    const first = newDoc(2);
    first.getText('t').insert(0, 'eerst');
    const second = newDoc(9);
    Y.applyUpdate(second, Y.encodeStateAsUpdate(first));
    second.getText('t').insert(5, ' dan');
    first.getText('t').insert(0, '>'); // and client 2 again, after client 9's content
    Y.applyUpdate(second, Y.encodeStateAsUpdate(first));
    second.getText('t').insert(0, '!');
    const server = newDoc();
    const update = Y.encodeStateAsUpdate(second);
    expect(Y.decodeUpdate(update).structs[0].id.client).toBe(9);
    expect(inspect(server, update)).toEqual({ writers: new Set([2, 9]), incomplete: false });
    expect(yjsKeepsPending(server, update)).toBe(false);
  });

  it('finds structs that wait on each other (a cycle) incomplete', () => {
    const cycle = handMade([
      { client: 5, clock: 0, structs: [{ origin: [6, 0], text: 'a' }] },
      { client: 6, clock: 0, structs: [{ origin: [5, 0], text: 'b' }] },
    ]);
    const server = newDoc();
    expect(inspect(server, cycle).incomplete).toBe(true);
    expect(yjsKeepsPending(server, cycle)).toBe(true);
  });

  it('finds an update with a gap (a skip) before new structs incomplete', () => {
    const source = newDoc(3);
    const updates: Uint8Array[] = [];
    source.on('update', (update: Uint8Array) => updates.push(update));
    for (const word of ['een', 'twee', 'drie']) source.getText('t').insert(0, word);
    const gapped = Y.mergeUpdates([updates[0], updates[2]]);
    expect(Y.decodeUpdate(gapped).structs.some((struct) => struct instanceof Y.Skip)).toBe(true);
    const server = newDoc();
    expect(inspect(server, gapped).incomplete).toBe(true);
    expect(yjsKeepsPending(server, gapped)).toBe(true);
  });

  it('names no writer for structs the document already has, and only the new ones otherwise', () => {
    const server = newDoc();
    const client = newDoc(4);
    client.getText('t').insert(0, 'bekend');
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
    expect(inspect(server, Y.encodeStateAsUpdate(client))).toEqual({ writers: new Set(), incomplete: false });
    const other = newDoc(8);
    Y.applyUpdate(other, Y.encodeStateAsUpdate(client));
    other.getText('t').delete(0, 2); // deletions only: no new structs
    expect(inspect(server, Y.encodeStateAsUpdate(other))).toEqual({ writers: new Set(), incomplete: false });
    client.getText('t').insert(6, ' en nieuw');
    expect(inspect(server, Y.encodeStateAsUpdate(client))).toEqual({ writers: new Set([4]), incomplete: false });
  });

  it('refuses a client in two blocks and an empty block, which Yjs would read differently from how they decode', () => {
    const server = newDoc();
    const twice = handMade([
      { client: 5, clock: 0, structs: [{ origin: [1, 0], text: 'a' }] },
      { client: 6, clock: 0, structs: [{ origin: [1, 0], text: 'b' }] },
      { client: 5, clock: 1, structs: [{ origin: [1, 0], text: 'c' }] },
    ]);
    expect(() => inspect(server, twice)).toThrow(ProtocolError);
    const emptyBlock = handMade([
      { client: 5, clock: 0, structs: [{ origin: [1, 0], text: 'a' }] },
      { client: 5, clock: 0, structs: [] },
    ]);
    expect(() => inspect(server, emptyBlock)).toThrow(ProtocolError);
  });

  it('refuses a struct whose origin is a later clock of its own client (Yjs would throw half-way)', () => {
    const forward = handMade([{ client: 5, clock: 0, structs: [{ origin: [5, 3], text: 'a' }] }]);
    expect(() => inspect(newDoc(), forward)).toThrow(ProtocolError);
  });

  it('refuses an empty deletion range (Yjs would throw after integrating the structs)', () => {
    const encoder = encoding.createEncoder();
    for (const n of [0, 1, 77, 1, 5, 0]) encoding.writeVarUint(encoder, n); // no structs; client 77: one range, clock 5, length 0
    expect(() => inspect(newDoc(), encoding.toUint8Array(encoder))).toThrow(ProtocolError);
  });

  it('agrees with Yjs on random pieces of a shared editing history', () => {
    // Three editors with their own ids edit and sync; pieces of their history, merged in any
    // combination, are offered to a server that has some prefix of it.
    let seed = 20260301;
    const random = (n: number) => {
      seed = (Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
      return seed % n;
    };
    const editors = [newDoc(11), newDoc(22), newDoc(33)];
    const history: { editor: number; update: Uint8Array }[] = [];
    editors.forEach((editor, i) =>
      editor.on(
        'update',
        (update: Uint8Array, origin: unknown) => origin !== 'sync' && history.push({ editor: i, update }),
      ),
    );
    for (let step = 0; step < 120; step++) {
      const editor = editors[random(3)];
      const text = editor.getText('t');
      if (text.length > 3 && random(3) === 0) text.delete(random(text.length - 1), 1 + random(2));
      else text.insert(random(text.length + 1), String.fromCharCode(97 + random(26)));
      if (random(4) === 0) Y.applyUpdate(editors[random(3)], Y.encodeStateAsUpdate(editor), 'sync');
    }
    let complete = 0;
    for (let trial = 0; trial < 150; trial++) {
      const server = newDoc();
      const known = random(history.length);
      Y.applyUpdate(server, Y.mergeUpdates(history.slice(0, known).map((entry) => entry.update)));
      // What follows, either up to a point per editor (complete unless it builds on another
      // editor's later edits) or with updates left out here and there (gaps).
      const until = editors.map(() => known + random(history.length - known + 1));
      const gaps = random(2) === 0;
      const piece = Y.mergeUpdates(
        history
          .filter((entry, i) => i >= known - 3 && (gaps ? random(8) !== 0 : i < until[entry.editor]))
          .map((entry) => entry.update),
      );
      const { incomplete } = inspect(server, piece);
      expect(`${trial}: ${incomplete}`).toBe(`${trial}: ${yjsKeepsPending(server, piece)}`);
      if (!incomplete) complete += 1;
    }
    // Both answers occur often enough to mean something.
    expect(complete).toBeGreaterThan(25);
    expect(complete).toBeLessThan(125);
  });

  it('agrees with Yjs on mutated updates it does not refuse, and those never make Yjs throw once complete', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
      return seed % n;
    };
    const [a, b] = [newDoc(5), newDoc(300)];
    const states: Uint8Array[] = [];
    for (let i = 0; i < 30; i++) {
      const [editor, other] = i % 2 ? [a, b] : [b, a];
      editor.getText('t').insert(random(editor.getText('t').length + 1), 'xy');
      if (i % 3 === 0) editor.getMap('m').set('k', new Y.Text('q'));
      if (i % 4 === 0) editor.getText('t').delete(0, 1);
      Y.applyUpdate(other, Y.encodeStateAsUpdate(editor));
      states.push(Y.encodeStateAsUpdate(editor));
    }
    const outcomes = { agreed: 0, refused: 0 };
    for (let trial = 0; trial < 1000; trial++) {
      const server = newDoc();
      Y.applyUpdate(server, states[random(states.length)]);
      const mutated = Uint8Array.from(states[random(states.length)]);
      for (let k = 1 + random(3); k > 0; k--) mutated[random(mutated.length)] = random(256);
      let decoded: ReturnType<typeof Y.decodeUpdate>;
      try {
        decoded = Y.decodeUpdate(mutated);
      } catch {
        continue; // refused before inspection
      }
      let incomplete: boolean;
      try {
        incomplete = inspectUpdate(server, mutated, decoded).incomplete;
      } catch (error) {
        expect(error).toBeInstanceOf(ProtocolError);
        outcomes.refused += 1;
        continue;
      }
      const copy = newDoc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(server));
      let pending: boolean | 'threw';
      try {
        Y.applyUpdate(copy, mutated);
        pending = copy.store.pendingStructs !== null;
      } catch {
        pending = 'threw';
      }
      if (!incomplete || pending !== 'threw') expect(`${trial}: ${incomplete}`).toBe(`${trial}: ${pending}`);
      outcomes.agreed += 1;
    }
    expect(outcomes.agreed).toBeGreaterThan(100);
    expect(outcomes.refused).toBeGreaterThan(5);
  });
});
