import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search on PostgreSQL: Dutch and exact text search configurations with
 * accents folded, the passages the PostgreSQL engine searches, the vocabulary
 * for typo tolerance and prefixes, and the outbox that keeps every engine in
 * step with the items.
 */
export class Search1763900000000 implements MigrationInterface {
  name = 'Search1763900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await db.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    // Stemmed Dutch and exact words, both with accents folded (cliënten = clienten).
    await db.query(`CREATE TEXT SEARCH CONFIGURATION spiraal_dutch (COPY = pg_catalog.dutch)`);
    await db.query(
      `ALTER TEXT SEARCH CONFIGURATION spiraal_dutch ALTER MAPPING FOR hword, hword_part, word WITH unaccent, dutch_stem`,
    );
    await db.query(`CREATE TEXT SEARCH CONFIGURATION spiraal_simple (COPY = pg_catalog.simple)`);
    await db.query(
      `ALTER TEXT SEARCH CONFIGURATION spiraal_simple ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple`,
    );

    // One row per passage of an item's body (most items have one), each with
    // the title (weight A) and tags (B) so a query may match across them.
    // Narrow on purpose: a common word matches tens of thousands of rows, and
    // their scope and facet fields are read for all of them; the text is not.
    await db.query(`
      CREATE TABLE search_passages (
        item_id uuid NOT NULL REFERENCES items(id) ON DELETE CASCADE,
        ordinal integer NOT NULL,
        community_id uuid NOT NULL,
        kind text NOT NULL,
        stage text NOT NULL,
        tags text[] NOT NULL,
        updated_at timestamptz NOT NULL,
        -- Title and tags alone: small, so checking it costs no detoasting.
        head tsvector NOT NULL,
        tsv tsvector NOT NULL,
        PRIMARY KEY (item_id, ordinal)
      )`);
    await db.query(`CREATE INDEX search_passages_tsv_idx ON search_passages USING gin (tsv)`);
    await db.query(`CREATE INDEX search_passages_community_idx ON search_passages (community_id)`);
    // The text of each passage, read only for the highlights of the hits shown.
    await db.query(`
      CREATE TABLE search_bodies (
        item_id uuid NOT NULL,
        ordinal integer NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        PRIMARY KEY (item_id, ordinal),
        FOREIGN KEY (item_id, ordinal) REFERENCES search_passages (item_id, ordinal) ON DELETE CASCADE
      )`);

    // Every word ever indexed (folded): typo corrections and completions come from here.
    await db.query(`CREATE TABLE search_terms (term text PRIMARY KEY)`);
    await db.query(`CREATE INDEX search_terms_prefix_idx ON search_terms (term text_pattern_ops)`);
    await db.query(`CREATE INDEX search_terms_trgm_idx ON search_terms USING gist (term gist_trgm_ops)`);

    // The outbox: written by a trigger in the same transaction as any change
    // that affects search, so no code path can forget it.
    await db.query(`
      CREATE TABLE search_outbox (
        id bigserial PRIMARY KEY,
        item_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        attempts integer NOT NULL DEFAULT 0,
        available_at timestamptz NOT NULL DEFAULT now(),
        last_error text
      )`);
    await db.query(`CREATE INDEX search_outbox_available_idx ON search_outbox (available_at, id)`);
    await db.query(`
      CREATE FUNCTION search_outbox_enqueue() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO search_outbox (item_id) VALUES (NEW.id);
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER items_search_insert AFTER INSERT ON items
      FOR EACH ROW EXECUTE FUNCTION search_outbox_enqueue()`);
    await db.query(`
      CREATE TRIGGER items_search_update AFTER UPDATE ON items
      FOR EACH ROW WHEN (
        OLD.title IS DISTINCT FROM NEW.title OR OLD.tags IS DISTINCT FROM NEW.tags OR OLD.text IS DISTINCT FROM NEW.text
        OR OLD.stage IS DISTINCT FROM NEW.stage OR OLD.kind IS DISTINCT FROM NEW.kind
        OR OLD.archived_at IS DISTINCT FROM NEW.archived_at OR OLD.community_id IS DISTINCT FROM NEW.community_id
      ) EXECUTE FUNCTION search_outbox_enqueue()`);
    // Wakes the indexers of every API process when the transaction commits.
    await db.query(`
      CREATE FUNCTION search_outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('search_outbox', '');
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER search_outbox_notify AFTER INSERT ON search_outbox
      FOR EACH STATEMENT EXECUTE FUNCTION search_outbox_notify()`);
    // Items that exist already are indexed by the worker.
    await db.query(`INSERT INTO search_outbox (item_id) SELECT id FROM items`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER items_search_update ON items`);
    await db.query(`DROP TRIGGER items_search_insert ON items`);
    await db.query(`DROP TABLE search_outbox`);
    await db.query(`DROP FUNCTION search_outbox_notify()`);
    await db.query(`DROP FUNCTION search_outbox_enqueue()`);
    await db.query(`DROP TABLE search_terms`);
    await db.query(`DROP TABLE search_bodies`);
    await db.query(`DROP TABLE search_passages`);
    await db.query(`DROP TEXT SEARCH CONFIGURATION spiraal_simple`);
    await db.query(`DROP TEXT SEARCH CONFIGURATION spiraal_dutch`);
  }
}
