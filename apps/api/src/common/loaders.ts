import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Role } from '@spiraal/domain';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { CommunityEntity } from '../communities/community.entity';
import { ItemAuthorEntity } from '../items/item-author.entity';
import { StageChangeEntity } from '../items/stage-change.entity';
import { UserEntity } from '../users/user.entity';

export interface Loaders {
  user: DataLoader<string, UserEntity | null>;
  authors: DataLoader<string, UserEntity[]>;
  stageHistory: DataLoader<string, StageChangeEntity[]>;
  community: DataLoader<string, (CommunityEntity & { myRole: Role | null }) | null>;
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/**
 * Per-request batch loaders, so a page of items costs the same number of
 * queries whatever its length (no N+1). Callers check access first: loaders
 * only fetch.
 */
@Injectable()
export class LoadersFactory {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  create(viewerId: string | null): Loaders {
    const users = this.db.getRepository(UserEntity);
    return {
      user: new DataLoader(async (ids) => {
        const rows = await users.findBy({ id: In([...ids]) });
        const byId = new Map(rows.map((u) => [u.id, u]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
      authors: new DataLoader(async (itemIds) => {
        const rows = (await this.db
          .getRepository(ItemAuthorEntity)
          .createQueryBuilder('a')
          .innerJoinAndMapOne('a.user', UserEntity, 'u', 'u.id = a.user_id')
          .where('a.item_id IN (:...itemIds)', { itemIds })
          .orderBy('a.first_contributed_at', 'ASC')
          .getMany()) as (ItemAuthorEntity & { user: UserEntity })[];
        const groups = groupBy(rows, (r) => r.itemId);
        return itemIds.map((id) => (groups.get(id) ?? []).map((r) => r.user));
      }),
      stageHistory: new DataLoader(async (itemIds) => {
        const rows = await this.db
          .getRepository(StageChangeEntity)
          .find({ where: { itemId: In([...itemIds]) }, order: { changedAt: 'ASC', id: 'ASC' } });
        const groups = groupBy(rows, (r) => r.itemId);
        return itemIds.map((id) => groups.get(id) ?? []);
      }),
      community: new DataLoader(async (ids) => {
        const { entities, raw } = await this.db
          .getRepository(CommunityEntity)
          .createQueryBuilder('c')
          .leftJoin('memberships', 'm', 'm.community_id = c.id AND m.user_id = :viewerId', { viewerId })
          .addSelect('m.role', 'my_role')
          .where('c.id IN (:...ids)', { ids })
          .getRawAndEntities();
        const roles = new Map<string, Role | null>(raw.map((r: { c_id: string; my_role: Role | null }) => [r.c_id, r.my_role]));
        const byId = new Map(entities.map((c) => [c.id, { ...c, myRole: roles.get(c.id) ?? null }]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
    };
  }
}
