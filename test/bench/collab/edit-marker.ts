import * as Y from 'yjs';

/**
 * How an edit is recognised wherever it shows up (another editor's doc, a
 * stored row): editor number `e` uses Yjs clientID CLIENT_ID_BASE + e, and
 * every edit inserts exactly CHARS_PER_EDIT characters, so edit number `seq`
 * of that editor starts at clock seq * CHARS_PER_EDIT. Send times live in a
 * SharedArrayBuffer indexed by (editor, seq), readable from every thread.
 */
export const CLIENT_ID_BASE = 2_000_000_000;
export const CHARS_PER_EDIT = 3;

/** hrtime is process-wide monotonic: comparable between worker threads. */
export const nowNs = (): bigint => process.hrtime.bigint();

export class SendTimes {
  readonly times: BigInt64Array;

  constructor(
    readonly buffer: SharedArrayBuffer,
    readonly maxSeq: number,
  ) {
    this.times = new BigInt64Array(buffer);
  }

  static create(editors: number, maxSeq: number): SendTimes {
    return new SendTimes(new SharedArrayBuffer(editors * maxSeq * BigInt64Array.BYTES_PER_ELEMENT), maxSeq);
  }

  get editors(): number {
    return this.times.length / this.maxSeq;
  }

  record(editor: number, seq: number, at: bigint): void {
    Atomics.store(this.times, editor * this.maxSeq + seq, at);
  }

  /** When this edit was made, or 0n when unknown. */
  sentAt(editor: number, seq: number): bigint {
    if (editor < 0 || editor >= this.editors || seq < 0 || seq >= this.maxSeq) return 0n;
    return Atomics.load(this.times, editor * this.maxSeq + seq);
  }
}

/** Calls `visit` for every benchmark edit contained in a Yjs update (a stored row). */
export function forEachEdit(update: Uint8Array, visit: (editor: number, seq: number) => void): void {
  for (const struct of Y.decodeUpdate(update).structs) {
    if (!(struct instanceof Y.Item)) continue; // GC and Skip carry no new content
    visitRange(struct.id.client, struct.id.clock, struct.id.clock + struct.length, visit);
  }
}

/** Calls `visit` for every benchmark edit a transaction added to a doc, from its state vectors. */
export function forEachNewEdit(
  before: Map<number, number>,
  after: Map<number, number>,
  visit: (editor: number, seq: number) => void,
): void {
  for (const [client, end] of after) {
    if (client < CLIENT_ID_BASE) continue;
    const start = before.get(client) ?? 0;
    if (end > start) visitRange(client, start, end, visit);
  }
}

/** Edits of a client within clocks [start, end); a range may hold several edits or, after a split, part of one: each counts by its first character. */
function visitRange(client: number, start: number, end: number, visit: (editor: number, seq: number) => void): void {
  const editor = client - CLIENT_ID_BASE;
  if (editor < 0) return;
  for (let seq = Math.ceil(start / CHARS_PER_EDIT); seq * CHARS_PER_EDIT < end; seq++) visit(editor, seq);
}
