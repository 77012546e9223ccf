import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Role } from '@spiraal/domain';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { CommunityEntity } from '../database/entities/community.entity';
import { ItemAuthorEntity } from '../database/entities/item-author.entity';
import { ItemEntity } from '../database/entities/item.entity';
import { StageChangeEntity } from '../database/entities/stage-change.entity';
import { UserEntity } from '../database/entities/user.entity';

export interface Loaders {
  user: DataLoader<string, UserEntity | null>;
  authors: DataLoader<string, UserEntity[]>;
  stageHistory: DataLoader<string, StageChangeEntity[]>;
  community: DataLoader<string, (CommunityEntity & { myRole: Role | null }) | null>;
  /** A guideline's sources, in the order they were chosen. */
  sources: DataLoader<string, ItemEntity[]>;
  /** The guidelines made from an item. */
  derivedItems: DataLoader<string, ItemEntity[]>;
  /** Practice reflections on a guideline, newest first. */
  applications: DataLoader<string, ItemEntity[]>;
  item: DataLoader<string, ItemEntity | null>;
  /** A guideline's adopted versions, newest first. */
  guidelineVersions: DataLoader<string, GuidelineVersionRow[]>;
  /** When a guideline's newest version was adopted; null when none was. */
  latestAdoption: DataLoader<string, Date | null>;
}

/** One row of `guideline_versions`, as the versions field shows it. */
export interface GuidelineVersionRow {
  guideline_id: string;
  number: number;
  title: string;
  text: string;
  markdown: string;
  adopted_by: string | null;
  adopted_at: Date;
  review_date: Date | null;
}

/** Rows grouped by a key, in their order. */
export function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
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
        const roles = new Map<string, Role | null>(
          raw.map((r: { c_id: string; my_role: Role | null }) => [r.c_id, r.my_role]),
        );
        const byId = new Map(entities.map((c) => [c.id, { ...c, myRole: roles.get(c.id) ?? null }]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
      sources: new DataLoader(async (guidelineIds) => {
        const rows = await this.linked(
          `SELECT s.guideline_id AS key, i.id FROM item_sources s JOIN items i ON i.id = s.source_id WHERE s.guideline_id = ANY($1) ORDER BY s.position`,
          guidelineIds,
        );
        return guidelineIds.map((id) => rows.get(id) ?? []);
      }),
      derivedItems: new DataLoader(async (sourceIds) => {
        const rows = await this.linked(
          `SELECT s.source_id AS key, i.id FROM item_sources s JOIN items i ON i.id = s.guideline_id WHERE s.source_id = ANY($1) ORDER BY i.created_at`,
          sourceIds,
        );
        return sourceIds.map((id) => rows.get(id) ?? []);
      }),
      applications: new DataLoader(async (guidelineIds) => {
        const rows = await this.linked(
          `SELECT i.applies_guideline_id AS key, i.id FROM items i WHERE i.applies_guideline_id = ANY($1) AND i.archived_at IS NULL ORDER BY i.created_at DESC`,
          guidelineIds,
        );
        return guidelineIds.map((id) => rows.get(id) ?? []);
      }),
      item: new DataLoader(async (ids) => {
        const rows = await this.db.getRepository(ItemEntity).findBy({ id: In([...ids]) });
        const byId = new Map(rows.map((i) => [i.id, i]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
      guidelineVersions: new DataLoader(async (guidelineIds) => {
        const rows: GuidelineVersionRow[] = await this.db.query(
          `SELECT guideline_id, number, title, text, markdown, adopted_by, adopted_at, review_date FROM guideline_versions WHERE guideline_id = ANY($1) ORDER BY guideline_id, number DESC`,
          [guidelineIds],
        );
        const groups = groupBy(rows, (r) => r.guideline_id);
        return guidelineIds.map((id) => groups.get(id) ?? []);
      }),
      // Lists ask every guideline's attention: only the date, not every version's text.
      latestAdoption: new DataLoader(async (guidelineIds) => {
        const rows: { guideline_id: string; adopted_at: Date }[] = await this.db.query(
          `SELECT DISTINCT ON (guideline_id) guideline_id, adopted_at FROM guideline_versions WHERE guideline_id = ANY($1) ORDER BY guideline_id, number DESC`,
          [guidelineIds],
        );
        const byId = new Map(rows.map((r) => [r.guideline_id, r.adopted_at]));
        return guidelineIds.map((id) => byId.get(id) ?? null);
      }),
    };
  }

  /** Items linked to each key by a query returning (key, id) pairs, in the query's order. */
  private async linked(sql: string, keys: readonly string[]): Promise<Map<string, ItemEntity[]>> {
    const pairs: { key: string; id: string }[] = await this.db.query(sql, [keys]);
    const items = pairs.length
      ? await this.db.getRepository(ItemEntity).findBy({ id: In(pairs.map((p) => p.id)) })
      : [];
    const byId = new Map(items.map((i) => [i.id, i]));
    const linked = pairs.flatMap((pair) => {
      const item = byId.get(pair.id);
      return item ? [{ key: pair.key, item }] : [];
    });
    return new Map([...groupBy(linked, (l) => l.key)].map(([key, list]) => [key, list.map((l) => l.item)]));
  }
}
