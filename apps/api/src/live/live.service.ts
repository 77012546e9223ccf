import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import type { LiveEvent } from '@spiraal/domain';
import { ClusterListeners } from '../common/cluster-listeners';
import { RedisService } from '../redis/redis.service';

interface Delivery {
  userIds: readonly string[];
  event: LiveEvent;
}

/** One open stream: a browser tab of a user, on one session. */
export interface LiveConnection {
  userId: string;
  /** The session's fingerprint, so ending the session closes the stream. */
  session: string;
  send(event: LiveEvent): void;
  close(): void;
}

/**
 * The live channel's server side: `publish` reaches every open stream of
 * these users on every API process (through Redis when REDIS_URL is set,
 * in this process otherwise). Callers decide who may see an event; publish
 * only after the change is committed, and put nothing secret in an event
 * a page could not also read through the API.
 */
@Injectable()
export class LiveService implements OnApplicationShutdown {
  private readonly byUser = new Map<string, Set<LiveConnection>>();
  private readonly relay: ClusterListeners<Delivery>;

  constructor(redis: RedisService) {
    this.relay = new ClusterListeners<Delivery>(redis, 'live');
    this.relay.subscribe((delivery) => this.deliver(delivery));
  }

  publish(userIds: string | readonly string[], event: LiveEvent): void {
    const list = typeof userIds === 'string' ? [userIds] : userIds;
    if (list.length) this.relay.emit({ userIds: list, event });
  }

  /** Registers an open stream; returns the way to remove it. */
  add(connection: LiveConnection): () => void {
    let set = this.byUser.get(connection.userId);
    if (!set) this.byUser.set(connection.userId, (set = new Set()));
    set.add(connection);
    return () => {
      const current = this.byUser.get(connection.userId);
      if (current?.delete(connection) && !current.size) this.byUser.delete(connection.userId);
    };
  }

  /** Closes the streams of ended sessions (sign-out, password change). */
  closeSessions(fingerprints: readonly string[]): void {
    const ended = new Set(fingerprints);
    for (const set of this.byUser.values())
      for (const connection of set) if (ended.has(connection.session)) connection.close();
  }

  /** Open streams in this process (metrics, tests). */
  get size(): number {
    let count = 0;
    for (const set of this.byUser.values()) count += set.size;
    return count;
  }

  onApplicationShutdown(): void {
    for (const set of [...this.byUser.values()]) for (const connection of [...set]) connection.close();
  }

  /** Delivers to this process's streams only, for events every process hears anyway (membership changes). */
  deliverHere(userIds: readonly string[], event: LiveEvent): void {
    this.deliver({ userIds, event });
  }

  private deliver({ userIds, event }: Delivery): void {
    for (const userId of userIds) for (const connection of this.byUser.get(userId) ?? []) connection.send(event);
  }
}
