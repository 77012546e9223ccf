import { MigrationInterface, QueryRunner } from 'typeorm';

/** Server secrets (shared by every API process) and item revisions. */
export class Collaboration1763800000000 implements MigrationInterface {
  name = 'Collaboration1763800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE server_secrets (
        name text PRIMARY KEY,
        value bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE item_revisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        item_id uuid NOT NULL REFERENCES items(id) ON DELETE CASCADE,
        state bytea NOT NULL,
        text text NOT NULL,
        author_ids uuid[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX item_revisions_item_idx ON item_revisions (item_id, created_at DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE item_revisions`);
    await db.query(`DROP TABLE server_secrets`);
  }
}
