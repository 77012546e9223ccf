import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * LISTED communities (name, description and facilitators in the directory,
 * content private) and the requests to join them or NETWORK ones.
 */
export class ListedCommunities1765500000002 implements MigrationInterface {
  name = 'ListedCommunities1765500000002';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE communities DROP CONSTRAINT IF EXISTS communities_visibility_check`);
    await db.query(
      `ALTER TABLE communities ADD CONSTRAINT communities_visibility_check CHECK (visibility IN ('PRIVATE', 'NETWORK', 'LISTED'))`,
    );
    await db.query(`
      CREATE TABLE join_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        community_id uuid NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        message text,
        created_at timestamptz NOT NULL DEFAULT now(),
        answered_at timestamptz,
        answered_by uuid REFERENCES users(id) ON DELETE SET NULL,
        accepted boolean
      )`);
    // One open request per person and community.
    await db.query(
      `CREATE UNIQUE INDEX join_requests_open_idx ON join_requests (community_id, user_id) WHERE answered_at IS NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE join_requests`);
    await db.query(`UPDATE communities SET visibility = 'PRIVATE' WHERE visibility = 'LISTED'`);
    await db.query(`ALTER TABLE communities DROP CONSTRAINT communities_visibility_check`);
    await db.query(
      `ALTER TABLE communities ADD CONSTRAINT communities_visibility_check CHECK (visibility IN ('PRIVATE', 'NETWORK'))`,
    );
  }
}
