import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The mail outbox: every mail is a row written in the transaction of the
 * change that caused it, sent later by a worker (docs/decisions/mail-outbox.md).
 */
export class MailOutbox1765200000000 implements MigrationInterface {
  name = 'MailOutbox1765200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE mail_outbox (
        id bigserial PRIMARY KEY,
        to_address text NOT NULL,
        subject text NOT NULL,
        text_body text NOT NULL,
        html_body text NOT NULL,
        headers jsonb NOT NULL DEFAULT '{}'::jsonb,
        -- When set, the worker checks at send time that this user may still read these items (else: cancelled).
        recipient_id uuid REFERENCES users(id) ON DELETE CASCADE,
        item_ids uuid[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error text,
        -- Exactly one of these ends a row's life: sent, given up after the last retry, or no longer allowed.
        sent_at timestamptz,
        failed_at timestamptz,
        cancelled_at timestamptz
      )`);
    await db.query(
      `CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL AND cancelled_at IS NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE mail_outbox`);
  }
}
