import { writeZip } from '@spiraal/interchange';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { communityWithPeople, CommunityFixture } from '../support/fixtures';
import { gqlData } from '../support/graphql-client';
import { startTestApp, TestApp } from '../support/test-app';

const IMPORT_CLI = join(__dirname, '../../apps/api/dist/cli/import.js');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI (`npm run import` without the build step), never failing on a non-zero exit. */
function runCli(args: string[], databaseUrl: string): Promise<Run> {
  if (!existsSync(IMPORT_CLI))
    throw new Error(`${IMPORT_CLI} is missing: run \`npx nx run api:build\` first (npm test does)`);
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [IMPORT_CLI, ...args],
      { env: { PATH: process.env.PATH, DATABASE_URL: databaseUrl, LOG_LEVEL: 'error' } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** As a facilitator would: a folder of old verslagen into a leernetwerk with one command. */
describe('npm run import', () => {
  let t: TestApp;
  let c: CommunityFixture;
  let folder: string;
  beforeAll(async () => {
    t = await startTestApp();
    c = await communityWithPeople(t.baseUrl);
    folder = await mkdtemp(join(tmpdir(), 'spiraal-import-'));
    const verslagen = join(folder, 'verslagen');
    await mkdir(join(verslagen, '2019'), { recursive: true });
    await writeFile(
      join(verslagen, '2019', 'intervisie-maart.md'),
      '# Intervisie maart\n\nWe bespraken **vertrouwen**.\n\n## Afspraken\n\n- bellen\n- mailen\n',
    );
    await writeFile(
      join(verslagen, 'bijeenkomst.html'),
      Buffer.from(
        '<html><head><meta charset="windows-1252"></head><body><h1>Bijeenkomst</h1><p>De cliënt vertelde.</p></body></html>',
        'latin1',
      ),
    );
    await writeFile(join(verslagen, 'rapport.txt'), 'Het rapport over samen-\nwerking in de wijk.\n\n3\n');
    await writeFile(join(verslagen, 'scan.txt'), Buffer.from('%PDF-1.5\n\x00\x01binary'));
    await writeFile(join(verslagen, 'leeg.md'), '');
    await writeFile(join(verslagen, '.DS_Store'), 'verborgen');
    await writeFile(
      join(verslagen, 'export.zip'),
      writeZip(new Map([['manifest.json', new TextEncoder().encode('{}')]])),
    );
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
    await t.close();
  });

  const titles = async () => {
    const data = await gqlData(
      t.baseUrl,
      `query ($id: ID!) { items(communityId: $id, first: 100) { edges { node { title markdown tags createdBy { displayName } } } } }`,
      { id: c.communityId },
      c.facilitator.token,
    );
    return data.items.edges.map(
      (e: { node: { title: string; markdown: string; tags: string[]; createdBy: { displayName: string } } }) => e.node,
    );
  };

  it('imports a folder, reports progress and a summary per file, and fails the exit code for the bad files', async () => {
    const run = await runCli(
      [
        '--community',
        'Leernetwerk PRIVATE',
        '--tag',
        'archief',
        join(folder, 'verslagen'),
        join(folder, 'bestaat-niet'),
      ],
      t.db.url,
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Auteur / Author: Fenna Facilitator');
    // Not a terminal: one progress line per file (hidden files passed over).
    expect(run.stderr).toContain('[1/6] verslagen/2019/intervisie-maart.md: geïmporteerd');
    expect(run.stderr).toContain('[6/6] verslagen/scan.txt: mislukt');
    const lines = run.stdout.split('\n');
    const row = (name: string) => lines.find((line) => line.includes(name)) ?? `(no line for ${name})`;
    expect(row('intervisie-maart.md')).toMatch(/^geïmporteerd\s+1\s/);
    expect(row('bijeenkomst.html')).toMatch(/^geïmporteerd\s+1\s/);
    expect(row('rapport.txt')).toMatch(/^geïmporteerd\s+1\s/);
    expect(row('scan.txt')).toMatch(/^mislukt\s+0\s.*PDF/);
    expect(row('leeg.md')).toMatch(/^mislukt\s+0\s.*leeg/);
    // A zip is restored as a community export (test/api/import-export-cli.e2e.ts); this one's manifest is not one.
    expect(row('export.zip')).toMatch(/^mislukt\s+0\s.*manifest\.json: dit is geen Spiraal-export/);
    expect(row('bestaat-niet')).toMatch(/^mislukt\s+0\s.*Bestaat niet/);
    expect(run.stdout).toContain('Geïmporteerd: 3 bestanden (3 items), overgeslagen: 0, mislukt: 4');

    const items = await titles();
    expect(items.map((i: { title: string }) => i.title).sort()).toEqual(['Bijeenkomst', 'Intervisie maart', 'rapport']);
    const intervisie = items.find((i: { title: string }) => i.title === 'Intervisie maart')!;
    expect(intervisie.markdown).toBe(
      '# Intervisie maart\n\nWe bespraken **vertrouwen**.\n\n## Afspraken\n\n- bellen\n- mailen\n',
    );
    expect(intervisie.tags).toEqual(['archief']);
    expect(intervisie.createdBy.displayName).toBe('Fenna Facilitator');
    expect(items.find((i: { title: string }) => i.title === 'rapport')!.markdown).toBe(
      'Het rapport over samenwerking in de wijk.\n',
    );
    expect(items.find((i: { title: string }) => i.title === 'Bijeenkomst')!.markdown).toBe(
      '# Bijeenkomst\n\nDe cliënt vertelde.\n',
    );
  });

  it('skips everything on a second run, and splits by heading as another member when asked', async () => {
    const again = await runCli(
      ['--community', c.communityId, join(folder, 'verslagen', '2019'), join(folder, 'verslagen', 'rapport.txt')],
      t.db.url,
    );
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Geïmporteerd: 0 bestanden (0 items), overgeslagen: 2, mislukt: 0');
    expect(again.stdout).toMatch(
      /overgeslagen\s+1\s+2019\/intervisie-maart\.md\s+Al geïmporteerd als "verslagen\/2019\/intervisie-maart\.md"/,
    );
    expect(await titles()).toHaveLength(3);

    const split = await runCli(
      [
        '--community',
        c.communityId,
        '--split-headings',
        '--kind',
        'verhaal',
        '--as',
        c.member.email,
        join(folder, 'verslagen', '2019'),
      ],
      t.db.url,
    );
    expect(split.code).toBe(0);
    expect(split.stderr).toContain(`Auteur / Author: Mo Lid <${c.member.email}>`);
    expect(split.stdout).toMatch(/geïmporteerd\s+1\s+2019\/intervisie-maart\.md/);
  });

  it('refuses an author who may not create items, and a community that does not exist, before importing anything', async () => {
    const reader = await runCli(
      ['--community', c.communityId, '--as', c.reader.email, join(folder, 'verslagen')],
      t.db.url,
    );
    expect(reader.code).toBe(1);
    expect(reader.stderr).toMatch(/mag hier geen items maken/);
    const nowhere = await runCli(['--community', 'Bestaat niet', join(folder, 'verslagen')], t.db.url);
    expect(nowhere.code).toBe(1);
    expect(nowhere.stderr).toContain('Geen leernetwerk "Bestaat niet" gevonden');
    const usage = await runCli(['--kind', 'NOTE'], t.db.url);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('Gebruik / Usage');
  });
});
