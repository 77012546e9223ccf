/**
 * What the import command prints: progress while it works (a bar on a
 * terminal, one line per file otherwise) and a summary table at the end.
 */
export type FileStatus = 'IMPORTED' | 'SKIPPED' | 'FAILED';

export interface FileReport {
  name: string;
  status: FileStatus;
  items: number;
  reason: string | null;
}

const STATUS_LABEL: Readonly<Record<FileStatus, string>> = {
  IMPORTED: 'geïmporteerd',
  SKIPPED: 'overgeslagen',
  FAILED: 'mislukt',
};

export interface ProgressWriter {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export class ImportProgress {
  private done = 0;

  constructor(
    private readonly total: number,
    private readonly out: ProgressWriter,
  ) {}

  /** After each file. */
  step(report: FileReport): void {
    this.done++;
    if (this.out.isTTY) {
      const width = 24;
      const filled = Math.round((this.done / this.total) * width);
      const line = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${this.done}/${this.total} ${report.name}`;
      this.out.write(`\r\x1b[K${line.slice(0, (this.out.columns ?? 80) - 1)}`);
      if (this.done === this.total) this.out.write('\n');
    } else {
      this.out.write(
        `[${this.done}/${this.total}] ${report.name}: ${STATUS_LABEL[report.status]}${report.reason && report.status === 'FAILED' ? ` (${report.reason})` : ''}\n`,
      );
    }
  }
}

/** A table of every file and a line of totals. */
export function formatSummary(reports: readonly FileReport[]): string {
  const rows = reports.map((r) => [STATUS_LABEL[r.status], String(r.items), r.name, r.reason ?? '']);
  const header = ['status', 'items', 'bestand / file', 'reden / reason'];
  const widths = [0, 1, 2].map((col) => Math.max(header[col].length, ...rows.map((row) => row[col].length)));
  const line = (row: string[]) =>
    [row[0].padEnd(widths[0]), row[1].padStart(widths[1]), row[2].padEnd(widths[2]), row[3]].join('  ').trimEnd();
  const count = (status: FileStatus) => reports.filter((r) => r.status === status);
  const imported = count('IMPORTED');
  const items = imported.reduce((sum, r) => sum + r.items, 0);
  const totals =
    `Geïmporteerd: ${imported.length} bestanden (${items} items), overgeslagen: ${count('SKIPPED').length}, mislukt: ${count('FAILED').length}` +
    ` / Imported: ${imported.length} files (${items} items), skipped: ${count('SKIPPED').length}, failed: ${count('FAILED').length}`;
  return [line(header), ...rows.map(line), '', totals, ''].join('\n');
}
