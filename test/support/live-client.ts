import { request, IncomingMessage } from 'node:http';

export interface LiveEventReceived {
  type: string;
  data: any;
}

export interface LiveClient {
  status: number;
  events: LiveEventReceived[];
  /** Resolves with the first event (after those already seen, from `since`) that matches. */
  next(
    predicate: (event: LiveEventReceived) => boolean,
    timeoutMs?: number,
    since?: number,
  ): Promise<LiveEventReceived>;
  /** Resolves when the server ended the stream. */
  ended: Promise<void>;
  close(): void;
}

/** Opens `GET /events` (server-sent events) as a browser would, with a bearer token or a cookie. */
export function openLive(baseUrl: string, auth: { token?: string; cookie?: string } = {}): Promise<LiveClient> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { Accept: 'text/event-stream' };
    if (auth.token) headers.Authorization = `Bearer ${auth.token}`;
    if (auth.cookie) headers.Cookie = auth.cookie;
    const req = request(`${baseUrl}/events`, { headers }, (res: IncomingMessage) => {
      const events: LiveEventReceived[] = [];
      const waiters = new Set<() => void>();
      let buffer = '';
      let endedResolve!: () => void;
      const ended = new Promise<void>((r) => (endedResolve = r));
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let at: number;
        while ((at = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, at);
          buffer = buffer.slice(at + 2);
          let type = 'message';
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith('event: ')) type = line.slice(7);
            else if (line.startsWith('data: ')) data.push(line.slice(6));
          }
          if (!data.length) continue;
          events.push({ type, data: JSON.parse(data.join('\n')) });
          for (const wake of [...waiters]) wake();
        }
      });
      res.on('end', endedResolve);
      res.on('close', endedResolve);
      resolve({
        status: res.statusCode ?? 0,
        events,
        ended,
        close: () => req.destroy(),
        next: (predicate, timeoutMs = 5_000, since = 0) =>
          new Promise((done, fail) => {
            const check = () => {
              const found = events.slice(since).find(predicate);
              if (!found) return;
              waiters.delete(check);
              clearTimeout(timer);
              done(found);
            };
            const timer = setTimeout(() => {
              waiters.delete(check);
              fail(new Error(`No matching live event within ${timeoutMs} ms; got ${JSON.stringify(events)}`));
            }, timeoutMs);
            waiters.add(check);
            check();
          }),
      });
    });
    req.on('error', reject);
    req.end();
  });
}
