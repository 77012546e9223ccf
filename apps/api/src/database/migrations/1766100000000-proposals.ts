import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Voorstellen (proposals) accepted into an adopted guideline make its next
 * version; who proposed them is part of that version's provenance.
 */
export class Proposals1766100000000 implements MigrationInterface {
  name = 'Proposals1766100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE guideline_version_proposers (
        guideline_id uuid NOT NULL,
        number integer NOT NULL,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        PRIMARY KEY (guideline_id, number, user_id),
        FOREIGN KEY (guideline_id, number) REFERENCES guideline_versions(guideline_id, number) ON DELETE CASCADE
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE guideline_version_proposers`);
  }
}
