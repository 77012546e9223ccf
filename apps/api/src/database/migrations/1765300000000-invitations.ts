import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Invitations to a community by e-mail address (issue 20): nobody becomes a
 * member without accepting. The address is stored as given (normalised),
 * whether or not it has an account, so the answer never tells which.
 */
export class Invitations1765300000000 implements MigrationInterface {
  name = 'Invitations1765300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        community_id uuid NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
        email text NOT NULL,
        role text NOT NULL,
        perspective text NOT NULL,
        invited_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        answered_at timestamptz,
        outcome text CHECK (outcome IN ('ACCEPTED', 'DECLINED', 'WITHDRAWN'))
      )`);
    // One open invitation per address and community; a new one replaces it.
    await db.query(
      `CREATE UNIQUE INDEX invitations_open_idx ON invitations (community_id, email) WHERE outcome IS NULL`,
    );
    await db.query(`CREATE INDEX invitations_email_idx ON invitations (email) WHERE outcome IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE invitations`);
  }
}
