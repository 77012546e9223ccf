import { COLLAB_CLOSE } from '@spiraal/domain';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

/** Message types of the y-websocket protocol (first varUint of every frame). */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;

/** Close codes this server uses, with their reasons (shown to clients); shared with the web app. */
export const CLOSE = COLLAB_CLOSE;

/** A frame that is not valid y-websocket protocol. */
export class ProtocolError extends Error {}

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

export function encodeSyncUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function encodeAwareness(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(encoder);
}

/** y-websocket's "permission denied" message; the client logs the reason. */
export function encodePermissionDenied(reason: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AUTH);
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarString(encoder, reason);
  return encoding.toUint8Array(encoder);
}

/**
 * True when applying the update would change the document: it has content the
 * document lacks, or deletes something not deleted yet. (A client's sync reply
 * always carries its whole delete set, so deletions must be compared.)
 */
export function wouldChange(doc: Y.Doc, update: Uint8Array): boolean {
  if (Y.decodeUpdate(Y.diffUpdate(update, Y.encodeStateVector(doc))).structs.length > 0) return true;
  const deleted = Y.snapshot(doc).ds.clients;
  for (const [client, ranges] of Y.decodeUpdate(update).ds.clients) {
    const known = deleted.get(client) ?? [];
    // The document's ranges are sorted and merged: a deleted span lies within one of them.
    const covered = (from: number, to: number) => known.some((r) => r.clock <= from && r.clock + r.len >= to);
    if (ranges.some((r) => !covered(r.clock, r.clock + r.len))) return true;
  }
  return false;
}

export { decoding, encoding, syncProtocol, awarenessProtocol };
