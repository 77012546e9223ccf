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
import { DataSource, EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../common/request-context';
import { appError, badInput, forbidden, notFound } from '../common/errors';
import { groupBy } from '../common/loaders';
import { FollowsService } from '../notifications/follows.service';
import { NotificationsService } from '../notifications/notifications.service';
import { CommentAnchorsService, type StoredCommentAnchor } from './comment-anchors.service';
import { CommentsLive } from './comments-live';

export interface CommentRow {
  id: string;
  itemId: string;
  kind: CommentKind;
  body: string;
  authorId: string | null;
  authorPerspective: Perspective | null;
  createdAt: Date;
  resolvedAt: Date | null;
  editedAt: Date | null;
  deletedAt: Date | null;
  parentId: string | null;
  /** Null when the comment is about the item as a whole. */
  anchorStart: Buffer | null;
  anchorEnd: Buffer | null;
  anchorExact: string | null;
  anchorPrefix: string | null;
  anchorSuffix: string | null;
}

const SELECT = `
  SELECT c.id, c.item_id AS "itemId", c.kind, c.body, c.author_id AS "authorId", m.perspective AS "authorPerspective",
         c.created_at AS "createdAt", c.resolved_at AS "resolvedAt", c.edited_at AS "editedAt", c.deleted_at AS "deletedAt",
         c.parent_id AS "parentId", c.anchor_start AS "anchorStart", c.anchor_end AS "anchorEnd",
         c.anchor_exact AS "anchorExact", c.anchor_prefix AS "anchorPrefix", c.anchor_suffix AS "anchorSuffix"
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
    private readonly anchors: CommentAnchorsService,
    private readonly live: CommentsLive,
  ) {}

  async add(
    user: AuthUser,
    input: {
      itemId: string;
      kind: CommentKind;
      body: string;
      mentions?: string[] | null;
      anchor?: { exact: string; prefix?: string | null; suffix?: string | null } | null;
    },
  ): Promise<CommentRow> {
    const { item, community } = await this.access.toItem(user, input.itemId, 'comment.create');
    if (!COMMENT_KINDS.includes(input.kind)) throw badInput('Onbekend soort reactie / Unknown comment kind', 'kind');
    if (item.archivedAt) throw badInput('Dit item is gearchiveerd / This item is archived', 'itemId');
    const body = validateComment(input.body);
    const mentions = await this.mentionable(validateMentions(input.mentions ?? []), community.id, community.visibility);
    // Resolved last, against the text as it is now: nothing is written when the quote is refused.
    const anchor: StoredCommentAnchor | null = input.anchor
      ? await this.anchors.anchor(item.id, this.anchors.validate(input.anchor))
      : null;
    const id = await this.db.transaction(async (tx) => {
      const [{ id }] = await tx.query(
        `INSERT INTO comments (item_id, kind, body, author_id, anchor_start, anchor_end, anchor_exact, anchor_prefix, anchor_suffix)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [
          item.id,
          input.kind,
          body,
          user.id,
          anchor?.start ?? null,
          anchor?.end ?? null,
          anchor?.exact ?? null,
          anchor?.prefix ?? null,
          anchor?.suffix ?? null,
        ],
      );
      await this.followAndNotify(tx, user, item, id as string, body, mentions);
      return id as string;
    });
    void this.live.announce(item.id, id, id, 'added');
    return this.one(id);
  }

  /**
   * After a comment or a reply: its writer and those mentioned follow the
   * item (docs/notifications.md); the mentioned hear of it as a mention, the
   * other followers as a comment.
   */
  private async followAndNotify(
    tx: EntityManager,
    user: AuthUser,
    item: { id: string; communityId: string },
    commentId: string,
    body: string,
    mentions: string[],
  ): Promise<void> {
    await this.follows.autoFollow(tx, [user.id, ...mentions], item.id);
    const event = { actorId: user.id, communityId: item.communityId, itemId: item.id, commentId, excerpt: body };
    await this.notifications.notify(tx, { ...event, kind: 'MENTION', userIds: mentions });
    await this.notifications.notify(tx, {
      ...event,
      kind: 'COMMENT',
      followersOf: [item.id],
      excludeUserIds: mentions,
    });
  }

  /** A reply in a comment's thread (a reply to a reply joins the same thread). */
  async reply(
    user: AuthUser,
    input: { commentId: string; body: string; mentions?: string[] | null },
  ): Promise<CommentRow> {
    const replied = await this.existing(input.commentId);
    const { item, community } = await this.access.toItem(user, replied.itemId, 'comment.create', 'Deze reactie');
    if (item.archivedAt) throw badInput('Dit item is gearchiveerd / This item is archived', 'commentId');
    const threadId = replied.parentId ?? replied.id;
    const body = validateComment(input.body);
    const mentions = await this.mentionable(validateMentions(input.mentions ?? []), community.id, community.visibility);
    const id = await this.db.transaction(async (tx) => {
      const [{ id }] = await tx.query(
        `INSERT INTO comments (item_id, kind, body, author_id, parent_id) VALUES ($1, 'REACTION', $2, $3, $4) RETURNING id`,
        [item.id, body, user.id, threadId],
      );
      await this.followAndNotify(tx, user, item, id as string, body, mentions);
      return id as string;
    });
    void this.live.announce(item.id, id, threadId, 'replied');
    return this.one(id);
  }

  /** Its author changes a comment's text. */
  async edit(user: AuthUser, input: { id: string; body: string }): Promise<CommentRow> {
    const comment = await this.existing(input.id);
    await this.mayChange(user, comment);
    if (comment.deletedAt) throw notFound('Deze reactie');
    const body = validateComment(input.body);
    await this.db.query(`UPDATE comments SET body = $2, edited_at = now() WHERE id = $1`, [comment.id, body]);
    void this.live.announce(comment.itemId, comment.id, comment.parentId ?? comment.id, 'edited');
    return this.one(comment.id);
  }

  /**
   * Its author deletes a comment. One with replies stays as "verwijderd"
   * (empty body) so the thread keeps its place; a thread left with only
   * "verwijderd" and no replies goes too.
   */
  async delete(user: AuthUser, id: string): Promise<boolean> {
    const comment = await this.existing(id);
    await this.mayChange(user, comment);
    if (comment.deletedAt) throw notFound('Deze reactie');
    await this.db.transaction(async (tx) => {
      const [{ replies }] = await tx.query(`SELECT count(*)::int AS replies FROM comments WHERE parent_id = $1`, [id]);
      if (replies > 0) {
        await tx.query(`UPDATE comments SET body = '', deleted_at = now() WHERE id = $1`, [id]);
        return;
      }
      await tx.query(`DELETE FROM comments WHERE id = $1`, [id]);
      if (comment.parentId)
        await tx.query(
          `DELETE FROM comments p WHERE p.id = $1 AND p.deleted_at IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM comments r WHERE r.parent_id = p.id)`,
          [comment.parentId],
        );
    });
    void this.live.announce(comment.itemId, comment.id, comment.parentId ?? comment.id, 'deleted');
    return true;
  }

  private async existing(id: string): Promise<CommentRow> {
    const comment = isUuid(id) ? await this.find(id) : null;
    if (!comment) throw notFound('Deze reactie');
    return comment;
  }

  /** Author only (`comment.edit`), and only while the item may be read. */
  private async mayChange(user: AuthUser, comment: CommentRow): Promise<void> {
    const { access, item } = await this.access.toItem(user, comment.itemId, 'community.read', 'Deze reactie');
    if (!can(access, 'comment.edit', { ownedByActor: comment.authorId === user.id })) throw forbidden();
    if (item.archivedAt) throw badInput('Dit item is gearchiveerd / This item is archived', 'id');
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

  /** Marks a thread as dealt with (its author or a facilitator); its highlight goes. */
  async resolve(user: AuthUser, id: string): Promise<CommentRow> {
    const comment = await this.mayResolve(user, id);
    await this.db.query(
      `UPDATE comments SET resolved_at = coalesce(resolved_at, now()), resolved_by = coalesce(resolved_by, $2) WHERE id = $1`,
      [id, user.id],
    );
    if (!comment.resolvedAt) void this.live.announce(comment.itemId, id, id, 'resolved');
    return this.one(id);
  }

  /** Opens a resolved thread again (its author or a facilitator). */
  async reopen(user: AuthUser, id: string): Promise<CommentRow> {
    const comment = await this.mayResolve(user, id);
    await this.db.query(`UPDATE comments SET resolved_at = NULL, resolved_by = NULL WHERE id = $1`, [id]);
    if (comment.resolvedAt) void this.live.announce(comment.itemId, id, id, 'reopened');
    return this.one(id);
  }

  private async mayResolve(user: AuthUser, id: string): Promise<CommentRow> {
    const comment = await this.existing(id);
    const { access } = await this.access.toItem(user, comment.itemId, 'community.read', 'Deze reactie');
    if (!can(access, 'comment.resolve', { ownedByActor: comment.authorId === user.id })) throw forbidden();
    if (comment.parentId)
      throw badInput('Alleen een hele draad wordt afgehandeld / Only a whole thread is resolved', 'id');
    return comment;
  }

  /** An item's threads (comments that are not replies), questions first and suggestions last. */
  async forItems(itemIds: readonly string[]): Promise<Map<string, CommentRow[]>> {
    const rows: CommentRow[] = await this.db.query(`${SELECT} WHERE c.item_id = ANY($1) AND c.parent_id IS NULL`, [
      itemIds,
    ]);
    return new Map([...groupBy(rows, (row) => row.itemId)].map(([itemId, list]) => [itemId, orderComments(list)]));
  }

  /** The replies of threads, oldest first. */
  async repliesOf(threadIds: readonly string[]): Promise<Map<string, CommentRow[]>> {
    const rows: CommentRow[] = await this.db.query(
      `${SELECT} WHERE c.parent_id = ANY($1) ORDER BY c.created_at, c.id`,
      [threadIds],
    );
    return groupBy(rows, (row) => row.parentId!);
  }

  /** The anchors of an item's comments as they read now. */
  anchorsOf(itemId: string, comments: readonly CommentRow[]) {
    return this.anchors.read(
      itemId,
      comments
        .filter((c) => c.anchorStart && c.anchorEnd)
        .map((c) => ({
          commentId: c.id,
          anchor: {
            start: c.anchorStart!,
            end: c.anchorEnd!,
            exact: c.anchorExact ?? '',
            prefix: c.anchorPrefix,
            suffix: c.anchorSuffix,
          },
        })),
    );
  }

  async find(id: string): Promise<CommentRow | null> {
    const [row]: CommentRow[] = await this.db.query(`${SELECT} WHERE c.id = $1`, [id]);
    return row ?? null;
  }

  private async one(id: string): Promise<CommentRow> {
    return (await this.find(id))!;
  }
}
