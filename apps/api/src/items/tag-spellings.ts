import { firstSpellings, spellTags } from '@spiraal/domain';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * The tags as a community first spelled them (libs/domain/src/tags.ts), for
 * a filter: "mantelzorg" finds the items tagged "Mantelzorg".
 */
export async function spelledAsKnown(
  db: DataSource | EntityManager,
  communityId: string,
  tags: readonly string[],
): Promise<string[]> {
  if (!tags.length) return [];
  const rows: { tag: string }[] = await db.query(
    `SELECT tag FROM items i CROSS JOIN LATERAL unnest(i.tags) AS tag
      WHERE i.community_id = $1 GROUP BY tag ORDER BY min(i.created_at), tag`,
    [communityId],
  );
  return spellTags(tags, firstSpellings(rows.map((r) => r.tag)));
}

/**
 * The same, for writing tags in the caller's transaction: the advisory lock
 * makes two people who add "Mantelzorg" and "mantelzorg" at the same moment
 * end up with one spelling.
 */
export async function communitySpelling(
  tx: EntityManager,
  communityId: string,
  tags: readonly string[],
): Promise<string[]> {
  if (!tags.length) return [];
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('spiraal:tags:' || $1))`, [communityId]);
  return spelledAsKnown(tx, communityId, tags);
}
