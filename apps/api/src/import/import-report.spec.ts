import { formatSummary, ImportProgress, type FileReport } from './import-report';

const REPORTS: FileReport[] = [
  { name: 'verslagen/maart.md', status: 'IMPORTED', items: 3, reason: null },
  { name: 'notitie.txt', status: 'SKIPPED', items: 1, reason: 'Al geïmporteerd' },
  { name: 'foto.png', status: 'FAILED', items: 0, reason: 'Bestandstype .png' },
];

describe('the import report', () => {
  it('summarises every file in a table with totals', () => {
    expect(formatSummary(REPORTS)).toBe(
      [
        'status        items  bestand / file      reden / reason',
        'geïmporteerd      3  verslagen/maart.md',
        'overgeslagen      1  notitie.txt         Al geïmporteerd',
        'mislukt           0  foto.png            Bestandstype .png',
        '',
        'Geïmporteerd: 1 bestanden (3 items), overgeslagen: 1, mislukt: 1 / Imported: 1 files (3 items), skipped: 1, failed: 1',
        '',
      ].join('\n'),
    );
  });

  it('draws a bar on a terminal and writes plain lines elsewhere', () => {
    const terminal: string[] = [];
    const bar = new ImportProgress(2, { write: (t: string) => terminal.push(t), isTTY: true, columns: 80 });
    REPORTS.slice(0, 2).forEach((r) => bar.step(r));
    expect(terminal).toEqual([
      '\r\x1b[K[############------------] 1/2 verslagen/maart.md',
      '\r\x1b[K[########################] 2/2 notitie.txt',
      '\n',
    ]);
    const log: string[] = [];
    const lines = new ImportProgress(3, { write: (t: string) => log.push(t) });
    REPORTS.forEach((r) => lines.step(r));
    expect(log).toEqual([
      '[1/3] verslagen/maart.md: geïmporteerd\n',
      '[2/3] notitie.txt: overgeslagen\n',
      '[3/3] foto.png: mislukt (Bestandstype .png)\n',
    ]);
  });
});
