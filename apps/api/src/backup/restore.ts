import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { runMigrations } from '../database/data-source';
import { BackupError, BackupHeader, COPY_SESSION_SETTINGS, quoteIdent } from './backup-format';
import { BackupReader, verifyBackup } from './backup-reader';
import { appliedMigrations, CatalogTable, dataTables, sequenceColumns, tablesWithTriggers } from './schema-catalog';

/** Tables whose rows mean the database is in use: a restore never overwrites them. */
const IN_USE_TABLES = ['users', 'communities', 'items'];

export interface RestoreSummary {
  createdAt: string;
  tables: number;
  rows: number;
}

/**
 * Brings a backup back into an empty database: checks the whole file first,
 * refuses a database that holds people, communities or items, runs the
 * migrations, requires the backup's migrations to be exactly this version's,
 * then loads every table in one transaction (all or nothing) and checks the
 * row counts before committing.
 */
export async function restoreBackup(databaseUrl: string, file: string): Promise<RestoreSummary> {
  const header = await verifyBackup(file);
  const client = new Client({ connectionString: databaseUrl, application_name: 'spiraal-restore' });
  await client.connect();
  try {
    await refuseUnlessEmpty(client);
    await runMigrations(databaseUrl);
    await requireSameSchema(client, header);
    for (const setting of COPY_SESSION_SETTINGS) await client.query(setting);
    await client.query('BEGIN');
    try {
      await load(client, file, header);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
    return {
      createdAt: header.createdAt,
      tables: header.tables.length,
      rows: header.tables.reduce((sum, t) => sum + t.rows, 0),
    };
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function refuseUnlessEmpty(client: Client): Promise<void> {
  const counts: string[] = [];
  for (const table of IN_USE_TABLES) {
    const exists = await client.query<{ found: string | null }>(`SELECT to_regclass($1)::text AS found`, [
      `public.${table}`,
    ]);
    if (!exists.rows[0].found) continue;
    const [{ n }] = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${quoteIdent(table)}`)).rows;
    if (n) counts.push(`${n} ${table}`);
  }
  if (counts.length) {
    throw new BackupError(
      `This database is not empty (${counts.join(', ')}). A backup is restored only into an empty database; nothing was changed.`,
    );
  }
}

async function requireSameSchema(client: Client, header: BackupHeader): Promise<void> {
  const here = await appliedMigrations(client);
  if (here.join('\n') !== header.migrations.join('\n')) {
    const missingHere = header.migrations.filter((m) => !here.includes(m));
    const missingThere = here.filter((m) => !header.migrations.includes(m));
    const why = missingHere.length
      ? `it was made by a newer version of Spiraal (migrations unknown here: ${missingHere.join(', ')})`
      : `it was made by an older version of Spiraal (without ${missingThere.join(', ')}); restore it with that version, then upgrade`;
    throw new BackupError(`This backup does not fit this version's database: ${why}. No data was restored.`);
  }
  const tables = new Map((await dataTables(client)).map((t: CatalogTable) => [t.name, t.columns]));
  for (const table of header.tables) {
    const columns = tables.get(table.name);
    if (!columns)
      throw new BackupError(
        `The backup holds table ${table.name}, which this database does not have. No data was restored.`,
      );
    const missing = table.columns.filter((c) => !columns.includes(c));
    if (missing.length)
      throw new BackupError(
        `Table ${table.name} here lacks the backup's columns ${missing.join(', ')}. No data was restored.`,
      );
  }
}

/** Inside the transaction: empty every table, load each in file (foreign-key) order, check counts and checksum, fix sequences. */
async function load(client: Client, file: string, header: BackupHeader): Promise<void> {
  // Lock, then check again: nobody may have started using the database since the first check.
  await client.query(`LOCK TABLE ${IN_USE_TABLES.map(quoteIdent).join(', ')} IN ACCESS EXCLUSIVE MODE`);
  await refuseUnlessEmpty(client);
  // What a start of Spiraal on the empty database may have left (a server secret, used tickets) gives way to the backup.
  const all = (await dataTables(client)).map((t) => quoteIdent(t.name));
  await client.query(`TRUNCATE ${all.join(', ')}`);
  // The rows come back as they were: no trigger may add to them (items would fill search_outbox a second time).
  const triggered = await tablesWithTriggers(client);
  for (const table of triggered) await client.query(`ALTER TABLE ${quoteIdent(table)} DISABLE TRIGGER USER`);

  const { reader } = await BackupReader.open(file);
  const hash = createHash('sha256');
  try {
    for (const table of header.tables) {
      const copy = client.query(
        copyFrom(`COPY ${quoteIdent(table.name)} (${table.columns.map(quoteIdent).join(', ')}) FROM STDIN`),
      );
      const done = finished(copy);
      try {
        for await (const piece of reader.table(table)) {
          hash.update(piece);
          if (!copy.write(piece)) await Promise.race([once(copy, 'drain'), done]);
        }
      } catch (error) {
        copy.destroy(error as Error);
        await done.catch(() => undefined);
        throw error;
      }
      copy.end();
      await done;
      if (copy.rowCount !== table.rows) {
        throw new BackupError(
          `Table ${table.name}: ${copy.rowCount} rows loaded, the backup says ${table.rows}. No data was restored.`,
        );
      }
    }
    await reader.end();
  } finally {
    reader.close();
  }
  if (hash.digest('hex') !== header.sha256)
    throw new BackupError('The backup file changed while it was being restored. No data was restored.');

  for (const table of triggered) await client.query(`ALTER TABLE ${quoteIdent(table)} ENABLE TRIGGER USER`);
  for (const { table, column, sequence } of await sequenceColumns(client)) {
    const max = `(SELECT max(${quoteIdent(column)}) FROM ${quoteIdent(table)})`;
    await client.query(`SELECT setval($1, COALESCE(${max}, 1), ${max} IS NOT NULL)`, [sequence]);
  }
  // A running indexer picks up restored, not yet indexed changes.
  await client.query(`SELECT pg_notify('search_outbox', '')`);
}
