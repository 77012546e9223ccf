import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When the user proved control of their e-mail address (the verification
 * mail, or an invitation link that was mailed). Invitations to an address are
 * shown and accepted in the app only for a verified address (issue 20).
 * Existing accounts start unverified: none of them ever proved it.
 */
export class EmailVerification1766500000000 implements MigrationInterface {
  name = 'EmailVerification1766500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users ADD COLUMN email_verified_at timestamptz`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users DROP COLUMN email_verified_at`);
  }
}
