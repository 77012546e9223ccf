/**
 * The "pending updates" CPU sink (issue 7): one member sends many tiny
 * updates Yjs cannot integrate yet, each under a new client id. Yjs used to
 * keep them (doc.store.pendingStructs / pendingDs) and merge them again on
 * every later update, so each batch took longer than the one before.
 *
 *   npx tsx test/bench/collab-pending.bench.ts
 *
 * Runs DocumentRoom in process (no sockets, no database): 4 batches of 1,000
 * frames of each kind, then one ordinary edit. Prints the time per batch, how
 * many frames were refused (the gateway closes the socket with 4400 for those)
 * and what Yjs holds back afterwards.
 */
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { DocumentRoom, encodeSyncUpdate, type CollabConnection } from '../../libs/collab/src/server';

const BATCHES = 4;
const FRAMES_PER_BATCH = 1_000;

/** 1 struct of client `client` at clock 1 whose origin (client, 0) is missing: `0101e807 0184e80700 09 "bcdefghij" 00` for client 1000. */
function missingDependency(client: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1); // blocks
  encoding.writeVarUint(encoder, 1); // structs
  encoding.writeVarUint(encoder, client);
  encoding.writeVarUint(encoder, 1); // clock
  encoding.writeUint8(encoder, 0x84); // item with an origin, string content
  encoding.writeVarUint(encoder, client);
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarString(encoder, 'bcdefghij');
  encoding.writeVarUint(encoder, 0); // no deletions
  return encoding.toUint8Array(encoder);
}

/** No structs; deletes 1,000 clocks of client `client`, which the document has never seen. */
function unknownDeletion(client: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0); // no structs
  encoding.writeVarUint(encoder, 1); // one client in the delete set
  encoding.writeVarUint(encoder, client);
  encoding.writeVarUint(encoder, 1); // one range
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, 1_000);
  return encoding.toUint8Array(encoder);
}

function run(kind: string, frameFor: (client: number) => Uint8Array): void {
  const initial = new Y.Doc();
  initial.getText('t').insert(0, 'Een gewoon document.');
  const room = new DocumentRoom('bench', Y.encodeStateAsUpdate(initial), {
    maxDocumentBytes: 1_000_000,
    onUpdate: () => undefined,
  });
  const attacker: CollabConnection = { send: () => undefined, close: () => undefined };
  const editor: CollabConnection = { send: () => undefined, close: () => undefined };
  room.join(attacker, { identity: { id: 'mallory', name: 'Mallory', color: '#000000' }, readOnly: false });
  room.join(editor, { identity: { id: 'alice', name: 'Alice', color: '#000000' }, readOnly: false });

  let client = 1_000;
  const lines: string[] = [];
  for (let batch = 1; batch <= BATCHES; batch++) {
    let refused = 0;
    const started = performance.now();
    for (let i = 0; i < FRAMES_PER_BATCH; i++) {
      try {
        room.receive(attacker, encodeSyncUpdate(frameFor(client++)));
      } catch {
        refused += 1; // the gateway would close the socket (4400); the next frame needs a new ticket
      }
    }
    lines.push(`batch ${batch}: ${((performance.now() - started) / 1000).toFixed(2)} s, refused ${refused}`);
  }

  // One ordinary edit afterwards: what every editor of the document pays from now on.
  Y.applyUpdate(initial, Y.encodeStateAsUpdate(room.doc));
  const before = Y.encodeStateVector(initial);
  initial.getText('t').insert(0, 'x');
  const started = performance.now();
  room.receive(editor, encodeSyncUpdate(Y.encodeStateAsUpdate(initial, before)));
  const edit = performance.now() - started;

  const store = room.doc.store;
  const held = (store.pendingStructs?.update.length ?? 0) + (store.pendingDs?.length ?? 0);
  console.log(`${kind} (${FRAMES_PER_BATCH} frames per batch, ${frameFor(1_000).length + 3}-byte frames):`);
  for (const line of lines) console.log(`  ${line}`);
  console.log(
    `  one ordinary edit afterwards: ${edit.toFixed(1)} ms; held back by Yjs: ${held} bytes; text: ${JSON.stringify(room.doc.getText('t').toString())}`,
  );
  room.destroy();
  initial.destroy();
}

run('missing dependencies (pending structs)', missingDependency);
run('deletions of unknown content (pending deletions)', unknownDeletion);
