import { Logger } from '@nestjs/common';
import { decodeRelayMessage, DocumentRoom, encodeRelayMessage, Orphan, RoomRelay } from '@spiraal/collab';
import { AppConfig } from '../config/config';
import { MetricsService } from '../metrics/metrics.service';
import { RedisService } from '../redis/redis.service';

/** How often unconfirmed changes and unfilled gaps are looked at. */
const TICK_MS = 1_000;

/**
 * Keeps this process's loaded documents in step with the same documents in
 * other API processes, over Redis (one channel per document). Does nothing
 * without REDIS_URL. The protocol itself is RoomRelay's (libs/collab); this
 * class ties it to Redis channels and to the rooms' life: subscribed before a
 * document is read from storage, so nothing sent meanwhile is missed.
 * Changes of other processes that were never confirmed stored go to `adopt`
 * (the write path in collab.service.ts stores them here).
 */
export class CollabRelay {
  private readonly logger = new Logger(CollabRelay.name);
  private readonly relays = new Map<string, RoomRelay>();
  private readonly subscriptions = new Map<string, Promise<() => Promise<void>>>();
  private readonly adoptAfterMs: number;
  private readonly timer: ReturnType<typeof setInterval> | null = null;
  private readonly messages;
  private stopReconnect: () => void = () => undefined;

  constructor(
    private readonly redis: RedisService,
    config: AppConfig,
    metrics: MetricsService,
    private readonly adopt: (itemId: string, orphan: Orphan) => void,
  ) {
    this.adoptAfterMs = config.collab.relayAdoptMs;
    this.messages = metrics.counter({
      name: 'spiraal_collab_relay_messages_total',
      help: 'Relay messages between API processes',
      labelNames: ['direction'] as const,
    });
    if (!redis.enabled) return;
    this.timer = setInterval(() => this.tick(), TICK_MS);
    this.timer.unref();
  }

  get enabled(): boolean {
    return this.redis.enabled;
  }

  /** Calls `catchUp` for every loaded document after Redis was unreachable. */
  onReconnect(catchUp: (room: DocumentRoom) => void): void {
    this.stopReconnect = this.redis.onReconnect(() => {
      for (const relay of this.relays.values()) {
        catchUp(relay.room);
        relay.resync();
      }
    });
  }

  /** Before the document is read from storage. */
  async subscribe(itemId: string): Promise<void> {
    if (!this.enabled || this.subscriptions.has(itemId)) return;
    const subscription = this.redis.subscribe(this.redis.channel(`collab:${itemId}`), (bytes) =>
      this.receive(itemId, bytes),
    );
    this.subscriptions.set(itemId, subscription);
    try {
      await subscription;
    } catch (error) {
      this.subscriptions.delete(itemId);
      throw error;
    }
  }

  async unsubscribe(itemId: string): Promise<void> {
    const subscription = this.subscriptions.get(itemId);
    this.subscriptions.delete(itemId);
    if (subscription) await (await subscription.catch(() => async () => undefined))();
  }

  /** The room is loaded: asks the other processes for what storage did not have yet. */
  attach(room: DocumentRoom): void {
    if (!this.enabled) return;
    const channel = this.redis.channel(`collab:${room.name}`);
    const relay = new RoomRelay(
      room,
      (message) => {
        this.messages.inc({ direction: 'out' });
        this.redis.publish(channel, encodeRelayMessage(message));
      },
      { adoptAfterMs: this.adoptAfterMs },
    );
    this.relays.set(room.name, relay);
    relay.start();
  }

  /**
   * The room was unloaded. Its unconfirmed changes were stored before (see
   * `orphans`); what arrived while it was unloading (revision, compaction) is
   * stored now, or it would go with the room.
   */
  detach(room: DocumentRoom): void {
    const relay = this.relays.get(room.name);
    if (relay?.room !== room) return;
    relay.stop();
    for (const orphan of relay.takeOrphans(true)) this.adopt(room.name, orphan);
    this.relays.delete(room.name);
    void this.unsubscribe(room.name);
  }

  /** A change this process accepted: sent to the others; returns its mark for the update log (0 without a relay). */
  published(itemId: string, update: Uint8Array, userId: string | null): number {
    return this.relays.get(itemId)?.published(update, userId) ?? 0;
  }

  /** This process's changes up to `mark` are durable. */
  stored(itemId: string, mark: number): void {
    if (mark) this.relays.get(itemId)?.stored(mark);
  }

  /** Every change of another process still unconfirmed (before unloading: it must be stored here). */
  orphans(itemId: string): Orphan[] {
    return this.relays.get(itemId)?.takeOrphans(true) ?? [];
  }

  /** Stops the timer and the reconnect listener (when the collaboration service stops). */
  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.stopReconnect();
  }

  private receive(itemId: string, bytes: Buffer): void {
    this.messages.inc({ direction: 'in' });
    // Not loaded yet: the room's own sync request at attach brings what this message held.
    const relay = this.relays.get(itemId);
    if (!relay) return;
    try {
      relay.receive(decodeRelayMessage(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)));
    } catch (error) {
      this.logger.error(`A relay message for ${itemId} was refused: ${String(error)}`);
    }
  }

  private tick(): void {
    for (const [itemId, relay] of this.relays) {
      relay.tick();
      for (const orphan of relay.takeOrphans()) {
        this.logger.warn(
          `A change to ${itemId} relayed from another process was never confirmed stored there: storing it here`,
        );
        this.adopt(itemId, orphan);
      }
    }
  }
}
