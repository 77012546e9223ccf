import { firstSpellings, spellTags } from '@spiraal/domain';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One tag whatever its case or accents (libs/domain/src/tags.ts): tags that
 * differ only in case or accents within a community take the spelling the
 * community used first. Changed items are reindexed by the search trigger.
 */
export class TagSpellings1765500000000 implements MigrationInterface {
  name = 'TagSpellings1765500000000';

  async up(db: QueryRunner): Promise<void> {
    const communities: { community_id: string }[] = await db.query(
      `SELECT DISTINCT community_id FROM items WHERE cardinality(tags) > 0`,
    );
    for (const { community_id } of communities) {
      const items: { id: string; tags: string[] }[] = await db.query(
        `SELECT id, tags FROM items WHERE community_id = $1 AND cardinality(tags) > 0 ORDER BY created_at, id`,
        [community_id],
      );
      const known = firstSpellings(items.flatMap((item) => item.tags));
      for (const item of items) {
        const spelled = spellTags(item.tags, known);
        if (spelled.length !== item.tags.length || spelled.some((tag, i) => tag !== item.tags[i])) {
          await db.query(`UPDATE items SET tags = $2 WHERE id = $1`, [item.id, spelled]);
        }
      }
    }
  }

  async down(): Promise<void> {
    // Merged spellings cannot be told apart again; nothing to undo.
  }
}
