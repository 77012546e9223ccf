import type { ClientBase } from 'pg';
import { EXCLUDED_TABLES } from './backup-format';
import { ForeignKey, foreignKeyOrder } from './table-order';

export interface CatalogTable {
  name: string;
  columns: string[];
}

/** The data tables of the public schema with their stored (not generated) columns, in foreign-key order. */
export async function dataTables(client: ClientBase): Promise<CatalogTable[]> {
  const columns = await client.query<{ table: string; column: string }>(
    `SELECT c.relname AS table, a.attname AS column
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> ALL($1)
      ORDER BY c.relname, a.attnum`,
    [EXCLUDED_TABLES],
  );
  const keys = await client.query<ForeignKey>(
    `SELECT c.relname AS table, r.relname AS references
       FROM pg_constraint k
       JOIN pg_class c ON c.oid = k.conrelid
       JOIN pg_class r ON r.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE k.contype = 'f' AND n.nspname = 'public'`,
  );
  const byTable = new Map<string, string[]>();
  for (const { table, column } of columns.rows) {
    if (!byTable.has(table)) byTable.set(table, []);
    byTable.get(table)!.push(column);
  }
  return foreignKeyOrder([...byTable.keys()], keys.rows).map((name) => ({ name, columns: byTable.get(name)! }));
}

/** Names of the applied migrations, in the order they ran. */
export async function appliedMigrations(client: ClientBase): Promise<string[]> {
  const exists = await client.query<{ found: string | null }>(`SELECT to_regclass('public.migrations')::text AS found`);
  if (!exists.rows[0].found) return [];
  const rows = await client.query<{ name: string }>('SELECT name FROM migrations ORDER BY timestamp, id');
  return rows.rows.map((r) => r.name);
}

/** Tables with triggers of their own (not the ones behind constraints). */
export async function tablesWithTriggers(client: ClientBase): Promise<string[]> {
  const rows = await client.query<{ table: string }>(
    `SELECT DISTINCT c.relname AS table
       FROM pg_trigger t
       JOIN pg_class c ON c.oid = t.tgrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND NOT t.tgisinternal
      ORDER BY 1`,
  );
  return rows.rows.map((r) => r.table);
}

/** Columns fed by a sequence (serial or identity), with the sequence's name. */
export async function sequenceColumns(
  client: ClientBase,
): Promise<{ table: string; column: string; sequence: string }[]> {
  const rows = await client.query<{ table: string; column: string; sequence: string }>(
    `SELECT c.relname AS table, a.attname AS column, pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) AS sequence
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      WHERE n.nspname = 'public' AND c.relkind = 'r'
        AND pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) IS NOT NULL`,
  );
  return rows.rows;
}
