import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  accessFor,
  can,
  isUuid,
  NOTIFICATION_GROUP_WINDOW_MS,
  NotificationKind,
  Role,
  Visibility,
} from '@spiraal/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../common/request-context';
import { badInput } from '../common/errors';
import { decodeCursor, encodeCursor } from '../common/keyset-cursor';
import { LiveService } from '../live/live.service';
import { AfterCommit } from './after-commit';
import { NotificationMailer } from './notification-mailer';

/** Something that happened, and whom it concerns (docs/notifications.md). */
export interface NotifyEvent {
  kind: NotificationKind;
  /** Who did it; never notified of their own action. Null: nobody (a periodic check). */
  actorId: string | null;
  communityId: string;
  itemId?: string | null;
  commentId?: string | null;
  /** A short quote shown with the notification (cut to 200 characters). */
  excerpt?: string | null;
  /** People concerned directly (mentioned, authors, the member whose role changed). */
  userIds?: readonly string[];
  /** Also everyone following these items or communities (an item's authors follow it unless they unfollowed). */
  followersOf?: readonly string[];
  /** Left out (e.g. those mentioned, who get a MENTION for the same comment). */
  excludeUserIds?: readonly string[];
}

export interface NotificationRow {
  id: string;
  kind: NotificationKind;
  communityId: string;
  itemId: string | null;
  commentId: string | null;
  actorId: string | null;
  actorCount: number;
  excerpt: string;
  createdAt: Date;
  readAt: Date | null;
}

const EXCERPT_MAX = 200;
const MARK_MAX = 500;

export function excerptOf(text: string | null | undefined): string {
  const flat = (text ?? '').replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_MAX ? `${flat.slice(0, EXCERPT_MAX - 1)}…` : flat;
}

/** The inbox: creating notifications (grouped, permission-checked), reading and marking them. */
@Injectable()
export class NotificationsService {
  private readonly afterCommit: AfterCommit;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly live: LiveService,
    private readonly mailer: NotificationMailer,
  ) {
    this.afterCommit = new AfterCommit(db);
  }

  /**
   * Notifies everyone concerned who may read the community, except the actor,
   * inside the caller's transaction. A notification of the same kind on the
   * same item still unread and begun within 10 minutes takes the new actor in
   * instead. Mails at once where wanted; live counts go out after the commit.
   * Returns how many people were notified.
   */
  async notify(manager: EntityManager, event: NotifyEvent): Promise<number> {
    const candidates: { id: string; role: Role | null; visibility: Visibility }[] = await manager.query(
      `WITH wanted AS (
         SELECT unnest($1::uuid[]) AS id
         UNION SELECT user_id FROM follows WHERE target_id = ANY($2::uuid[]) AND active
         UNION SELECT a.user_id FROM item_authors a WHERE a.item_id = ANY($2::uuid[])
           AND NOT EXISTS (SELECT 1 FROM follows f WHERE f.user_id = a.user_id AND f.target_id = a.item_id AND NOT f.active)
       )
       SELECT w.id, m.role, c.visibility
         FROM wanted w
         JOIN users u ON u.id = w.id
         JOIN communities c ON c.id = $3
         LEFT JOIN memberships m ON m.community_id = c.id AND m.user_id = w.id
        WHERE w.id IS DISTINCT FROM $4::uuid AND w.id <> ALL($5::uuid[])`,
      [event.userIds ?? [], event.followersOf ?? [], event.communityId, event.actorId, event.excludeUserIds ?? []],
    );
    const recipients = candidates
      .filter((c) => can(accessFor(c.role, c.visibility), 'community.read'))
      .map((c) => c.id);
    if (!recipients.length) return 0;
    const excerpt = excerptOf(event.excerpt);
    const actors = event.actorId ? [event.actorId] : [];
    const rows: { id: string; user_id: string; created: boolean }[] = await manager.query(
      `WITH recipients AS (SELECT unnest($1::uuid[]) AS user_id),
       grouped AS (
         UPDATE notifications n
            SET actor_id = $5, actor_ids = CASE WHEN $5::uuid IS NULL OR $5 = ANY(n.actor_ids) THEN n.actor_ids ELSE n.actor_ids || $5::uuid END,
                comment_id = coalesce($6, n.comment_id), excerpt = $7, created_at = now()
           FROM recipients r
          WHERE $4::uuid IS NOT NULL AND n.user_id = r.user_id AND n.kind = $2 AND n.item_id = $4 AND n.read_at IS NULL
            AND n.first_at > now() - make_interval(secs => $9::double precision / 1000)
         RETURNING n.id, n.user_id
       ),
       created AS (
         INSERT INTO notifications (user_id, kind, community_id, item_id, comment_id, actor_id, actor_ids, excerpt)
         SELECT r.user_id, $2, $3, $4, $6, $5, $8::uuid[], $7 FROM recipients r
          WHERE r.user_id NOT IN (SELECT user_id FROM grouped)
         RETURNING id, user_id
       )
       SELECT id, user_id, false AS created FROM grouped UNION ALL SELECT id, user_id, true FROM created`,
      [
        recipients,
        event.kind,
        event.communityId,
        event.itemId ?? null,
        event.actorId,
        event.commentId ?? null,
        excerpt,
        actors,
        NOTIFICATION_GROUP_WINDOW_MS,
      ],
    );
    const created = rows.filter((r) => r.created).map((r) => ({ id: r.id, userId: r.user_id }));
    if (this.mailer.enabled && created.length) {
      const [context]: { actor_name: string | null; item_title: string | null; community_name: string }[] =
        await manager.query(
          `SELECT (SELECT display_name FROM users WHERE id = $1) AS actor_name, (SELECT title FROM items WHERE id = $2) AS item_title, name AS community_name
           FROM communities WHERE id = $3`,
          [event.actorId, event.itemId ?? null, event.communityId],
        );
      await this.mailer.sendImmediate(manager, event.kind, created, {
        actorName: context.actor_name,
        itemTitle: context.item_title,
        communityName: context.community_name,
        excerpt,
        link: { itemId: event.itemId ?? null, commentId: event.commentId ?? null, communityId: event.communityId },
      });
    }
    const byUser = new Map(rows.map((r) => [r.user_id, r.id]));
    this.afterCommit.run(manager, () => void this.announce(recipients, byUser));
    return recipients.length;
  }

  /**
   * Tells an account it was invited (issue 20), inside the invitation's
   * transaction: an INVITATION notification, shown although the community is
   * not readable to them yet. Not mailed: the invitation mail is the mail.
   * The caller decides who may hear of it (a verified address only).
   */
  async notifyInvited(
    manager: EntityManager,
    event: { userId: string; actorId: string; communityId: string; excerpt: string },
  ): Promise<void> {
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO notifications (user_id, kind, community_id, actor_id, actor_ids, excerpt)
       VALUES ($1, 'INVITATION', $2, $3, ARRAY[$3]::uuid[], $4) RETURNING id`,
      [event.userId, event.communityId, event.actorId, excerptOf(event.excerpt)],
    );
    this.afterCommit.run(manager, () => void this.announce([event.userId], new Map([[event.userId, row.id]])));
  }

  /** The inbox, newest first, in pages like `items`; only what the user may still read, and invitations. */
  async list(
    user: AuthUser,
    first: number | null | undefined,
    after: string | null | undefined,
    unreadOnly: boolean,
  ): Promise<{ rows: NotificationRow[]; hasNextPage: boolean; totalCount: number }> {
    const size = first ?? 20;
    if (!Number.isInteger(size) || size < 1 || size > 100)
      throw badInput('first moet tussen 1 en 100 liggen / first must be between 1 and 100', 'first');
    const cursor = after ? decodeCursor(after) : null;
    const communities = await this.access.readableCommunityIds(user.id);
    const where = `n.user_id = $1 AND (n.community_id = ANY($2::uuid[]) OR n.kind = 'INVITATION') ${unreadOnly ? 'AND n.read_at IS NULL' : ''}`;
    const rows: NotificationRow[] = await this.db.query(
      `SELECT n.id, n.kind, n.community_id AS "communityId", n.item_id AS "itemId", n.comment_id AS "commentId", n.actor_id AS "actorId",
              greatest(cardinality(n.actor_ids), 1) AS "actorCount", n.excerpt, n.created_at AS "createdAt", n.read_at AS "readAt"
         FROM notifications n
        WHERE ${where} ${cursor ? 'AND (n.created_at, n.id) < ($4, $5)' : ''}
        ORDER BY n.created_at DESC, n.id DESC
        LIMIT $3`,
      cursor ? [user.id, communities, size + 1, cursor.createdAt, cursor.id] : [user.id, communities, size + 1],
    );
    const [{ count }]: { count: number }[] = await this.db.query(
      `SELECT count(*)::int AS count FROM notifications n WHERE ${where}`,
      [user.id, communities],
    );
    return { rows: rows.slice(0, size), hasNextPage: rows.length > size, totalCount: count };
  }

  cursorOf(row: NotificationRow): string {
    return encodeCursor({ createdAt: row.createdAt, id: row.id });
  }

  /** Unread notifications of each user that they may still read (`can(…, 'community.read')`), and invitations. */
  async unreadCounts(userIds: readonly string[]): Promise<Map<string, number>> {
    const rows: { user_id: string; role: Role | null; visibility: Visibility; invitation: boolean; n: number }[] =
      await this.db.query(
        `SELECT n.user_id, m.role, c.visibility, n.kind = 'INVITATION' AS invitation, count(*)::int AS n
           FROM notifications n
           JOIN communities c ON c.id = n.community_id
           LEFT JOIN memberships m ON m.community_id = n.community_id AND m.user_id = n.user_id
          WHERE n.user_id = ANY($1::uuid[]) AND n.read_at IS NULL
          GROUP BY n.user_id, m.role, c.visibility, n.kind = 'INVITATION'`,
        [userIds],
      );
    const counts = new Map(userIds.map((id) => [id, 0]));
    for (const row of rows)
      if (row.invitation || can(accessFor(row.role, row.visibility), 'community.read'))
        counts.set(row.user_id, (counts.get(row.user_id) ?? 0) + row.n);
    return counts;
  }

  async unreadCount(user: AuthUser): Promise<number> {
    return (await this.unreadCounts([user.id])).get(user.id) ?? 0;
  }

  /** Marks the user's own notifications read; how many changed. Ids of others change nothing. */
  async markRead(user: AuthUser, ids: readonly string[]): Promise<number> {
    if (ids.length > MARK_MAX) throw badInput(`Hoogstens ${MARK_MAX} tegelijk / At most ${MARK_MAX} at once`, 'ids');
    const wrong = ids.filter((id) => !isUuid(id));
    if (wrong.length)
      throw badInput(`Onbekende meldingen: ${wrong.slice(0, 5).join(', ')} / Unknown notifications`, 'ids');
    const [, count]: [unknown, number] = await this.db.query(
      `UPDATE notifications SET read_at = now() WHERE user_id = $1 AND id = ANY($2::uuid[]) AND read_at IS NULL`,
      [user.id, ids],
    );
    if (count) void this.announce([user.id], new Map());
    return count;
  }

  async markAllRead(user: AuthUser): Promise<number> {
    const [, count]: [unknown, number] = await this.db.query(
      `UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`,
      [user.id],
    );
    if (count) void this.announce([user.id], new Map());
    return count;
  }

  /** Tells every open page of these users their unread count. */
  private async announce(userIds: readonly string[], latest: Map<string, string>): Promise<void> {
    try {
      const counts = await this.unreadCounts(userIds);
      for (const [userId, unreadCount] of counts)
        this.live.publish(userId, {
          type: 'notification',
          data: { unreadCount, notificationId: latest.get(userId) ?? null },
        });
    } catch {
      // A page that misses this count fetches it on its next (re)connect.
    }
  }
}
