/** What a Spiraal backup file holds, and the checks a header must pass before anything is restored. */

export const BACKUP_FORMAT = 'spiraal-backup';
export const BACKUP_VERSION = 1;
/** The header is one JSON line; a larger one means the file is not ours. */
export const MAX_HEADER_BYTES = 4 * 1024 * 1024;

/** Tables that are not data: the schema comes from the migrations, and their list is in the header. */
// search_changes holds transaction ids of this cluster only; a restored database is read whole at start.
export const EXCLUDED_TABLES = ['migrations', 'typeorm_metadata', 'search_changes'];

/**
 * Session settings for both ends of a COPY, so values are written and read
 * the same way whatever the server's defaults (dates, time zone, floats).
 */
export const COPY_SESSION_SETTINGS = [
  "SET client_encoding = 'UTF8'",
  "SET DateStyle = 'ISO, YMD'",
  "SET TimeZone = 'UTC'",
  "SET IntervalStyle = 'postgres'",
  'SET extra_float_digits = 3',
];

export interface BackupTable {
  name: string;
  /** The columns in the file, in order (generated columns are left out: PostgreSQL computes them again). */
  columns: string[];
  rows: number;
  /** Length of this table's COPY text in the body. */
  bytes: number;
}

/**
 * The file: a gzip member with this header as one JSON line, then gzip
 * member(s) with the body: every table's COPY text, one after the other, in
 * `tables` order (foreign-key order, so a restore can load them as they come).
 */
export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  createdAt: string;
  /** Applied migrations of the source, in order: a restore needs exactly these. */
  migrations: string[];
  tables: BackupTable[];
  /** SHA-256 of the (uncompressed) body, hex. */
  sha256: string;
}

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/** Parses and checks a header line; a BackupError says what is wrong. */
export function parseHeader(line: string): BackupHeader {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new BackupError('This is not a Spiraal backup: its header is not JSON.');
  }
  const header = value as Partial<BackupHeader>;
  if (!header || typeof header !== 'object' || header.format !== BACKUP_FORMAT)
    throw new BackupError('This is not a Spiraal backup file.');
  if (header.version !== BACKUP_VERSION) {
    throw new BackupError(
      `This backup has format version ${String(header.version)}; this version of Spiraal reads version ${BACKUP_VERSION}.`,
    );
  }
  const problems: string[] = [];
  if (typeof header.createdAt !== 'string' || Number.isNaN(Date.parse(header.createdAt))) problems.push('createdAt');
  if (!Array.isArray(header.migrations) || !header.migrations.every((m) => typeof m === 'string' && m.length <= 200))
    problems.push('migrations');
  if (typeof header.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(header.sha256)) problems.push('sha256');
  if (!Array.isArray(header.tables)) problems.push('tables');
  else {
    const names = new Set<string>();
    header.tables.forEach((table, i) => {
      const ok =
        table &&
        typeof table.name === 'string' &&
        IDENTIFIER.test(table.name) &&
        !names.has(table.name) &&
        Array.isArray(table.columns) &&
        table.columns.length > 0 &&
        table.columns.every((c) => typeof c === 'string' && IDENTIFIER.test(c)) &&
        Number.isSafeInteger(table.rows) &&
        table.rows >= 0 &&
        Number.isSafeInteger(table.bytes) &&
        table.bytes >= 0;
      if (!ok) problems.push(`tables[${i}]`);
      else names.add(table.name);
    });
  }
  if (problems.length) throw new BackupError(`The backup's header is damaged (${problems.join(', ')}).`);
  return header as BackupHeader;
}

/** A double-quoted SQL identifier (names are checked against IDENTIFIER too, this is the second lock). */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** How many rows a piece of COPY text ends: in text format every row ends with a newline, and newlines inside values are escaped. */
export function countRows(chunk: Buffer): number {
  let rows = 0;
  for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) rows++;
  return rows;
}
