import { MigrationInterface, QueryRunner } from 'typeorm';

/** Accounts, sessions, communities, knowledge items with their stage history, and Yjs document storage. */
export class InitialSchema1763700000000 implements MigrationInterface {
  name = 'InitialSchema1763700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL UNIQUE,
        display_name text NOT NULL,
        password_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        token_hash bytea NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz
      )`);
    await db.query(`CREATE INDEX sessions_user_idx ON sessions (user_id)`);
    await db.query(`
      CREATE TABLE communities (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        description text NOT NULL DEFAULT '',
        visibility text NOT NULL CHECK (visibility IN ('PRIVATE', 'NETWORK')),
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE memberships (
        community_id uuid NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('FACILITATOR', 'MEMBER', 'READER')),
        perspective text NOT NULL CHECK (perspective IN ('PROFESSIONAL', 'ERVARINGSDESKUNDIGE', 'BEWONER', 'ONDERZOEKER', 'STUDENT', 'DOCENT', 'MANAGER', 'OTHER')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (community_id, user_id)
      )`);
    await db.query(`CREATE INDEX memberships_user_idx ON memberships (user_id)`);
    await db.query(`
      CREATE TABLE items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        community_id uuid NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('STORY', 'QUESTION', 'CASE', 'CONCEPT', 'TENSION', 'NOTE', 'GUIDELINE', 'REFLECTION')),
        stage text NOT NULL CHECK (stage IN ('SOCIALISATIE', 'EXTERNALISATIE', 'COMBINATIE', 'INTERNALISATIE')),
        title text NOT NULL,
        tags text[] NOT NULL DEFAULT '{}',
        text text NOT NULL DEFAULT '',
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        -- Millisecond precision, so a JavaScript Date in a page cursor is exact.
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', clock_timestamp()),
        updated_at timestamptz NOT NULL DEFAULT now(),
        archived_at timestamptz
      )`);
    // Keyset pagination: newest first within a community.
    await db.query(`CREATE INDEX items_community_created_idx ON items (community_id, created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX items_tags_idx ON items USING gin (tags)`);
    await db.query(`
      CREATE TABLE item_authors (
        item_id uuid NOT NULL REFERENCES items(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        first_contributed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (item_id, user_id)
      )`);
    await db.query(`
      CREATE TABLE stage_changes (
        id bigserial PRIMARY KEY,
        item_id uuid NOT NULL REFERENCES items(id) ON DELETE CASCADE,
        from_stage text,
        to_stage text NOT NULL,
        reason text,
        changed_by uuid REFERENCES users(id) ON DELETE SET NULL,
        changed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX stage_changes_item_idx ON stage_changes (item_id, changed_at)`);
    // A document is its snapshot plus the updates appended after it.
    await db.query(`
      CREATE TABLE yjs_snapshots (
        item_id uuid PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
        state bytea NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE yjs_updates (
        id bigserial PRIMARY KEY,
        item_id uuid NOT NULL REFERENCES items(id) ON DELETE CASCADE,
        update bytea NOT NULL,
        user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX yjs_updates_item_idx ON yjs_updates (item_id, id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'yjs_updates',
      'yjs_snapshots',
      'stage_changes',
      'item_authors',
      'items',
      'memberships',
      'communities',
      'sessions',
      'users',
    ]) {
      await db.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
