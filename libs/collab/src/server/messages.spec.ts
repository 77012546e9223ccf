import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as authProtocol from 'y-protocols/auth';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import {
  CLOSE,
  encodeAwareness,
  encodePermissionDenied,
  encodeSyncStep1,
  encodeSyncUpdate,
  wouldChange,
  MESSAGE_AUTH,
  MESSAGE_AWARENESS,
  MESSAGE_SYNC,
} from './messages';

function docWith(text: string): Y.Doc {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return doc;
}

/** Reads a sync frame the way y-websocket's provider does; returns the reply, if any. */
function clientReads(frame: Uint8Array, doc: Y.Doc): Uint8Array | null {
  const decoder = decoding.createDecoder(frame);
  expect(decoding.readVarUint(decoder)).toBe(MESSAGE_SYNC);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.readSyncMessage(decoder, encoder, doc, 'server');
  expect(decoder.pos).toBe(frame.length);
  return encoding.length(encoder) > 1 ? encoding.toUint8Array(encoder) : null;
}

describe('frame encoders', () => {
  it('encodes sync step 1 so a client answers with what the server lacks', () => {
    const server = docWith('gedeeld');
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    client.getText('t').insert(0, 'nieuw: ');

    const reply = clientReads(encodeSyncStep1(server), client);
    expect(reply).not.toBeNull();
    const decoder = decoding.createDecoder(reply!);
    decoding.readVarUint(decoder);
    expect(decoding.readVarUint(decoder)).toBe(syncProtocol.messageYjsSyncStep2);
    Y.applyUpdate(server, decoding.readVarUint8Array(decoder));
    expect(server.getText('t').toString()).toBe('nieuw: gedeeld');
  });

  it('encodes an update that a client applies', () => {
    const source = docWith('hallo');
    const client = new Y.Doc();
    expect(clientReads(encodeSyncUpdate(Y.encodeStateAsUpdate(source)), client)).toBeNull();
    expect(client.getText('t').toString()).toBe('hallo');
  });

  it('encodes presence for the given clients only', () => {
    const server = new awarenessProtocol.Awareness(new Y.Doc());
    const other = new awarenessProtocol.Awareness(new Y.Doc());
    const receiver = new awarenessProtocol.Awareness(new Y.Doc());
    try {
      server.setLocalState({ a: 1 });
      other.setLocalState({ b: 2 });
      awarenessProtocol.applyAwarenessUpdate(
        server,
        awarenessProtocol.encodeAwarenessUpdate(other, [other.clientID]),
        null,
      );

      const frame = encodeAwareness(server, [other.clientID]);
      const decoder = decoding.createDecoder(frame);
      expect(decoding.readVarUint(decoder)).toBe(MESSAGE_AWARENESS);
      awarenessProtocol.applyAwarenessUpdate(receiver, decoding.readVarUint8Array(decoder), null);
      expect(decoder.pos).toBe(frame.length);
      expect(receiver.getStates().get(other.clientID)).toEqual({ b: 2 });
      expect(receiver.getStates().has(server.clientID)).toBe(false);
    } finally {
      for (const awareness of [server, other, receiver]) awareness.destroy();
    }
  });

  it("encodes permission denied as y-protocols' auth message with the reason", () => {
    const frame = encodePermissionDenied('alleen lezen');
    const decoder = decoding.createDecoder(frame);
    expect(decoding.readVarUint(decoder)).toBe(MESSAGE_AUTH);
    const handler = jest.fn();
    authProtocol.readAuthMessage(decoder, new Y.Doc(), handler);
    expect(handler).toHaveBeenCalledWith(expect.any(Y.Doc), 'alleen lezen');
    expect(decoder.pos).toBe(frame.length);
  });
});

describe('wouldChange', () => {
  it('is false for the state of an empty document', () => {
    expect(wouldChange(new Y.Doc(), Y.encodeStateAsUpdate(new Y.Doc()))).toBe(false);
  });

  it('is false for what the document already has, deletions included', () => {
    const doc = docWith('abc');
    doc.getText('t').delete(0, 1);
    expect(wouldChange(doc, Y.encodeStateAsUpdate(doc))).toBe(false);
  });

  it('is true for an insertion the document lacks', () => {
    expect(wouldChange(new Y.Doc(), Y.encodeStateAsUpdate(docWith('x')))).toBe(true);
  });

  it('is true for an update that only deletes', () => {
    const doc = docWith('abc');
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    doc.getText('t').delete(0, 1);
    expect(updates).toHaveLength(1);
    expect(wouldChange(copy, updates[0])).toBe(true);
  });

  it('throws for bytes that are not an update', () => {
    expect(() => wouldChange(new Y.Doc(), new Uint8Array([5, 1, 2]))).toThrow();
  });
});

describe('CLOSE', () => {
  const entries = Object.entries(CLOSE);

  it('uses distinct codes a WebSocket close frame may carry', () => {
    const codes = entries.map(([, close]) => close.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code === 1001 || (code >= 4000 && code <= 4999)).toBe(true);
  });

  it('keeps every reason within the 123 bytes a close frame allows', () => {
    for (const [, close] of entries) {
      expect(close.reason.length).toBeGreaterThan(0);
      expect(Buffer.byteLength(close.reason, 'utf8')).toBeLessThanOrEqual(123);
    }
  });
});
