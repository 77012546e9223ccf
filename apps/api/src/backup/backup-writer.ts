import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { createGzip, gzipSync } from 'node:zlib';
import { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BackupError,
  BackupHeader,
  BackupTable,
  COPY_SESSION_SETTINGS,
  countRows,
  quoteIdent,
} from './backup-format';
import { appliedMigrations, dataTables } from './schema-catalog';

export interface BackupSummary {
  file: string;
  tables: number;
  rows: number;
  /** Size of the file. */
  bytes: number;
}

/**
 * Writes a consistent logical backup of every data table: all read in one
 * REPEATABLE READ READ ONLY transaction (one snapshot, taken while the
 * server keeps running), streamed with COPY into a gzip'ed file. Written
 * next to the target under a temporary name and renamed at the end, so a
 * failed backup leaves no half file.
 */
export async function writeBackup(databaseUrl: string, file: string, now = new Date()): Promise<BackupSummary> {
  if (existsSync(file)) throw new BackupError(`${file} already exists; choose another name with --file.`);
  const bodyFile = `${file}.body-${process.pid}.tmp`;
  const partFile = `${file}.${process.pid}.tmp`;
  const client = new Client({ connectionString: databaseUrl, application_name: 'spiraal-backup' });
  await client.connect();
  try {
    for (const setting of COPY_SESSION_SETTINGS) await client.query(setting);
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const migrations = await appliedMigrations(client);
    if (!migrations.length)
      throw new BackupError('This database has no migrations applied: there is nothing of Spiraal to back up.');
    const { tables, sha256 } = await writeBody(client, bodyFile);
    await client.query('COMMIT');
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: now.toISOString(),
      migrations,
      tables,
      sha256,
    };
    await writeFile(partFile, header, bodyFile);
    await rename(partFile, file);
    return {
      file,
      tables: tables.length,
      rows: tables.reduce((sum, t) => sum + t.rows, 0),
      bytes: (await stat(file)).size,
    };
  } finally {
    await client.end().catch(() => undefined);
    await rm(bodyFile, { force: true });
    await rm(partFile, { force: true });
  }
}

/** Every table's COPY text, gzip'ed, in foreign-key order; counts rows and bytes and hashes the whole. */
async function writeBody(client: Client, bodyFile: string): Promise<{ tables: BackupTable[]; sha256: string }> {
  const hash = createHash('sha256');
  const gzip = createGzip({ level: 6 });
  const written = pipeline(gzip, createWriteStream(bodyFile, { flags: 'wx' }));
  const tables: BackupTable[] = [];
  try {
    for (const { name, columns } of await dataTables(client)) {
      const table: BackupTable = { name, columns, rows: 0, bytes: 0 };
      const copy = client.query(copyTo(`COPY ${quoteIdent(name)} (${columns.map(quoteIdent).join(', ')}) TO STDOUT`));
      for await (const chunk of copy as AsyncIterable<Buffer>) {
        hash.update(chunk);
        table.bytes += chunk.length;
        table.rows += countRows(chunk);
        if (!gzip.write(chunk)) await once(gzip, 'drain');
      }
      tables.push(table);
    }
    gzip.end();
    await written;
  } catch (error) {
    gzip.destroy();
    await written.catch(() => undefined);
    throw error;
  }
  return { tables, sha256: hash.digest('hex') };
}

/** The header as its own gzip member, then the body's members as they are, flushed to disk. */
async function writeFile(partFile: string, header: BackupHeader, bodyFile: string): Promise<void> {
  const out = createWriteStream(partFile, { flags: 'wx' });
  out.write(gzipSync(`${JSON.stringify(header)}\n`));
  await pipeline(createReadStream(bodyFile), out);
  const handle = await open(partFile, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
