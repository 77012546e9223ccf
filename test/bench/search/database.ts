import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../../apps/api/src/database/embedded-postgres';
import { builtApi } from './built-api';
import type { BenchItem, Corpus } from './corpus';

/** The PostgreSQL server the bench creates its databases on. */
export interface BenchServer {
  describe: string;
  /** A fresh, migrated database. */
  createDatabase(): Promise<BenchDatabase>;
  /** Stops the embedded server (nothing for DATABASE_URL). */
  stop(): Promise<void>;
}

export interface BenchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** DATABASE_URL when set, else an embedded PostgreSQL in a temporary folder. */
export async function startBenchServer(serverUrl = process.env.DATABASE_URL, keep = false): Promise<BenchServer> {
  if (serverUrl) return serverAt(serverUrl, `PostgreSQL at ${new URL(serverUrl).host} (DATABASE_URL)`, async () => undefined);
  const dataDir = mkdtempSync(join(tmpdir(), 'spiraal-search-bench-'));
  // The embedded PostgreSQL runs as an unprivileged user when we are root; it must reach the folder.
  chmodSync(dataDir, 0o755);
  const embedded = await startEmbeddedPostgres({ dataDir, database: 'postgres' });
  return serverAt(embedded.url, `embedded PostgreSQL in ${dataDir}`, async () => {
    await embedded.stop();
    if (!keep) rmSync(dataDir, { recursive: true, force: true });
  });
}

function serverAt(adminUrl: string, describe: string, stop: () => Promise<void>): BenchServer {
  return {
    describe,
    stop,
    async createDatabase() {
      const name = `spiraal_search_bench_${randomBytes(6).toString('hex')}`;
      await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      const database = {
        name,
        url: url.toString(),
        drop: () => withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
      };
      try {
        await builtApi().dataSource.runMigrations(database.url);
      } catch (error) {
        await database.drop().catch(() => undefined);
        throw error;
      }
      return database;
    },
  };
}

export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Rows per multi-row INSERT of items. */
const INSERT_BATCH = 1_000;

/**
 * The bench user (FACILITATOR of every community, with a session whose token
 * is returned), the communities, and the items, inserted in bulk: the
 * outbox trigger fires for each item, as it does for items made in the app.
 */
export async function seedCorpus(url: string, corpus: Corpus): Promise<{ token: string; insertMs: number }> {
  const token = randomBytes(32).toString('base64url');
  return withClient(url, async (client) => {
    await client.query(`INSERT INTO users (id, email, display_name, password_hash) VALUES ($1, 'zoeker@bench.example', 'Zoë Zoeker', '!')`, [corpus.userId]);
    // Sessions hold the SHA-256 of the token, as SessionService issues them.
    await client.query(`INSERT INTO sessions (user_id, token_hash, expires_at) VALUES ($1, $2, now() + interval '1 day')`, [
      corpus.userId,
      createHash('sha256').update(token).digest(),
    ]);
    const { communities } = corpus;
    await client.query(
      `INSERT INTO communities (id, name, visibility, created_by) SELECT id, name, visibility, $4 FROM unnest($1::uuid[], $2::text[], $3::text[]) AS c(id, name, visibility)`,
      [communities.map((c) => c.id), communities.map((c) => c.name), communities.map((c) => c.visibility), corpus.userId],
    );
    await client.query(
      `INSERT INTO memberships (community_id, user_id, role, perspective) SELECT id, $2, 'FACILITATOR', 'PROFESSIONAL' FROM unnest($1::uuid[]) AS id`,
      [communities.map((c) => c.id), corpus.userId],
    );
    const started = performance.now();
    for (let start = 0; start < corpus.items.length; start += INSERT_BATCH) {
      await insertItems(client, corpus.items.slice(start, start + INSERT_BATCH), corpus.userId);
    }
    return { token, insertMs: performance.now() - started };
  });
}

export async function insertItems(client: Client, items: BenchItem[], userId: string): Promise<void> {
  const rows = items.map((item) => ({
    id: item.id,
    community_id: item.communityId,
    kind: item.kind,
    stage: item.stage,
    title: item.title,
    tags: item.tags,
    text: item.text,
    created_by: userId,
    created_at: item.createdAt.toISOString(),
    updated_at: item.updatedAt.toISOString(),
  }));
  await client.query(
    `INSERT INTO items (id, community_id, kind, stage, title, tags, text, created_by, created_at, updated_at)
     SELECT id, community_id, kind, stage, title, tags, text, created_by, created_at, updated_at
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, community_id uuid, kind text, stage text, title text, tags text[],
                                               text text, created_by uuid, created_at timestamptz, updated_at timestamptz)`,
    [JSON.stringify(rows)],
  );
}

/** The Dutch stem PostgreSQL gives each word (as the engine's `spiraal_dutch` does), or null for a stop word. */
export async function dutchStems(url: string, list: string[]): Promise<(string | null)[]> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ stem: string | null }>(
      `SELECT (tsvector_to_array(to_tsvector('spiraal_dutch', w)))[1] AS stem FROM unnest($1::text[]) WITH ORDINALITY AS t(w, ord) ORDER BY ord`,
      [list],
    );
    return rows.map((row) => row.stem);
  });
}

/** Ids of every community the user may read, with the same rule as AccessService. */
export async function readableCommunityIds(url: string, userId: string): Promise<string[]> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ id: string }>(
      `SELECT c.id FROM communities c
        WHERE c.visibility = 'NETWORK' OR EXISTS (SELECT 1 FROM memberships m WHERE m.community_id = c.id AND m.user_id = $1)`,
      [userId],
    );
    return rows.map((row) => row.id);
  });
}
