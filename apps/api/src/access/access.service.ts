import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Access, accessFor, Action, can, isUuid, ResourceFacts, Role } from '@spiraal/domain';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../common/request-context';
import { forbidden, notFound, unauthenticated } from '../common/errors';
import { CommunityEntity } from '../database/entities/community.entity';
import { ItemEntity } from '../database/entities/item.entity';

/** What the permission rules look at in an item, beyond the role. */
export function factsOf(item: ItemEntity, userId: string): ResourceFacts {
  return { ownedByActor: item.createdBy === userId, frozen: item.guidelineStatus === 'VASTGESTELD' };
}

export interface CommunityAccess {
  community: CommunityEntity;
  access: Access;
}

/**
 * The one gate every read and write passes: it looks up how the user stands
 * towards a community and applies the permission table of @spiraal/domain.
 * Whoever may not read a community is told it does not exist (NOT_FOUND);
 * whoever may read but not act gets FORBIDDEN.
 */
@Injectable()
export class AccessService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * `what` names what the caller looked up when that is not the community
   * itself (a template of it), so a hidden one reads exactly like one that
   * does not exist.
   */
  async toCommunity(
    user: AuthUser | null,
    communityId: string,
    action: Action,
    resource: ResourceFacts = {},
    what = 'Dit leernetwerk',
  ): Promise<CommunityAccess> {
    if (!user) throw unauthenticated();
    const found = isUuid(communityId) ? await this.lookup(user.id, communityId) : null;
    if (!found) throw notFound(what);
    if (can(found.access, action, resource)) return found;
    // A LISTED community's guest may see it and ask to join, and is told nothing else exists.
    if (!can(found.access, 'community.read')) throw notFound(what);
    throw forbidden();
  }

  /**
   * `what` names what the caller looked up (a comment, a revision on the
   * item), so a hidden one reads exactly like one that does not exist.
   */
  async toItem(
    user: AuthUser | null,
    itemId: string,
    action: Action,
    what = 'Dit item',
  ): Promise<CommunityAccess & { item: ItemEntity }> {
    if (!user) throw unauthenticated();
    const item = isUuid(itemId) ? await this.db.getRepository(ItemEntity).findOneBy({ id: itemId }) : null;
    if (!item) throw notFound(what);
    const found = await this.lookup(user.id, item.communityId);
    if (!found || !can(found.access, 'community.read')) throw notFound(what);
    if (!can(found.access, action, factsOf(item, user.id))) throw forbidden();
    return { ...found, item };
  }

  /** Ids of every community the user may read: their own and the NETWORK ones. */
  async readableCommunityIds(userId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT c.id FROM communities c
        WHERE c.visibility = 'NETWORK'
           OR EXISTS (SELECT 1 FROM memberships m WHERE m.community_id = c.id AND m.user_id = $1)`,
      [userId],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Of these items, the ones the user may read now (`community.read` on each
   * item's community): for what is shown or mailed long after it was decided.
   */
  async readableItemIds(userId: string, itemIds: readonly string[]): Promise<Set<string>> {
    if (!itemIds.length) return new Set();
    const rows: { id: string; role: Role | null; visibility: CommunityEntity['visibility'] }[] = await this.db.query(
      `SELECT i.id, m.role, c.visibility
         FROM items i
         JOIN communities c ON c.id = i.community_id
         LEFT JOIN memberships m ON m.community_id = c.id AND m.user_id = $1
        WHERE i.id = ANY($2::uuid[])`,
      [userId, itemIds],
    );
    return new Set(rows.filter((r) => can(accessFor(r.role, r.visibility), 'community.read')).map((r) => r.id));
  }

  private async lookup(userId: string, communityId: string): Promise<CommunityAccess | null> {
    const row = await this.db
      .getRepository(CommunityEntity)
      .createQueryBuilder('c')
      .leftJoin('memberships', 'm', 'm.community_id = c.id AND m.user_id = :userId', { userId })
      .addSelect('m.role', 'role')
      .where('c.id = :communityId', { communityId })
      .getRawAndEntities();
    const community = row.entities[0];
    if (!community) return null;
    const role = (row.raw[0]?.role ?? null) as Role | null;
    return { community, access: accessFor(role, community.visibility) };
  }
}
