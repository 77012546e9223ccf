import { Controller, Get, Req, Res } from '@nestjs/common';
import type { LiveEvent } from '@spiraal/domain';
import type { Request, Response } from 'express';
import { SessionEvents } from '../auth/session-events';
import { sessionFingerprint, SessionService } from '../auth/session.service';
import { tokenFrom } from '../common/request-context';
import { LiveService } from './live.service';

/** A comment line this often keeps proxies from closing an idle stream. */
const HEARTBEAT_MS = 25_000;
/** At most this many open streams per user in one process (tabs); the oldest closes. */
const MAX_STREAMS_PER_USER = 20;

/**
 * `GET /events`: the live channel as server-sent events, signed in like the
 * API (session cookie, or `Authorization: Bearer`). Answers 401 as JSON when
 * not signed in. The stream starts with `event: ready`.
 */
@Controller('events')
export class LiveController {
  private readonly open = new Map<string, Set<() => void>>();

  constructor(
    private readonly sessions: SessionService,
    private readonly live: LiveService,
    sessionEvents: SessionEvents,
  ) {
    // Heard by every process already: this process closes its own streams.
    sessionEvents.subscribe((fingerprints) => live.closeSessions(fingerprints));
  }

  @Get()
  async stream(@Req() req: Request, @Res() res: Response): Promise<void> {
    const token = tokenFrom(req);
    const user = token ? await this.sessions.userFor(token) : null;
    if (!user || !token) {
      res.status(401).json({
        errors: [{ message: 'Je bent niet ingelogd / You are not signed in', extensions: { code: 'UNAUTHENTICATED' } }],
      });
      return;
    }
    res.status(200);
    res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Accel-Buffering', 'no'); // nginx: pass events on at once
    res.flushHeaders();
    req.socket.setKeepAlive(true);
    req.socket.setNoDelay(true);

    let closed = false;
    const write = (chunk: string) => {
      if (!closed) res.write(chunk);
    };
    const heartbeat = setInterval(() => write(': ping\n\n'), HEARTBEAT_MS);
    const close = () => {
      if (closed) return;
      closed = true;
      clearInterval(heartbeat);
      remove();
      this.forget(user.id, close);
      res.end();
    };
    const remove = this.live.add({
      userId: user.id,
      session: sessionFingerprint(token),
      send: (event: LiveEvent) => write(`event: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`),
      close,
    });
    this.remember(user.id, close);
    req.on('close', close);
    write(`retry: 3000\nevent: ready\ndata: {}\n\n`);
  }

  private remember(userId: string, close: () => void): void {
    let set = this.open.get(userId);
    if (!set) this.open.set(userId, (set = new Set()));
    set.add(close);
    if (set.size > MAX_STREAMS_PER_USER) set.values().next().value?.();
  }

  private forget(userId: string, close: () => void): void {
    const set = this.open.get(userId);
    if (set?.delete(close) && !set.size) this.open.delete(userId);
  }
}
