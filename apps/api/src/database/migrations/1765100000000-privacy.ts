import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The privacy guard (docs/privacy.md): dismissed findings (who, why), the
 * pseudonyms given per person per item (so a person keeps their letter),
 * and a community's bewaartermijn for cases.
 */
export class Privacy1765100000000 implements MigrationInterface {
  name = 'Privacy1765100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE privacy_dismissals (
        item_id uuid NOT NULL REFERENCES items(id) ON DELETE CASCADE,
        finding_id text NOT NULL,
        kind text NOT NULL,
        text text NOT NULL,
        reason text NOT NULL,
        dismissed_by uuid REFERENCES users(id) ON DELETE SET NULL,
        dismissed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (item_id, finding_id)
      )`);
    await db.query(`
      CREATE TABLE privacy_pseudonyms (
        item_id uuid NOT NULL REFERENCES items(id) ON DELETE CASCADE,
        person_key text NOT NULL,
        label text NOT NULL,
        PRIMARY KEY (item_id, person_key)
      )`);
    await db.query(
      `ALTER TABLE communities ADD COLUMN retention_months integer CHECK (retention_months BETWEEN 1 AND 600)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE communities DROP COLUMN retention_months`);
    await db.query(`DROP TABLE privacy_pseudonyms`);
    await db.query(`DROP TABLE privacy_dismissals`);
  }
}
