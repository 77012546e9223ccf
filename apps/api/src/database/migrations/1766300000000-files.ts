import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Files and images attached to items (docs/decisions/file-storage.md): one
 * row per file, and its bytes in chunks of at most 256 kB when PostgreSQL
 * stores them (the default), so a file is streamed in and out with flat
 * memory and every database backup holds it. With an S3 store, `storage` is
 * 's3' and there are no chunks.
 */
export class Files1766300000000 implements MigrationInterface {
  name = 'Files1766300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE files (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        community_id uuid NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
        item_id uuid REFERENCES items(id) ON DELETE SET NULL,
        name text NOT NULL,
        content_type text NOT NULL,
        size bigint NOT NULL CHECK (size >= 0),
        width integer,
        height integer,
        storage text NOT NULL DEFAULT 'postgres' CHECK (storage IN ('postgres', 's3')),
        uploaded_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        unreferenced_since timestamptz
      )`);
    await db.query(`CREATE INDEX files_community_idx ON files (community_id)`);
    await db.query(`CREATE INDEX files_item_idx ON files (item_id)`);
    await db.query(`
      CREATE TABLE file_chunks (
        file_id uuid NOT NULL REFERENCES files(id) ON DELETE CASCADE,
        seq integer NOT NULL CHECK (seq >= 0),
        data bytea NOT NULL,
        PRIMARY KEY (file_id, seq)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE file_chunks`);
    await db.query(`DROP TABLE files`);
  }
}
