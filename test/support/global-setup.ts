import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../../apps/api/src/database/embedded-postgres';

/**
 * With DATABASE_URL (CI) every test file gets a fresh database on that server.
 * Without it, one embedded PostgreSQL runs for the whole test run.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) return;
  const dataDir = mkdtempSync(join(tmpdir(), 'spiraal-test-'));
  const server = await startEmbeddedPostgres({ dataDir, database: 'postgres' });
  process.env.DATABASE_URL = server.url;
  process.env.SPIRAAL_TEST_EMBEDDED_DIR = dataDir;
  (globalThis as { __spiraalPostgres?: typeof server }).__spiraalPostgres = server;
}
