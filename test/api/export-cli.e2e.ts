import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readExportArchive } from '@spiraal/interchange';
import { communityWithPeople, CommunityFixture, createItem } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';

/** `npm run export`, as its script runs it: the built CLI (`npx nx run api:build` first; npm test builds). */
const CLI = join(__dirname, '../../apps/api/dist/cli/export.js');

function runExport(
  args: string[],
  databaseUrl: string,
  cwd: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd,
      env: { PATH: process.env.PATH, DATABASE_URL: databaseUrl, LOG_LEVEL: 'error' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run export', () => {
  let t: TestApp;
  let c: CommunityFixture;
  let dir: string;
  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npx nx run api:build\` first (npm test does)`);
    t = await startTestApp();
    c = await communityWithPeople(t.baseUrl);
    const casus = await createItem(t.baseUrl, c.facilitator.token, {
      communityId: c.communityId,
      kind: 'CASE',
      title: 'Casus: de sleutel',
      body: '## Situatie\n\nDe sleutel lag bij de buren.\n',
    });
    await createItem(t.baseUrl, c.member.token, {
      communityId: c.communityId,
      kind: 'NOTE',
      title: 'Notitie',
      body: `Zie [de casus](/items/${casus.id}).\n`,
    });
    dir = mkdtempSync(join(tmpdir(), 'spiraal-export-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t.close();
  });

  it('writes the community, found by name, to the zip named with --out and says what it wrote', async () => {
    const result = await runExport(['--community', 'leernetwerk private', '--out', 'uit.zip'], t.db.url, dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^Leernetwerk "Leernetwerk PRIVATE" geëxporteerd \/ exported: 2 items, 1 links, 0 reacties \/ comments -> .*uit\.zip \(\d+\.\d kB\)\n$/,
    );
    const { manifest, bodies } = readExportArchive(new Uint8Array(readFileSync(join(dir, 'uit.zip'))));
    expect(manifest.items.map((i) => i.title).sort()).toEqual(['Casus: de sleutel', 'Notitie']);
    expect([...bodies.values()]).toContain('## Situatie\n\nDe sleutel lag bij de buren.\n');
  });

  it('with --pseudonymise replaces personal data in the archive (docs/privacy.md)', async () => {
    // Another name than the community the other cases find by name.
    const other = await communityWithPeople(t.baseUrl, 'NETWORK');
    await createItem(t.baseUrl, other.member.token, {
      communityId: other.communityId,
      kind: 'CASE',
      title: 'Casus',
      body: 'Mevrouw Jansen, BSN 123457002.\n',
    });
    const result = await runExport(
      ['--community', other.communityId, '--out', 'pseudo.zip', '--pseudonymise'],
      t.db.url,
      dir,
    );
    expect(result.code).toBe(0);
    const { bodies } = readExportArchive(new Uint8Array(readFileSync(join(dir, 'pseudo.zip'))));
    expect([...bodies.values()]).toEqual(['Mevrouw Persoon A, BSN [BSN].\n']);
  });

  it('finds the community by id too, and names the file itself', async () => {
    const result = await runExport(['--community', c.communityId], t.db.url, dir);
    expect(result.code).toBe(0);
    const name = /-> (.*\.zip)/.exec(result.stdout)![1];
    expect(name).toMatch(/spiraal-leernetwerk-private-\d{4}-\d{2}-\d{2}\.zip$/);
    expect(readExportArchive(new Uint8Array(readFileSync(name))).manifest.community.id).toBe(c.communityId);
  });

  it.each<[string, string[], RegExp]>([
    ['no --community', [], /Geef een leernetwerk op met --community/],
    ['an unknown option', ['--community', 'x', '--force'], /Unknown option '--force'[\s\S]*Gebruik \/ usage/],
    ['an unknown community', ['--community', 'Bestaat niet'], /Geen leernetwerk "Bestaat niet" gevonden/],
    ['a file that exists', ['--community', 'Leernetwerk PRIVATE', '--out', 'bestaat.zip'], /bestaat\.zip bestaat al/],
  ])('refuses %s with a clear message and exit code 2', async (_what, args, message) => {
    writeFileSync(join(dir, 'bestaat.zip'), 'van iemand anders');
    const result = await runExport(args, t.db.url, dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\bat .*\.js:\d+/);
    expect(readFileSync(join(dir, 'bestaat.zip'), 'utf8')).toBe('van iemand anders');
  });
});
