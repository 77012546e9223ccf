import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { gql } from './graphql-client';

export interface Ticket {
  url: string;
  token: string;
  expiresAt: string;
  readOnly: boolean;
}

export async function collabTicket(baseUrl: string, token: string, itemId: string): Promise<Ticket> {
  const result = await gql(
    baseUrl,
    `mutation ($itemId: ID!) { collabTicket(itemId: $itemId) { url token expiresAt readOnly } }`,
    { itemId },
    token,
  );
  if (!result.data) throw new Error(`collabTicket failed: ${JSON.stringify(result.errors)}`);
  return result.data.collabTicket;
}

export interface CollabClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** The body's text as the editor would show it. */
  text(): string;
  destroy(): void;
}

/**
 * A real y-websocket client (as the web app uses it), in Node. No
 * BroadcastChannel: two clients in one process must talk through the server.
 */
export async function connectClient(
  baseUrl: string,
  token: string,
  itemId: string,
  /** `doc`: an editor's existing document, connecting anew (to another process, say). */
  options: { waitForSync?: boolean; doc?: Y.Doc } = {},
): Promise<CollabClient> {
  const ticket = await collabTicket(baseUrl, token, itemId);
  const doc = options.doc ?? new Y.Doc();
  const provider = new WebsocketProvider(ticket.url, itemId, doc, {
    params: { ticket: ticket.token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    resyncInterval: -1,
  });
  freshTicketOnEveryConnect(provider, () => collabTicket(baseUrl, token, itemId));
  const client: CollabClient = {
    doc,
    provider,
    text: () => textOf(doc),
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
  if (options.waitForSync !== false) await waitFor(() => provider.synced, 10_000, 'the client to sync');
  return client;
}

/**
 * Tickets are single-use, so every connection needs a fresh one, as the web
 * app's editor does: `connect()` fetches one first, and a dropped connection
 * (while still wanted) reconnects the same way after a short pause, instead
 * of the provider's own reconnect with the used ticket.
 */
function freshTicketOnEveryConnect(provider: WebsocketProvider, fetchTicket: () => Promise<Ticket>): void {
  const connect = provider.connect.bind(provider);
  const disconnect = provider.disconnect.bind(provider);
  let wanted = true; // false after disconnect() or destroy()
  let attempt = 0;
  const later = () => setTimeout(() => wanted && provider.connect(), Math.min(1000, 50 * 2 ** attempt++));
  const open = () => {
    if (!wanted) return;
    if (provider.ws) return void setTimeout(open, 20); // the previous socket is still closing
    connect();
  };
  provider.connect = () => {
    wanted = true;
    provider.shouldConnect = true;
    void fetchTicket().then(
      (ticket) => {
        attempt = 0;
        provider.params.ticket = ticket.token;
        open();
      },
      later, // the server may be restarting
    );
  };
  provider.disconnect = () => {
    wanted = false;
    disconnect();
  };
  provider.on('connection-close', () => {
    if (!wanted) return;
    provider.shouldConnect = false; // cancels the provider's own reconnect with the used ticket
    later();
  });
}

/** The text of the body fragment: paragraphs joined by newlines. */
export function textOf(doc: Y.Doc): string {
  return doc
    .getXmlFragment('default')
    .toArray()
    .map((node) =>
      node instanceof Y.XmlElement
        ? node
            .toArray()
            .map((child) => (child instanceof Y.XmlText ? child.toString().replace(/<[^>]+>/g, '') : ''))
            .join('')
        : '',
    )
    .join('\n');
}

/** Appends a paragraph with this text, as typing in the editor would. */
export function typeParagraph(doc: Y.Doc, value: string): void {
  doc.transact(() => {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(value)]);
    const fragment = doc.getXmlFragment('default');
    fragment.insert(fragment.length, [paragraph]);
  });
}

export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 5_000,
  what = 'a condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
}

/** Opens a raw socket to the collab endpoint; resolves with the HTTP status of a refusal, or 101. */
export function upgradeStatus(wsUrl: string): Promise<number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(wsUrl);
    socket.on('open', () => {
      socket.close();
      resolve(101);
    });
    socket.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      socket.terminate();
    });
    socket.on('error', () => undefined);
  });
}
