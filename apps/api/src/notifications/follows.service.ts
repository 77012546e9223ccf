import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUuid } from '@spiraal/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../common/request-context';
import { notFound } from '../common/errors';

export type FollowTarget = 'ITEM' | 'COMMUNITY';

/**
 * Following (volgen) items, guidelines and communities. Writing, commenting
 * or being mentioned follows an item automatically, but not again once the
 * person unfollowed it (docs/notifications.md).
 */
@Injectable()
export class FollowsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
  ) {}

  /** Follows an item or a community the user may read; true. */
  async follow(user: AuthUser, targetId: string): Promise<boolean> {
    const type = await this.readableTarget(user, targetId);
    await this.db.query(
      `INSERT INTO follows (user_id, target_id, target_type, active) VALUES ($1, $2, $3, true)
       ON CONFLICT (user_id, target_id) DO UPDATE SET active = true`,
      [user.id, targetId, type],
    );
    return true;
  }

  /** Stops following (also what was followed automatically); true. */
  async unfollow(user: AuthUser, targetId: string): Promise<boolean> {
    const type = await this.readableTarget(user, targetId);
    await this.db.query(
      `INSERT INTO follows (user_id, target_id, target_type, active) VALUES ($1, $2, $3, false)
       ON CONFLICT (user_id, target_id) DO UPDATE SET active = false`,
      [user.id, targetId, type],
    );
    return true;
  }

  /** Follows an item for these users unless they unfollowed it before (inside the caller's transaction). */
  async autoFollow(manager: EntityManager, userIds: readonly string[], itemId: string): Promise<void> {
    if (!userIds.length) return;
    await manager.query(
      `INSERT INTO follows (user_id, target_id, target_type) SELECT unnest($1::uuid[]), $2, 'ITEM' ON CONFLICT (user_id, target_id) DO NOTHING`,
      [userIds, itemId],
    );
  }

  /** Of these targets, the ones the user follows: followed, or written by them and not unfollowed. */
  async followed(userId: string, targetIds: readonly string[]): Promise<Set<string>> {
    const rows: { target_id: string }[] = await this.db.query(
      `SELECT target_id FROM follows WHERE user_id = $1 AND target_id = ANY($2::uuid[]) AND active
       UNION
       SELECT a.item_id FROM item_authors a WHERE a.user_id = $1 AND a.item_id = ANY($2::uuid[])
          AND NOT EXISTS (SELECT 1 FROM follows f WHERE f.user_id = $1 AND f.target_id = a.item_id AND NOT f.active)`,
      [userId, targetIds],
    );
    return new Set(rows.map((r) => r.target_id));
  }

  /** An item or community the user may read (`community.read`), else NOT_FOUND. */
  private async readableTarget(user: AuthUser, targetId: string): Promise<FollowTarget> {
    if (!isUuid(targetId)) throw notFound('Dit item of leernetwerk');
    const [row]: { type: FollowTarget }[] = await this.db.query(
      `SELECT 'ITEM' AS type FROM items WHERE id = $1 UNION ALL SELECT 'COMMUNITY' FROM communities WHERE id = $1`,
      [targetId],
    );
    if (!row) throw notFound('Dit item of leernetwerk');
    if (row.type === 'ITEM') await this.access.toItem(user, targetId, 'community.read', 'Dit item of leernetwerk');
    else {
      // Word for word the answer for an unknown id: a hidden community reveals nothing.
      await this.access
        .toCommunity(user, targetId, 'community.read')
        .catch((error: { extensions?: { code?: string } }) => {
          throw error.extensions?.code === 'NOT_FOUND' ? notFound('Dit item of leernetwerk') : error;
        });
    }
    return row.type;
  }
}
