import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { ReadinessService } from '../health/readiness.service';

type Handler = (message: Buffer) => void;

/**
 * This process's connections to Redis, when REDIS_URL is set: one to publish
 * and one to subscribe (a subscribed connection can do nothing else). Channel
 * names get the configured prefix. Without REDIS_URL everything here is a
 * no-op and `enabled` is false: one process needs no relay.
 *
 * Redis going away never stops local work: publishing fails quietly (logged),
 * a subscription made while Redis does not answer is made once it does,
 * every channel is subscribed again after a reconnect, and `onReconnect`
 * listeners catch up on what they missed meanwhile (in either direction).
 *
 * Closed in onApplicationShutdown, after every beforeApplicationShutdown
 * hook: the collaboration service still publishes while it unloads.
 */
@Injectable()
export class RedisService implements OnApplicationShutdown {
  private readonly logger = new Logger(RedisService.name);
  private readonly publisher: Redis | null = null;
  private readonly subscriber: Redis | null = null;
  /** Every channel anyone listens on: what the subscriber connection must be subscribed to. */
  private readonly handlers = new Map<string, Set<Handler>>();
  private readonly reconnectListeners = new Set<() => void>();
  private readonly prefix: string;
  private readonly connectedOnce = new Set<Redis>();
  private lastErrorLog = 0;

  constructor(@Inject(APP_CONFIG) config: AppConfig, readiness: ReadinessService) {
    this.prefix = config.redis.prefix;
    const url = config.redis.url;
    if (!url) return;
    const options = {
      maxRetriesPerRequest: 2,
      enableOfflineQueue: true,
      retryStrategy: (times: number) => Math.min(100 * times, 2_000),
    };
    this.publisher = new Redis(url, { ...options, connectionName: 'spiraal-publish' });
    // Subscribed again by `ready` below: also the channels whose first SUBSCRIBE failed, which ioredis would forget.
    this.subscriber = new Redis(url, { ...options, autoResubscribe: false, connectionName: 'spiraal-subscribe' });
    for (const connection of [this.publisher, this.subscriber])
      connection.on('error', (error: Error) => this.logError('connection', error));
    this.subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) =>
      this.deliver(channel.toString(), message),
    );
    // What was published meanwhile is lost: to us (subscriber) or to the others (publisher).
    this.subscriber.on('ready', () => void this.ready(this.subscriber!));
    this.publisher.on('ready', () => void this.ready(this.publisher!));
    readiness.register('redis', () => this.publisher!.ping());
  }

  get enabled(): boolean {
    return this.publisher !== null;
  }

  /** A connection for ordinary commands (null without REDIS_URL). */
  get client(): Redis | null {
    return this.publisher;
  }

  channel(name: string): string {
    return `${this.prefix}:${name}`;
  }

  publish(channel: string, message: Uint8Array | string): void {
    if (!this.publisher) return;
    const payload =
      typeof message === 'string' ? message : Buffer.from(message.buffer, message.byteOffset, message.byteLength);
    this.publisher.publish(channel, payload).catch((error: Error) => this.logError(`publishing on ${channel}`, error));
  }

  /**
   * Calls `handler` for every message on the channel from now on; resolves
   * once subscribed, or once trying failed (logged: the channel is subscribed
   * when Redis answers again, and `onReconnect` listeners catch up then).
   * Returns the way to stop.
   */
  async subscribe(channel: string, handler: Handler): Promise<() => Promise<void>> {
    if (!this.subscriber) return async () => undefined;
    let handlers = this.handlers.get(channel);
    if (!handlers) this.handlers.set(channel, (handlers = new Set()));
    handlers.add(handler);
    await this.subscriber.subscribe(channel).catch((error: Error) => this.logError(`subscribing to ${channel}`, error));
    return async () => {
      const current = this.handlers.get(channel);
      if (!current?.delete(handler) || current.size) return;
      this.handlers.delete(channel);
      await this.subscriber!.unsubscribe(channel).catch((error: Error) =>
        this.logError(`unsubscribing from ${channel}`, error),
      );
    };
  }

  /** Called after Redis was unreachable and answers again. */
  onReconnect(listener: () => void): () => void {
    this.reconnectListeners.add(listener);
    return () => this.reconnectListeners.delete(listener);
  }

  async onApplicationShutdown(): Promise<void> {
    const open = [this.publisher, this.subscriber].filter((connection): connection is Redis => !!connection);
    await Promise.all(open.map((connection) => connection.quit().catch(() => connection.disconnect())));
  }

  /** A connection is (again) ready: subscribe every channel, then let listeners catch up on what went missing. */
  private async ready(connection: Redis): Promise<void> {
    const again = this.connectedOnce.has(connection);
    this.connectedOnce.add(connection);
    if (connection === this.subscriber && this.handlers.size) {
      try {
        await this.subscriber.subscribe(...this.handlers.keys());
      } catch (error) {
        return this.logError('subscribing again', error as Error); // the next `ready` tries again
      }
    }
    if (!again && connection === this.publisher) return; // nothing was published yet
    if (again) this.logger.log('Redis is back: catching up');
    for (const listener of this.reconnectListeners) listener();
  }

  private deliver(channel: string, message: Buffer): void {
    for (const handler of this.handlers.get(channel) ?? []) {
      try {
        handler(message);
      } catch (error) {
        this.logger.error(`Handling a message on ${channel} failed: ${String(error)}`);
      }
    }
  }

  /** At most one error line per 10 s: a Redis outage would otherwise flood the log. */
  private logError(what: string, error: Error): void {
    const now = Date.now();
    if (now - this.lastErrorLog < 10_000) return;
    this.lastErrorLog = now;
    this.logger.error(`Redis ${what} failed: ${error.message}`);
  }
}
