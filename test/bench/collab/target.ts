import type { HistogramSnapshot } from './server-histogram';
import type { Endpoint } from './client';

/** A document to use in a phase; `seed` is set when the first client must bring its content. */
export interface PreparedRoom {
  room: string;
  /** The content as a Yjs update for the first client to push (the reference only learns documents from clients). */
  seed: Uint8Array | null;
}

/** A collaboration server under measurement, started as its own process. */
export interface CollabTarget {
  readonly label: string;
  readonly pid: number;
  /** The database with `yjs_updates`, when the target stores updates. */
  readonly databaseUrl: string | null;
  /** `count` new documents with this Markdown body, none of them loaded yet. */
  prepareRooms(count: number, markdown: string): Promise<PreparedRoom[]>;
  /** How editor number `editor` connects to a room (editors are spread over accounts). */
  endpoint(room: string, editor: number): Promise<Endpoint>;
  /** Waits (bounded) until background work left by earlier phases on these rooms is done. */
  settle(rooms: readonly string[]): Promise<void>;
  /** The server's accepted-to-stored histogram now, when it keeps one (server-histogram.ts). */
  storedHistogram?(): Promise<HistogramSnapshot | null>;
  stop(): Promise<void>;
}
