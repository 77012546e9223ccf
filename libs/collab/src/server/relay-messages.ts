import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { ProtocolError } from './messages';

/**
 * What the copies of one document in different processes tell each other
 * (over Redis pub/sub, one channel per document). `from` names the sending
 * copy (a room in one process), so a copy ignores its own messages.
 */
export type RelayMessage =
  /**
   * A change the sender accepted. `seq` numbers the sender's own changes; it is
   * durable there once a `stored` message reaches `seq`. `durableSeq` is what
   * was durable when sent (an answer to a sync request carries the sender's
   * current numbers). `userId` is the writer, null for answers and the server.
   * `answer`: the reply to a sync request (what the sender has that the asker
   * lacked), not a change of the sender's own.
   */
  | {
      type: 'update';
      from: string;
      seq: number;
      durableSeq: number;
      userId: string | null;
      answer: boolean;
      update: Uint8Array;
    }
  /** The sender's own changes up to `seq` are stored. */
  | { type: 'stored'; from: string; seq: number }
  /** Presence (a y-protocols awareness update). */
  | { type: 'awareness'; from: string; update: Uint8Array }
  /** A copy that loaded late or missed something: send me what I lack. */
  | { type: 'sync-request'; from: string; stateVector: Uint8Array }
  /** A copy that loaded late: send me everyone's presence. */
  | { type: 'awareness-query'; from: string };

const TYPES = ['update', 'stored', 'awareness', 'sync-request', 'awareness-query'] as const;
const MAX_ID_LENGTH = 100;

export function encodeRelayMessage(message: RelayMessage): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, TYPES.indexOf(message.type));
  encoding.writeVarString(encoder, message.from);
  switch (message.type) {
    case 'update':
      encoding.writeVarUint(encoder, message.seq);
      encoding.writeVarUint(encoder, message.durableSeq);
      encoding.writeVarString(encoder, message.userId ?? '');
      encoding.writeUint8(encoder, message.answer ? 1 : 0);
      encoding.writeVarUint8Array(encoder, message.update);
      break;
    case 'stored':
      encoding.writeVarUint(encoder, message.seq);
      break;
    case 'awareness':
      encoding.writeVarUint8Array(encoder, message.update);
      break;
    case 'sync-request':
      encoding.writeVarUint8Array(encoder, message.stateVector);
      break;
    case 'awareness-query':
      break;
  }
  return encoding.toUint8Array(encoder);
}

/** Throws ProtocolError for anything that is not a whole relay message. */
export function decodeRelayMessage(bytes: Uint8Array): RelayMessage {
  try {
    const decoder = decoding.createDecoder(bytes);
    const type = TYPES[decoding.readVarUint(decoder)];
    const from = decoding.readVarString(decoder);
    if (!type) throw new ProtocolError('unknown relay message type');
    if (!from || from.length > MAX_ID_LENGTH) throw new ProtocolError('relay message without a sender');
    let message: RelayMessage;
    switch (type) {
      case 'update': {
        const seq = decoding.readVarUint(decoder);
        const durableSeq = decoding.readVarUint(decoder);
        const userId = decoding.readVarString(decoder);
        const answer = decoding.readUint8(decoder) === 1;
        message = {
          type,
          from,
          seq,
          durableSeq,
          userId: userId || null,
          answer,
          update: decoding.readVarUint8Array(decoder),
        };
        break;
      }
      case 'stored':
        message = { type, from, seq: decoding.readVarUint(decoder) };
        break;
      case 'awareness':
        message = { type, from, update: decoding.readVarUint8Array(decoder) };
        break;
      case 'sync-request':
        message = { type, from, stateVector: decoding.readVarUint8Array(decoder) };
        break;
      case 'awareness-query':
        message = { type, from };
        break;
    }
    if (decoding.hasContent(decoder)) throw new ProtocolError('trailing bytes after a relay message');
    return message;
  } catch (error) {
    throw error instanceof ProtocolError ? error : new ProtocolError(`malformed relay message: ${String(error)}`);
  }
}
