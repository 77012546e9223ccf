/**
 * The reference: the stock y-websocket server of @y/websocket-server, in
 * memory, without auth or persistence. The bench runs it as its own process,
 * as it runs ours, so both get the same conditions (and the same kind of pid
 * for reading memory). Listens on HOST:PORT; the room is the URL path.
 */
import { createServer, IncomingMessage } from 'node:http';
import { WebSocket, WebSocketServer } from 'ws';

// Persistence (YPERSISTENCE) or a callback (CALLBACK_URL) would make this a different server.
for (const name of ['YPERSISTENCE', 'CALLBACK_URL']) {
  if (process.env[name]) {
    console.error(`reference-server: ${name} is set; the reference must run in memory only`);
    process.exit(1);
  }
}

// A require, not an import: the package's subpath export is not visible to this repo's (node10) TypeScript resolution.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- see the comment above
const { setupWSConnection } = require('@y/websocket-server/utils') as {
  setupWSConnection(conn: WebSocket, req: IncomingMessage): void;
};

const port = Number(process.env.PORT);
const host = process.env.HOST ?? '127.0.0.1';

const server = createServer((_req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/plain' });
  res.end('okay');
});
const wss = new WebSocketServer({ server });
wss.on('connection', (conn, req) => setupWSConnection(conn, req));

server.listen(port, host, () => console.log(`reference y-websocket server on ${host}:${port}`));
process.on('SIGTERM', () => process.exit(0));
