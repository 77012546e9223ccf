import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Forgotten passwords: single-use reset tokens, valid for 30 minutes, stored
 * only as their SHA-256 hash (a database copy holds no usable link).
 */
export class PasswordResets1765500000001 implements MigrationInterface {
  name = 'PasswordResets1765500000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE password_resets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        token_hash bytea NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await db.query(`CREATE INDEX password_resets_user_idx ON password_resets (user_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE password_resets`);
  }
}
