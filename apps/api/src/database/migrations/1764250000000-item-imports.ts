import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which items an import made from which source, so that running the same
 * import again skips what is already there instead of duplicating it.
 */
export class ItemImports1764250000000 implements MigrationInterface {
  name = 'ItemImports1764250000000';

  async up(db: QueryRunner): Promise<void> {
    // source_key identifies the content, not the file name: `sha256:<hex of the bytes>` (plus `:split` when split by
    // heading); the archive import may use keys of its own. One row per item the source became (`part`).
    await db.query(`
      CREATE TABLE item_imports (
        community_id uuid NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
        source_key text NOT NULL,
        part integer NOT NULL,
        item_id uuid NOT NULL REFERENCES items(id) ON DELETE CASCADE,
        source_name text NOT NULL,
        imported_by uuid REFERENCES users(id) ON DELETE SET NULL,
        imported_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (community_id, source_key, part)
      )`);
    await db.query(`CREATE INDEX item_imports_item_idx ON item_imports (item_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE item_imports`);
  }
}
