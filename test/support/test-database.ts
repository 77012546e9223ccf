import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import * as Y from 'yjs';
import { runMigrations } from '../../apps/api/src/database/data-source';

function serverUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: the Jest global setup should have set it');
  return url;
}

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** A new database on the test server, for one test file: migrated unless told otherwise. */
export async function createTestDatabase(options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const name = `spiraal_test_${randomBytes(6).toString('hex')}`;
  await admin((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  if (options.migrated !== false) await runMigrations(url.toString());
  return {
    url: url.toString(),
    name,
    drop: () => admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/** Runs SQL directly against a test database, to check what was (not) stored. */
export async function sql<T = Record<string, unknown>>(
  url: string,
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** An item's document as the database holds it: the snapshot with the updates appended after it. */
export async function storedDocument(url: string, itemId: string): Promise<Y.Doc> {
  const parts = await sql<{ state: Buffer }>(
    url,
    `SELECT state FROM yjs_snapshots WHERE item_id = $1 UNION ALL (SELECT update FROM yjs_updates WHERE item_id = $1 ORDER BY id)`,
    [itemId],
  );
  const doc = new Y.Doc();
  for (const part of parts) Y.applyUpdate(doc, new Uint8Array(part.state));
  return doc;
}
