import type { Endpoint } from './client';

export interface EditorSpec {
  /** Global editor number: decides its Yjs clientID (see edit-marker.ts). */
  editor: number;
  roomIndex: number;
  endpoint: Endpoint;
}

export interface WorkerSetup {
  editors: EditorSpec[];
  sendTimes: SharedArrayBuffer;
  maxSeq: number;
  rooms: number;
  periodMs: number;
  /** Blocks a synced room must show before editing starts (proves the content arrived). */
  minBlocks: number;
}

/** Times as decimal strings: bigint does not survive postMessage in every Node version. */
export interface StartMessage {
  type: 'start';
  startNs: string;
  windowStartNs: string;
  windowEndNs: string;
  drainMs: number;
}

export interface WorkerResult {
  type: 'result';
  /** Fan-out latencies (ms) of edits made within the window, one per receiving editor. */
  latencies: Float64Array;
  /** Edits made within the window, per room. */
  sendsInWindow: number[];
  /** Edits made in all (warm-up included). */
  sent: number;
  /** Event-loop delay of this worker during the window, in ms. */
  lag: { p50: number; p99: number; max: number };
}

export type FromWorker = { type: 'ready' } | { type: 'failed'; message: string } | WorkerResult;
