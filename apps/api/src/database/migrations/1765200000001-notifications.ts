import { MigrationInterface, QueryRunner } from 'typeorm';

/** Following, the inbox, mail preferences and the periodic jobs of notifications (docs/notifications.md). */
export class Notifications1765200000001 implements MigrationInterface {
  name = 'Notifications1765200000001';

  async up(db: QueryRunner): Promise<void> {
    // One row per user and followed item or community; `active` false once unfollowed, so writing,
    // commenting or being mentioned again does not follow it anew ("until you unfollow").
    await db.query(`
      CREATE TABLE follows (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        target_id uuid NOT NULL,
        target_type text NOT NULL CHECK (target_type IN ('ITEM', 'COMMUNITY')),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, target_id)
      )`);
    await db.query(`CREATE INDEX follows_target_idx ON follows (target_id) WHERE active`);
    // Who commented before this existed follows what they commented on (authors follow through item_authors).
    await db.query(
      `INSERT INTO follows (user_id, target_id, target_type) SELECT DISTINCT author_id, item_id, 'ITEM' FROM comments WHERE author_id IS NOT NULL ON CONFLICT DO NOTHING`,
    );

    await db.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind text NOT NULL,
        community_id uuid NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
        item_id uuid REFERENCES items(id) ON DELETE CASCADE,
        comment_id uuid REFERENCES comments(id) ON DELETE SET NULL,
        -- The latest actor and everyone who acted in the group (a burst within 10 minutes).
        actor_id uuid REFERENCES users(id) ON DELETE SET NULL,
        actor_ids uuid[] NOT NULL DEFAULT '{}',
        excerpt text NOT NULL DEFAULT '',
        first_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        -- Set once this notification was mailed at once or taken into a digest (or needs no mail).
        mailed_at timestamptz
      )`);
    await db.query(`CREATE INDEX notifications_inbox_idx ON notifications (user_id, created_at DESC, id DESC)`);
    await db.query(
      `CREATE INDEX notifications_unread_idx ON notifications (user_id, kind, item_id) WHERE read_at IS NULL`,
    );
    await db.query(
      `CREATE INDEX notifications_digest_idx ON notifications (user_id) WHERE mailed_at IS NULL AND read_at IS NULL`,
    );

    await db.query(`
      CREATE TABLE notification_preferences (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind text NOT NULL,
        delivery text NOT NULL CHECK (delivery IN ('IMMEDIATE', 'DAILY', 'WEEKLY', 'NEVER')),
        PRIMARY KEY (user_id, kind)
      )`);

    // Which user ids an item's text mentions, so only new mentions notify when the document is stored again.
    await db.query(`
      CREATE TABLE item_mentions (
        item_id uuid NOT NULL REFERENCES items(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        PRIMARY KEY (item_id, user_id)
      )`);

    // When each periodic job (daily and weekly digest, review check) last ran; a row lock lets one process run it.
    await db.query(
      `CREATE TABLE notification_jobs (name text PRIMARY KEY, last_run_at timestamptz NOT NULL DEFAULT '-infinity')`,
    );
    await db.query(`INSERT INTO notification_jobs (name) VALUES ('DAILY'), ('WEEKLY'), ('REVIEW_DUE')`);
    await db.query(`ALTER TABLE items ADD COLUMN IF NOT EXISTS review_notified_at timestamptz`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE items DROP COLUMN IF EXISTS review_notified_at`);
    await db.query(`DROP TABLE notification_jobs, item_mentions, notification_preferences, notifications, follows`);
  }
}
