import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  accessFor,
  can,
  CommentKind,
  COMMENT_KINDS,
  isUuid,
  orderComments,
  Perspective,
  Role,
  validateComment,
  validateMentions,
  Visibility,
} from '@spiraal/domain';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../common/request-context';
import { appError, badInput, forbidden, notFound } from '../common/errors';
import { groupBy } from '../common/loaders';
import { FollowsService } from '../notifications/follows.service';
import { NotificationsService } from '../notifications/notifications.service';

export interface CommentRow {
  id: string;
  itemId: string;
  kind: CommentKind;
  body: string;
  authorId: string | null;
  authorPerspective: Perspective | null;
  createdAt: Date;
  resolvedAt: Date | null;
}

const SELECT = `
  SELECT c.id, c.item_id AS "itemId", c.kind, c.body, c.author_id AS "authorId", m.perspective AS "authorPerspective",
         c.created_at AS "createdAt", c.resolved_at AS "resolvedAt"
    FROM comments c
    JOIN items i ON i.id = c.item_id
    LEFT JOIN memberships m ON m.community_id = i.community_id AND m.user_id = c.author_id`;

/** Klankbord: deepening questions, reactions, summaries and suggestions on an item. */
@Injectable()
export class CommentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly follows: FollowsService,
    private readonly notifications: NotificationsService,
  ) {}

  async add(
    user: AuthUser,
    input: { itemId: string; kind: CommentKind; body: string; mentions?: string[] | null },
  ): Promise<CommentRow> {
    const { item, community } = await this.access.toItem(user, input.itemId, 'comment.create');
    if (!COMMENT_KINDS.includes(input.kind)) throw badInput('Onbekend soort reactie / Unknown comment kind', 'kind');
    if (item.archivedAt) throw badInput('Dit item is gearchiveerd / This item is archived', 'itemId');
    const body = validateComment(input.body);
    const mentions = await this.mentionable(validateMentions(input.mentions ?? []), community.id, community.visibility);
    const id = await this.db.transaction(async (tx) => {
      const [{ id }] = await tx.query(
        `INSERT INTO comments (item_id, kind, body, author_id) VALUES ($1, $2, $3, $4) RETURNING id`,
        [item.id, input.kind, body, user.id],
      );
      // You follow what you commented on or were mentioned in (docs/notifications.md).
      await this.follows.autoFollow(tx, [user.id, ...mentions], item.id);
      const event = {
        actorId: user.id,
        communityId: item.communityId,
        itemId: item.id,
        commentId: id as string,
        excerpt: body,
      };
      await this.notifications.notify(tx, { ...event, kind: 'MENTION', userIds: mentions });
      await this.notifications.notify(tx, {
        ...event,
        kind: 'COMMENT',
        followersOf: [item.id],
        excludeUserIds: mentions,
      });
      return id as string;
    });
    return this.one(id);
  }

  /** The mentioned ids, when every one is a person who may read the item; else BAD_USER_INPUT naming the others. */
  private async mentionable(ids: string[], communityId: string, visibility: Visibility): Promise<string[]> {
    if (!ids.length) return ids;
    const rows: { id: string; role: Role | null }[] = await this.db.query(
      `SELECT u.id, m.role FROM users u LEFT JOIN memberships m ON m.user_id = u.id AND m.community_id = $2 WHERE u.id = ANY($1::uuid[])`,
      [ids, communityId],
    );
    const readers = new Set(rows.filter((r) => can(accessFor(r.role, visibility), 'community.read')).map((r) => r.id));
    const refused = ids.filter((id) => !readers.has(id));
    if (refused.length) {
      throw appError(
        'BAD_USER_INPUT',
        `Deze personen kunnen dit item niet lezen of bestaan niet: ${refused.join(', ')} / These people cannot read this item or do not exist`,
        {
          field: 'mentions',
          refused,
        },
      );
    }
    return ids;
  }

  /** Marks a comment as dealt with (its author or a facilitator). */
  async resolve(user: AuthUser, id: string): Promise<CommentRow> {
    const comment = isUuid(id) ? await this.find(id) : null;
    if (!comment) throw notFound('Deze reactie');
    const { access } = await this.access.toItem(user, comment.itemId, 'community.read', 'Deze reactie');
    if (!can(access, 'comment.resolve', { ownedByActor: comment.authorId === user.id })) throw forbidden();
    await this.db.query(
      `UPDATE comments SET resolved_at = coalesce(resolved_at, now()), resolved_by = coalesce(resolved_by, $2) WHERE id = $1`,
      [id, user.id],
    );
    return this.one(id);
  }

  /** An item's comments, questions first and suggestions last. */
  async forItems(itemIds: readonly string[]): Promise<Map<string, CommentRow[]>> {
    const rows: CommentRow[] = await this.db.query(`${SELECT} WHERE c.item_id = ANY($1)`, [itemIds]);
    return new Map([...groupBy(rows, (row) => row.itemId)].map(([itemId, list]) => [itemId, orderComments(list)]));
  }

  async find(id: string): Promise<CommentRow | null> {
    const [row]: CommentRow[] = await this.db.query(`${SELECT} WHERE c.id = $1`, [id]);
    return row ?? null;
  }

  private async one(id: string): Promise<CommentRow> {
    return (await this.find(id))!;
  }
}
