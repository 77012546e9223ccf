import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { BackupError } from '../backup/backup-format';
import { writeBackup } from '../backup/backup-writer';
import { defaultBackupName, fileArgument } from '../backup/cli-arguments';
import { ConfigError, loadConfig } from '../config/config';
import { startEmbeddedPostgres } from '../database/embedded-postgres';

const USAGE = 'npm run backup -- [--file spiraal-<timestamp>.backup]';

/**
 * `npm run backup`: writes a consistent backup of everything (people,
 * communities, items, live documents, history, search index) to one file.
 * Safe while Spiraal runs; uses DATABASE_URL or the embedded PostgreSQL.
 */
async function main(): Promise<void> {
  const now = new Date();
  const file = resolve(fileArgument(process.argv.slice(2), USAGE) ?? defaultBackupName(now));
  const config = loadConfig();
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres({ dataDir: config.dataDir });
  try {
    const started = performance.now();
    const summary = await writeBackup(config.databaseUrl ?? embedded!.url, file, now);
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `Backup written: ${summary.file} (${summary.rows} rows in ${summary.tables} tables, ${(summary.bytes / 1024 / 1024).toFixed(1)} MB, ${seconds.toFixed(1)} s).`,
    );
  } finally {
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(
    error instanceof ConfigError || error instanceof BackupError
      ? error.message
      : `The backup failed: ${String(error)}`,
  );
  process.exit(1);
});
