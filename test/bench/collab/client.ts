import { markdownToYDocUpdate } from '@spiraal/collab';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/** Where one client connects: the provider's server URL, room and query parameters. */
export interface Endpoint {
  serverUrl: string;
  room: string;
  params: Record<string, string>;
}

export interface BenchClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Milliseconds from `new WebsocketProvider` to its 'sync' event. */
  synced: Promise<number>;
  destroy(): void;
}

/**
 * A y-websocket client with the options of test/support/collab-client.ts
 * (disableBc: clients in one process must only talk through the server).
 * That helper is not used here because it fetches a ticket itself (timing
 * must start at `new WebsocketProvider`) and pulls in the Nest app, which
 * worker threads should not load.
 */
export function openClient(
  endpoint: Endpoint,
  options: { seed?: Uint8Array | null; clientId?: number; timeoutMs?: number } = {},
): BenchClient {
  const doc = new Y.Doc();
  if (options.clientId !== undefined) doc.clientID = options.clientId;
  if (options.seed) Y.applyUpdate(doc, options.seed);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const startedAt = performance.now();
  const provider = new WebsocketProvider(endpoint.serverUrl, endpoint.room, doc, {
    params: endpoint.params,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    resyncInterval: -1,
  });
  const synced = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`${endpoint.room}: not synced within ${timeoutMs} ms`)), timeoutMs);
    const onSync = (state: boolean) => {
      if (state) finish(null, performance.now() - startedAt);
    };
    const onClosed = (event: { code: number; reason: string }) =>
      finish(new Error(`${endpoint.room}: refused (${event.code} ${event.reason})`));
    const finish = (error: Error | null, ms = 0) => {
      clearTimeout(timer);
      provider.off('sync', onSync);
      provider.off('closed', onClosed);
      if (error) reject(error);
      else resolve(ms);
    };
    provider.on('sync', onSync);
    provider.on('closed', onClosed);
  });
  synced.catch(() => undefined); // callers that destroy early need not await it
  return {
    doc,
    provider,
    synced,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Blocks (top-level nodes) in the body fragment: how a load is checked to be complete. */
export function blockCount(doc: Y.Doc): number {
  return doc.getXmlFragment('default').length;
}

/** Blocks the Markdown body has once converted as our server converts it: what a complete load shows. */
export function expectedBlocks(markdown: string): number {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, markdownToYDocUpdate(markdown));
  const blocks = blockCount(doc);
  doc.destroy();
  return blocks;
}
