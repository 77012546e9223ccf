import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

/** Where our server keeps its data during the bench, and how the bench reaches it. */
export interface BenchDatabase {
  /** What the server's environment needs to use it. */
  serverEnv: Record<string, string>;
  /** A connection URL for the bench itself (available once the server has started). */
  url(): string;
  /** Drops the database or removes the data folder (after the server has stopped). */
  remove(): Promise<void>;
  describe: string;
}

/**
 * With DATABASE_URL: a fresh `spiraal_bench_<random>` database on that server.
 * Without it: a fresh data folder, so the server starts its embedded PostgreSQL.
 */
export async function createBenchDatabase(serverUrl = process.env.DATABASE_URL): Promise<BenchDatabase> {
  if (serverUrl) {
    const name = `spiraal_bench_${randomBytes(6).toString('hex')}`;
    await admin(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return {
      serverEnv: { DATABASE_URL: url.toString() },
      url: () => url.toString(),
      remove: () =>
        admin(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(
          () => undefined,
        ),
      describe: `database ${name} on ${url.host} (dropped afterwards)`,
    };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'spiraal-bench-'));
  // The embedded PostgreSQL runs as an unprivileged user when we are root; it must reach the folder.
  chmodSync(dataDir, 0o755);
  return {
    serverEnv: { SPIRAAL_DATA_DIR: dataDir },
    url: () => embeddedUrl(dataDir),
    remove: async () => rmSync(dataDir, { recursive: true, force: true }),
    describe: `embedded PostgreSQL in ${dataDir} (removed afterwards)`,
  };
}

/** The embedded cluster as our server started it: the same files another Spiraal process would use to join it. */
function embeddedUrl(dataDir: string): string {
  const password = readFileSync(join(dataDir, '.postgres-password'), 'utf8').trim();
  const { port } = JSON.parse(readFileSync(join(dataDir, 'embedded-postgres.json'), 'utf8')) as { port: number };
  return `postgres://spiraal:${encodeURIComponent(password)}@127.0.0.1:${port}/spiraal`;
}

async function admin<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
