import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A log of the items whose search passages changed, written by triggers so
 * that every path (indexer, rebuild, cascade from a deleted item) is logged.
 * Each API process follows it to keep its in-memory index equal to
 * search_passages (docs/decisions/search-in-memory.md). The transaction id
 * tells a reader which changes may still be in flight; a TRUNCATE logs a row
 * without item: read everything again.
 */
export class SearchChanges1766700000000 implements MigrationInterface {
  name = 'SearchChanges1766700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE search_changes (
        id bigserial PRIMARY KEY,
        item_id uuid,
        xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
        changed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX search_changes_xid_idx ON search_changes (xid)`);
    await db.query(`CREATE INDEX search_changes_changed_at_idx ON search_changes (changed_at)`);
    // Every search looks for the newest "read everything again" marker: found at once, however long the log.
    await db.query(`CREATE INDEX search_changes_reset_idx ON search_changes (id) WHERE item_id IS NULL`);
    await db.query(`
      CREATE FUNCTION search_passages_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'TRUNCATE' THEN
          INSERT INTO search_changes (item_id) VALUES (NULL);
        ELSIF TG_OP = 'DELETE' THEN
          INSERT INTO search_changes (item_id) SELECT DISTINCT item_id FROM gone;
        ELSE
          INSERT INTO search_changes (item_id) SELECT DISTINCT item_id FROM came;
        END IF;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER search_passages_inserted AFTER INSERT ON search_passages
        REFERENCING NEW TABLE AS came FOR EACH STATEMENT EXECUTE FUNCTION search_passages_changed()`);
    await db.query(`
      CREATE TRIGGER search_passages_updated AFTER UPDATE ON search_passages
        REFERENCING NEW TABLE AS came FOR EACH STATEMENT EXECUTE FUNCTION search_passages_changed()`);
    await db.query(`
      CREATE TRIGGER search_passages_deleted AFTER DELETE ON search_passages
        REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION search_passages_changed()`);
    await db.query(`
      CREATE TRIGGER search_passages_truncated AFTER TRUNCATE ON search_passages
        FOR EACH STATEMENT EXECUTE FUNCTION search_passages_changed()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER search_passages_truncated ON search_passages`);
    await db.query(`DROP TRIGGER search_passages_deleted ON search_passages`);
    await db.query(`DROP TRIGGER search_passages_updated ON search_passages`);
    await db.query(`DROP TRIGGER search_passages_inserted ON search_passages`);
    await db.query(`DROP FUNCTION search_passages_changed()`);
    await db.query(`DROP TABLE search_changes`);
  }
}
