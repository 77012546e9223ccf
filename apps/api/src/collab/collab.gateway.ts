import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { CLOSE, CollabConnection, DocumentRoom, DocumentTooLarge, type Peer } from '@spiraal/collab';
import { can, collabModeFor, colorFor, isUuid, type CollabMode } from '@spiraal/domain';
import { peerMode } from './collab-mode';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { DataSource } from 'typeorm';
import { RawData, WebSocket, WebSocketServer } from 'ws';
import { AccessService, factsOf } from '../access/access.service';
import { ItemEvents } from '../items/item-events';
import { SessionEvents } from '../auth/session-events';
import { SessionService } from '../auth/session.service';
import { MembershipChange, MembershipEvents } from '../communities/membership-events';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { UserEntity } from '../database/entities/user.entity';
import { CollabService } from './collab.service';
import { CollabTicketService } from './collab-ticket.service';
import { RedisService } from '../redis/redis.service';

const PATH = /^\/collab\/([^/?#]+)$/;
const HEARTBEAT_MS = 30_000;
/** Frames a client may send before its document is loaded (a normal client sends two or three). */
const MAX_EARLY_FRAMES = 64;

interface Client {
  socket: WebSocket;
  connection: CollabConnection;
  userId: string;
  itemId: string;
  communityId: string;
  /** The fingerprint of the session the ticket was issued to. */
  session: string;
  room: DocumentRoom | null;
  /** The mode this connection was opened with, or last told of. */
  mode: CollabMode;
  alive: boolean;
}

/**
 * The y-websocket endpoint, `/collab/<itemId>?ticket=…`, on the API's own
 * HTTP server. Tickets and access are checked in the upgrade, before a socket
 * exists; a frame that is not the protocol closes that socket only.
 */
@Injectable()
export class CollabGateway implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(CollabGateway.name);
  private readonly wss: WebSocketServer;
  private readonly clients = new Set<Client>();
  private heartbeat: ReturnType<typeof setInterval> | null = null;
  private unsubscribe: (() => void) | null = null;
  private server: Server | null = null;
  private readonly maxEarlyBytes: number;
  private readonly onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) =>
    void this.upgrade(req, socket, head);

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly tickets: CollabTicketService,
    private readonly access: AccessService,
    private readonly collab: CollabService,
    private readonly memberships: MembershipEvents,
    private readonly items: ItemEvents,
    private readonly sessions: SessionService,
    private readonly sessionEvents: SessionEvents,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly redis: RedisService,
  ) {
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: config.collab.maxMessageBytes,
      perMessageDeflate: false,
    });
    this.maxEarlyBytes = 4 * config.collab.maxMessageBytes;
  }

  get openSockets(): number {
    return this.clients.size;
  }

  onApplicationBootstrap(): void {
    // Command-line tools (seed:demo, search:reindex) run the modules without an HTTP server.
    const server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    if (!server) return;
    this.server = server;
    this.server.on('upgrade', this.onUpgrade);
    const unsubscribeMemberships = this.memberships.subscribe((change) => this.membershipChanged(change));
    const unsubscribeItems = this.items.subscribe(({ itemId, frozen }) => this.itemChanged(itemId, frozen));
    const unsubscribeSessions = this.sessionEvents.subscribe((ended) => this.sessionsEnded(ended));
    // Events other processes sent while Redis did not answer are lost: every socket's access is checked afresh.
    const unsubscribeReconnect = this.redis.onReconnect(() => this.recheckAll());
    this.unsubscribe = () => {
      unsubscribeMemberships();
      unsubscribeItems();
      unsubscribeSessions();
      unsubscribeReconnect();
    };
    this.heartbeat = setInterval(() => this.ping(), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  onModuleDestroy(): void {
    this.server?.off('upgrade', this.onUpgrade);
    this.unsubscribe?.();
    if (this.heartbeat) clearInterval(this.heartbeat);
  }

  private async upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    socket.on('error', () => socket.destroy());
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const match = PATH.exec(url.pathname);
      if (!match) return refuse(socket, 404, 'Not Found');
      const itemId = decodeURIComponent(match[1]);
      const claims = isUuid(itemId) ? await this.tickets.verify(url.searchParams.get('ticket'), itemId) : null;
      // A ticket opens one socket, for as long as the session it was issued to lasts.
      if (!claims || !(await this.tickets.consume(claims)) || !(await this.sessions.isActive(claims.session)))
        return refuse(socket, 401, 'Unauthorized');
      // The ticket names the user; their access now decides (a role may have changed since).
      const user = await this.db.getRepository(UserEntity).findOneBy({ id: claims.userId });
      const granted = user ? await this.access.toItem(user, itemId, 'community.read').catch(() => null) : null;
      if (!user || !granted) return refuse(socket, 401, 'Unauthorized');
      const mode = peerMode(claims.mode, granted.access, factsOf(granted.item, user.id));
      this.wss.handleUpgrade(req, socket, head, (ws) =>
        this.accept(ws, itemId, granted.community.id, claims.session, {
          identity: { id: user.id, name: user.displayName, color: colorFor(user.id) },
          readOnly: mode === 'READ',
          suggestOnly: mode === 'SUGGEST',
        }),
      );
    } catch (error) {
      this.logger.error(`Upgrade failed: ${String(error)}`);
      refuse(socket, 500, 'Internal Server Error');
    }
  }

  private accept(socket: WebSocket, itemId: string, communityId: string, session: string, peer: Peer): void {
    const connection: CollabConnection = {
      send: (message) => {
        if (socket.readyState === WebSocket.OPEN) socket.send(message);
      },
      close: (code, reason) => socket.close(code, reason),
    };
    const client: Client = {
      socket,
      connection,
      userId: peer.identity.id,
      itemId,
      communityId,
      session,
      room: null,
      mode: peer.readOnly ? 'READ' : peer.suggestOnly ? 'SUGGEST' : 'EDIT',
      alive: true,
    };
    this.clients.add(client);
    const early: Uint8Array[] = [];
    let earlyBytes = 0;
    let closed = false;

    socket.on('pong', () => (client.alive = true));
    socket.on('error', () => undefined); // 'close' follows
    socket.on('message', (data, isBinary) => {
      const frame = isBinary ? toBytes(data) : null;
      if (!frame) return connection.close(CLOSE.malformed.code, CLOSE.malformed.reason);
      if (client.room) return this.receive(client, frame);
      // Answered once the document is loaded; a client that floods meanwhile is cut off.
      earlyBytes += frame.length;
      if (early.push(frame) > MAX_EARLY_FRAMES || earlyBytes > this.maxEarlyBytes)
        connection.close(CLOSE.malformed.code, CLOSE.malformed.reason);
    });
    socket.on('close', () => {
      closed = true;
      this.clients.delete(client);
      if (client.room) this.collab.registry.leave(client.room, connection);
    });

    this.collab.registry.join(itemId, connection, peer).then(
      (room) => {
        if (closed) return this.collab.registry.leave(room, connection);
        client.room = room;
        // Access may have changed while the document loaded.
        room.setMode(connection, client.mode);
        for (const frame of early.splice(0)) this.receive(client, frame);
      },
      (error: unknown) => {
        this.logger.error(`Loading document ${itemId} failed: ${String(error)}`);
        connection.close(CLOSE.loadFailed.code, CLOSE.loadFailed.reason);
      },
    );
  }

  private receive(client: Client, frame: Uint8Array): void {
    if (client.socket.readyState !== WebSocket.OPEN) return;
    try {
      client.room!.receive(client.connection, frame);
    } catch (error) {
      const close = error instanceof DocumentTooLarge ? CLOSE.documentTooLarge : CLOSE.malformed;
      client.connection.close(close.code, close.reason);
    }
  }

  /**
   * Removed members lose their sockets (4403); downgraded ones are read-only at
   * once and told so (4409: the editor opens again with a fresh ticket).
   */
  private membershipChanged(change: MembershipChange): void {
    for (const client of this.clients) {
      if (client.userId !== change.userId || client.communityId !== change.communityId) continue;
      if (change.role === null) {
        client.connection.close(CLOSE.accessRevoked.code, CLOSE.accessRevoked.reason);
      } else if (!can(change.role, 'item.edit')) {
        this.applyMode(client, 'READ'); // at once: no edit slips in after the downgrade
      } else {
        void this.refreshAccess(client); // may edit again, unless the item is frozen
      }
    }
  }

  /** Signed out, or signed out elsewhere by a password change: those sessions' sockets close. */
  private sessionsEnded(fingerprints: string[]): void {
    const ended = new Set(fingerprints);
    for (const client of this.clients)
      if (ended.has(client.session)) client.connection.close(CLOSE.accessRevoked.code, CLOSE.accessRevoked.reason);
  }

  /** An item became read-only for everyone (a guideline adopted: at once), or editable again (reopened). */
  private itemChanged(itemId: string, frozen: boolean): void {
    for (const client of this.clients) {
      if (client.itemId !== itemId) continue;
      // Frozen: read-only at once, then what this person may do now (refreshAccess).
      if (frozen) client.room?.setReadOnly(client.connection, true);
      void this.refreshAccess(client);
    }
  }

  /** Applies the client's access as it is now: EDIT, SUGGEST, READ, or gone. */
  private async refreshAccess(client: Client): Promise<void> {
    const granted = await this.access
      .toItem({ id: client.userId, email: '', displayName: '' }, client.itemId, 'community.read')
      .catch(() => null);
    if (!granted) return client.connection.close(CLOSE.accessRevoked.code, CLOSE.accessRevoked.reason);
    this.applyMode(client, collabModeFor(granted.access, factsOf(granted.item, client.userId)));
  }

  /**
   * A connection whose access changed gets its new mode in the room at once,
   * then is closed with 4409, so the editor learns of it now and not at its
   * next keystroke: it opens again with a fresh ticket that says what it may
   * do (EDIT, SUGGEST or READ). Updates that arrived before this were
   * accepted under the old access.
   */
  private applyMode(client: Client, mode: CollabMode): void {
    client.room?.setMode(client.connection, mode);
    if (client.mode === mode) return;
    client.mode = mode;
    client.connection.close(CLOSE.accessChanged.code, CLOSE.accessChanged.reason);
  }

  /** Every socket as if all events had arrived: ended sessions close, access applies as it is now. */
  private recheckAll(): void {
    for (const client of this.clients) {
      void this.sessions
        .isActive(client.session)
        .then((active) =>
          active
            ? this.refreshAccess(client)
            : client.connection.close(CLOSE.accessRevoked.code, CLOSE.accessRevoked.reason),
        )
        .catch((error: unknown) => this.logger.error(`Checking access of a socket again failed: ${String(error)}`));
    }
  }

  /** Ends sockets that stopped answering pings. */
  private ping(): void {
    for (const client of this.clients) {
      if (!client.alive) {
        client.socket.terminate();
        continue;
      }
      client.alive = false;
      client.socket.ping();
    }
  }
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

function refuse(socket: Duplex, status: number, text: string): void {
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`,
    );
  }
  socket.destroy();
}
