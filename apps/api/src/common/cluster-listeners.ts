import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { RedisService } from '../redis/redis.service';
import { Listeners } from './listeners';

/**
 * Listeners for an event that every API process must hear: who may still
 * edit, whose session ended. Emitting calls this process's listeners at once
 * and, with REDIS_URL, publishes the event so the other processes call
 * theirs. Events are small JSON values.
 */
export class ClusterListeners<T> extends Listeners<T> {
  private readonly logger = new Logger(ClusterListeners.name);
  private readonly origin = randomUUID();
  private readonly channel: string;

  constructor(
    private readonly redis: RedisService,
    topic: string,
  ) {
    super();
    this.channel = redis.channel(`events:${topic}`);
    if (!redis.enabled) return;
    this.redis
      .subscribe(this.channel, (message) => this.received(message))
      .catch((error: unknown) => this.logger.error(`Subscribing to ${this.channel} failed: ${String(error)}`));
  }

  override emit(event: T): void {
    super.emit(event);
    this.redis.publish(this.channel, JSON.stringify({ origin: this.origin, event }));
  }

  private received(message: Buffer): void {
    let parsed: { origin?: unknown; event?: T };
    try {
      parsed = JSON.parse(message.toString('utf8')) as { origin?: unknown; event?: T };
    } catch {
      return this.logger.error(`An unreadable event on ${this.channel} was ignored`);
    }
    if (parsed.origin !== this.origin && parsed.event !== undefined) super.emit(parsed.event);
  }
}
