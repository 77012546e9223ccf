import { MigrationInterface, QueryRunner } from 'typeorm';

/** Single-use collab tickets and the audit log. */
export class Security1764100000000 implements MigrationInterface {
  name = 'Security1764100000000';

  async up(db: QueryRunner): Promise<void> {
    // A ticket's nonce once used; kept until the ticket would have expired anyway.
    await db.query(`
      CREATE TABLE used_tickets (
        nonce text PRIMARY KEY,
        expires_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX used_tickets_expires_idx ON used_tickets (expires_at)`);
    // Who changed what in a community: memberships, roles, promotions, guideline status, stages, archiving, restores.
    await db.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        community_id uuid NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
        actor_id uuid REFERENCES users(id) ON DELETE SET NULL,
        action text NOT NULL,
        target_id uuid,
        details jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await db.query(`CREATE INDEX audit_log_community_idx ON audit_log (community_id, id DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE audit_log`);
    await db.query(`DROP TABLE used_tickets`);
  }
}
