import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { accessFor, can, type CommentChange, type Role, type Visibility } from '@spiraal/domain';
import { DataSource } from 'typeorm';
import { LiveService } from '../live/live.service';

/**
 * Tells everyone who may read an item that its klankbord changed, on the
 * live channel (docs/decisions/live-channel.md), so open pages update
 * without a reload. Reached: the community's members and the item's
 * followers (visitors of a NETWORK community who follow it), each checked
 * with `can`. Called after the change is committed.
 */
@Injectable()
export class CommentsLive {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly live: LiveService,
  ) {}

  async announce(itemId: string, commentId: string, threadId: string, change: CommentChange): Promise<void> {
    try {
      const rows: { userId: string; role: Role | null; visibility: Visibility }[] = await this.db.query(
        `SELECT p.user_id AS "userId", m.role, c.visibility
           FROM items i
           JOIN communities c ON c.id = i.community_id
           CROSS JOIN LATERAL (
             SELECT user_id FROM memberships WHERE community_id = i.community_id
             UNION SELECT user_id FROM follows WHERE target_id = i.id AND active
           ) p
           LEFT JOIN memberships m ON m.community_id = i.community_id AND m.user_id = p.user_id
          WHERE i.id = $1`,
        [itemId],
      );
      const readers = rows.filter((r) => can(accessFor(r.role, r.visibility), 'community.read')).map((r) => r.userId);
      this.live.publish(readers, { type: 'comment', data: { itemId, commentId, threadId, change } });
    } catch {
      // A page that misses this reloads the klankbord when it next opens.
    }
  }
}
