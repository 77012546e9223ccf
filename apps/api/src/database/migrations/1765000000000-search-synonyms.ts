import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A community's own search synonyms: each row is one group of expressions
 * that mean the same (e.g. "vog", "verklaring omtrent het gedrag"), added by
 * a facilitator, applied to the next search over that community.
 */
export class SearchSynonyms1765000000000 implements MigrationInterface {
  name = 'SearchSynonyms1765000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE search_synonyms (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        community_id uuid NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
        expressions text[] NOT NULL CHECK (cardinality(expressions) BETWEEN 2 AND 10),
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX search_synonyms_community_idx ON search_synonyms (community_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE search_synonyms`);
  }
}
