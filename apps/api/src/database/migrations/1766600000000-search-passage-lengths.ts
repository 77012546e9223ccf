import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each passage's length (distinct lexemes of its tsvector), stored when it is
 * indexed, so ranking can bound a passage's score and read the average length
 * without detoasting every matching tsvector (docs/decisions/search-speed.md).
 * New tsvectors are compressed with lz4, which PostgreSQL unpacks several
 * times faster than its default pglz when ranking the candidates.
 */
export class SearchPassageLengths1766600000000 implements MigrationInterface {
  name = 'SearchPassageLengths1766600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE search_passages ADD COLUMN len integer`);
    await db.query(`UPDATE search_passages SET len = length(tsv)`);
    await db.query(`ALTER TABLE search_passages ALTER COLUMN len SET NOT NULL`);
    // A server built without lz4 keeps pglz: slower to rank, same answers.
    await db.query(`
      DO $$ BEGIN
        ALTER TABLE search_passages ALTER COLUMN tsv SET COMPRESSION lz4;
      EXCEPTION WHEN feature_not_supported THEN NULL;
      END $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE search_passages ALTER COLUMN tsv SET COMPRESSION pglz`);
    await db.query(`ALTER TABLE search_passages DROP COLUMN len`);
  }
}
