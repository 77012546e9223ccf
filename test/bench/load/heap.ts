import WebSocket from 'ws';

/**
 * Makes a bench server run a full garbage collection, through the inspector it
 * was started with (NODE_OPTIONS=--inspect=127.0.0.1:0, loopback only, bench
 * only), so memory readings compare live objects rather than garbage a
 * collection has not come for yet.
 */
export async function collectGarbage(serverOutput: string): Promise<void> {
  const urls = [...serverOutput.matchAll(/Debugger listening on (ws:\/\/\S+)/g)];
  const url = urls[urls.length - 1]?.[1];
  if (!url) throw new Error('the server has no inspector: start it with NODE_OPTIONS=--inspect=127.0.0.1:0');
  const socket = new WebSocket(url);
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => socket.send(JSON.stringify({ id: 1, method: 'HeapProfiler.collectGarbage' })));
      socket.on('message', (data) => {
        if ((JSON.parse(String(data)) as { id?: number }).id === 1) resolve();
      });
      socket.once('error', reject);
      setTimeout(() => reject(new Error('no answer from the inspector within 30 s')), 30_000).unref();
    });
  } finally {
    socket.close();
  }
}
