import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Templates a community's facilitators write (docs/templates.md), and the
 * template an item started from, so the editor can show its prompts as
 * placeholders. `items.template_id` holds a built-in id (`builtin-casus`)
 * or a template's uuid, hence text and no foreign key.
 */
export class Templates1766200000000 implements MigrationInterface {
  name = 'Templates1766200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE templates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        community_id uuid NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
        kind text NOT NULL,
        name text NOT NULL,
        description text NOT NULL DEFAULT '',
        body text NOT NULL,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        archived_at timestamptz
      )`);
    await db.query(`CREATE INDEX templates_community_idx ON templates (community_id) WHERE archived_at IS NULL`);
    await db.query(`ALTER TABLE items ADD COLUMN template_id text`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE items DROP COLUMN template_id`);
    await db.query(`DROP TABLE templates`);
  }
}
