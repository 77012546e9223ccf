import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { BackupError } from '../backup/backup-format';
import { fileArgument } from '../backup/cli-arguments';
import { restoreBackup } from '../backup/restore';
import { ConfigError, loadConfig } from '../config/config';
import { startEmbeddedPostgres } from '../database/embedded-postgres';

const USAGE = 'npm run restore -- --file <path>';

/**
 * `npm run restore -- --file <path>`: brings a backup back into an empty
 * database (DATABASE_URL or the embedded PostgreSQL), all or nothing.
 */
async function main(): Promise<void> {
  const file = fileArgument(process.argv.slice(2), USAGE);
  if (!file) throw new BackupError(`Which backup? Usage: ${USAGE}`);
  const config = loadConfig();
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres({ dataDir: config.dataDir });
  try {
    const started = performance.now();
    const summary = await restoreBackup(config.databaseUrl ?? embedded!.url, resolve(file));
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `Restored ${summary.rows} rows in ${summary.tables} tables from the backup of ${summary.createdAt} (${seconds.toFixed(1)} s).`,
    );
  } finally {
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(
    error instanceof ConfigError || error instanceof BackupError
      ? error.message
      : `The restore failed: ${String(error)}`,
  );
  process.exit(1);
});
