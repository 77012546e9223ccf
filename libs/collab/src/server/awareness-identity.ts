import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** Who a connection is, as the server knows it; shown on carets and avatars. */
export interface PeerIdentity {
  id: string;
  name: string;
  color: string;
}

export interface StampedAwareness {
  update: Uint8Array;
  clients: number[];
}

/**
 * Rewrites an awareness update from one connection so nobody can appear as
 * somebody else: every state's `user` becomes the connection's identity, and
 * entries for client ids that another connection owns are dropped.
 */
export function stampAwarenessUpdate(
  update: Uint8Array,
  identity: PeerIdentity,
  ownedElsewhere: (clientId: number) => boolean,
): StampedAwareness {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: { clientId: number; clock: number; state: string }[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const raw = decoding.readVarString(decoder);
    if (ownedElsewhere(clientId)) continue;
    const state = JSON.parse(raw) as unknown;
    if (state !== null && (typeof state !== 'object' || Array.isArray(state))) continue; // not an awareness state
    const stamped = state === null ? null : { ...(state as Record<string, unknown>), user: { ...identity } };
    entries.push({ clientId, clock, state: JSON.stringify(stamped) });
  }
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, entry.state);
  }
  return { update: encoding.toUint8Array(encoder), clients: entries.map((e) => e.clientId) };
}
