import { Injectable } from '@nestjs/common';
import { accessFor, can, isUuid, MENTIONS_MAX, Role, Visibility } from '@spiraal/domain';
import { EntityManager } from 'typeorm';
import { FollowsService } from './follows.service';
import { NotificationsService } from './notifications.service';

/**
 * Mentions in an item's live document: when its text is stored, the user ids
 * of its mention nodes that are new for the item are notified (MENTION) and
 * follow the item. A document cannot refuse an edit the way a mutation
 * refuses input, so ids that are malformed, unknown, or of people who may not
 * read the item are passed over, and at most MENTIONS_MAX new ones count per save.
 */
@Injectable()
export class ItemMentionsService {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly follows: FollowsService,
  ) {}

  async documentStored(
    tx: EntityManager,
    itemId: string,
    mentionedIds: readonly string[],
    actorId: string | null,
  ): Promise<void> {
    const candidates = mentionedIds.filter(isUuid);
    if (!candidates.length) return;
    const rows: { id: string; role: Role | null; visibility: Visibility; community_id: string; title: string }[] =
      await tx.query(
        `SELECT u.id, m.role, c.visibility, c.id AS community_id, i.title
         FROM items i
         JOIN communities c ON c.id = i.community_id
         JOIN users u ON u.id = ANY($2::uuid[])
         LEFT JOIN memberships m ON m.community_id = c.id AND m.user_id = u.id
        WHERE i.id = $1
          AND NOT EXISTS (SELECT 1 FROM item_mentions im WHERE im.item_id = i.id AND im.user_id = u.id)`,
        [itemId, candidates],
      );
    const fresh = rows.filter((r) => can(accessFor(r.role, r.visibility), 'community.read')).slice(0, MENTIONS_MAX);
    if (!fresh.length) return;
    const ids = fresh.map((r) => r.id);
    await tx.query(
      `INSERT INTO item_mentions (item_id, user_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
      [itemId, ids],
    );
    await this.follows.autoFollow(tx, ids, itemId);
    await this.notifications.notify(tx, {
      kind: 'MENTION',
      actorId,
      communityId: fresh[0].community_id,
      itemId,
      excerpt: fresh[0].title,
      userIds: ids,
    });
  }
}
