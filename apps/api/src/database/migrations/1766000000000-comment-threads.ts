import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Klankbord in the text: a comment may be anchored to a passage of the
 * item's body (two Yjs relative positions and the last quote read there,
 * docs/decisions/comment-anchors.md), replies form a thread under it, and
 * comments can be edited and deleted (a deleted one with replies stays as
 * "verwijderd").
 */
export class CommentThreads1766000000000 implements MigrationInterface {
  name = 'CommentThreads1766000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE comments
        ADD COLUMN parent_id uuid REFERENCES comments(id) ON DELETE CASCADE,
        ADD COLUMN anchor_start bytea,
        ADD COLUMN anchor_end bytea,
        ADD COLUMN anchor_exact text,
        ADD COLUMN anchor_prefix text,
        ADD COLUMN anchor_suffix text,
        ADD COLUMN edited_at timestamptz,
        ADD COLUMN deleted_at timestamptz,
        ADD CONSTRAINT comments_anchor_check CHECK (
          (anchor_start IS NULL AND anchor_end IS NULL AND anchor_exact IS NULL)
          OR (anchor_start IS NOT NULL AND anchor_end IS NOT NULL AND anchor_exact IS NOT NULL AND parent_id IS NULL)
        )`);
    await db.query(`CREATE INDEX comments_parent_idx ON comments (parent_id, created_at) WHERE parent_id IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM comments WHERE parent_id IS NOT NULL`);
    await db.query(`
      ALTER TABLE comments
        DROP CONSTRAINT comments_anchor_check,
        DROP COLUMN parent_id,
        DROP COLUMN anchor_start,
        DROP COLUMN anchor_end,
        DROP COLUMN anchor_exact,
        DROP COLUMN anchor_prefix,
        DROP COLUMN anchor_suffix,
        DROP COLUMN edited_at,
        DROP COLUMN deleted_at`);
  }
}
