import { BackupError } from './backup-format';

/**
 * The `--file <path>` (or `--file=<path>`) of `npm run backup` / `npm run
 * restore`; anything else is refused with the usage.
 */
export function fileArgument(argv: string[], usage: string): string | null {
  let file: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    let value: string | undefined;
    if (arg === '--file') value = argv[++i];
    else if (arg.startsWith('--file=')) value = arg.slice('--file='.length);
    else throw new BackupError(`Unknown argument "${arg}". Usage: ${usage}`);
    if (!value || value.startsWith('--')) throw new BackupError(`--file needs a path. Usage: ${usage}`);
    if (file !== null) throw new BackupError(`--file given twice. Usage: ${usage}`);
    file = value;
  }
  return file;
}

/** spiraal-2026-11-22T01-53-59Z.backup: sortable, and valid on every file system. */
export function defaultBackupName(now: Date): string {
  return `spiraal-${now
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-')}.backup`;
}
