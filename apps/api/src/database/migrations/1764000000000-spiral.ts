import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The moves of the spiral beyond stage changes: guidelines with their
 * provenance, status and adopted versions; practice reflections linked to the
 * guideline version they tried; klankbord comments; meetings with agendas.
 */
export class Spiral1764000000000 implements MigrationInterface {
  name = 'Spiral1764000000000';

  async up(db: QueryRunner): Promise<void> {
    // A guideline's status, the number of the version being worked on, and its review date.
    await db.query(`
      ALTER TABLE items
        ADD COLUMN guideline_status text CHECK (guideline_status IN ('CONCEPT', 'IN_UITPROBEERFASE', 'VASTGESTELD')),
        ADD COLUMN guideline_version integer,
        ADD COLUMN review_date timestamptz,
        -- A practice reflection: the guideline and the version it applied.
        ADD COLUMN applies_guideline_id uuid REFERENCES items(id) ON DELETE SET NULL,
        ADD COLUMN applies_version integer`);
    await db.query(`UPDATE items SET guideline_status = 'CONCEPT', guideline_version = 1 WHERE kind = 'GUIDELINE'`);
    await db.query(`
      ALTER TABLE items ADD CONSTRAINT items_guideline_fields
        CHECK ((kind = 'GUIDELINE') = (guideline_status IS NOT NULL AND guideline_version IS NOT NULL))`);
    await db.query(
      `CREATE INDEX items_applies_idx ON items (applies_guideline_id, created_at) WHERE applies_guideline_id IS NOT NULL`,
    );

    // Provenance: a guideline and the items it was made from, with the stage each source was in.
    await db.query(`
      CREATE TABLE item_sources (
        guideline_id uuid NOT NULL REFERENCES items(id) ON DELETE CASCADE,
        source_id uuid NOT NULL REFERENCES items(id) ON DELETE CASCADE,
        position integer NOT NULL,
        source_stage text NOT NULL,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (guideline_id, source_id)
      )`);
    await db.query(`CREATE INDEX item_sources_source_idx ON item_sources (source_id)`);

    // An adopted (vastgesteld) version, frozen: it stays readable after bijstellen.
    await db.query(`
      CREATE TABLE guideline_versions (
        guideline_id uuid NOT NULL REFERENCES items(id) ON DELETE CASCADE,
        number integer NOT NULL,
        title text NOT NULL,
        text text NOT NULL,
        markdown text NOT NULL,
        adopted_by uuid REFERENCES users(id) ON DELETE SET NULL,
        adopted_at timestamptz NOT NULL,
        review_date timestamptz,
        PRIMARY KEY (guideline_id, number)
      )`);

    // Klankbord.
    await db.query(`
      CREATE TABLE comments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        item_id uuid NOT NULL REFERENCES items(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('QUESTION', 'REACTION', 'SUGGESTION', 'SUMMARY')),
        body text NOT NULL,
        author_id uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', clock_timestamp()),
        resolved_at timestamptz,
        resolved_by uuid REFERENCES users(id) ON DELETE SET NULL
      )`);
    await db.query(`CREATE INDEX comments_item_idx ON comments (item_id, created_at)`);

    // Bijeenkomsten and their agendas (an item, a comment, or a note of its own).
    await db.query(`
      CREATE TABLE meetings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        community_id uuid NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
        title text NOT NULL,
        date timestamptz NOT NULL,
        kind text NOT NULL CHECK (kind IN ('INTERVISIE', 'KLANKBORD', 'REFLECTIE', 'OTHER')),
        report_item_id uuid REFERENCES items(id) ON DELETE SET NULL,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX meetings_community_idx ON meetings (community_id, date DESC)`);
    await db.query(`
      CREATE TABLE agenda_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        position integer NOT NULL,
        item_id uuid REFERENCES items(id) ON DELETE CASCADE,
        comment_id uuid REFERENCES comments(id) ON DELETE CASCADE,
        note text,
        added_by uuid REFERENCES users(id) ON DELETE SET NULL,
        added_at timestamptz NOT NULL DEFAULT now(),
        CHECK (item_id IS NOT NULL OR comment_id IS NOT NULL OR note IS NOT NULL),
        UNIQUE (meeting_id, position)
      )`);
    await db.query(`CREATE INDEX agenda_items_item_idx ON agenda_items (item_id) WHERE item_id IS NOT NULL`);
    await db.query(`CREATE INDEX agenda_items_comment_idx ON agenda_items (comment_id) WHERE comment_id IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE agenda_items`);
    await db.query(`DROP TABLE meetings`);
    await db.query(`DROP TABLE comments`);
    await db.query(`DROP TABLE guideline_versions`);
    await db.query(`DROP TABLE item_sources`);
    await db.query(`
      ALTER TABLE items DROP CONSTRAINT items_guideline_fields,
        DROP COLUMN applies_version, DROP COLUMN applies_guideline_id, DROP COLUMN review_date,
        DROP COLUMN guideline_version, DROP COLUMN guideline_status`);
  }
}
