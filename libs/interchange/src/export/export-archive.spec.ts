import { strToU8, zipSync } from 'fflate';
import { readExportArchive, writeExportArchive } from './export-archive';
import { CASE_ID, GUIDELINE_ID, sampleManifest } from './fixtures.spec-helper';
import { withFrontMatter } from './front-matter';

function files(): Map<string, string> {
  const meta = { kind: 'CASE', stage: 'EXTERNALISATIE', tags: [], authors: [], created: '', updated: '' };
  return new Map([
    [
      'items/casus-11111111.md',
      withFrontMatter({ ...meta, title: 'Casus', id: CASE_ID }, '## Situatie\n\nMevrouw J.\n'),
    ],
    [
      'items/richtlijn-22222222.md',
      withFrontMatter({ ...meta, title: 'Richtlijn', id: GUIDELINE_ID }, `Bron: [Casus](/items/${CASE_ID})\n`),
    ],
  ]);
}

describe('export archives', () => {
  it('read back to the same manifest and the bodies without front matter', () => {
    const { manifest, bodies } = readExportArchive(writeExportArchive(sampleManifest(), files()));
    expect(manifest).toEqual(sampleManifest());
    expect(bodies).toEqual(
      new Map([
        [CASE_ID, '## Situatie\n\nMevrouw J.\n'],
        [GUIDELINE_ID, `Bron: [Casus](/items/${CASE_ID})\n`],
      ]),
    );
  });

  it('refuses an archive without manifest.json', () => {
    expect(() => readExportArchive(zipSync({ 'items/a.md': strToU8('# A') }))).toThrow(/geen manifest\.json/);
    expect(() => readExportArchive(strToU8('geen zip'))).toThrow(/geen manifest\.json/);
  });

  it('refuses a manifest that is not JSON, or of another version', () => {
    expect(() => readExportArchive(zipSync({ 'manifest.json': strToU8('{ nee') }))).toThrow(
      'manifest.json is geen geldige JSON / manifest.json is not valid JSON',
    );
    const v2 = { ...sampleManifest(), version: 2 };
    expect(() => readExportArchive(zipSync({ 'manifest.json': strToU8(JSON.stringify(v2)) }))).toThrow(
      /exportversie 2/,
    );
  });

  it('refuses a manifest whose item file is missing, or not UTF-8', () => {
    const zip = writeExportArchive(sampleManifest(), new Map([...files()].slice(0, 1)));
    expect(() => readExportArchive(zip)).toThrow(
      'items/richtlijn-22222222.md staat in manifest.json maar niet in het archief / items/richtlijn-22222222.md is in manifest.json but not in the archive',
    );
    const latin1 = zipSync({
      'manifest.json': strToU8(JSON.stringify(sampleManifest())),
      'items/casus-11111111.md': new Uint8Array([0x63, 0x6c, 0x69, 0xeb, 0x6e, 0x74]),
      'items/richtlijn-22222222.md': strToU8('x'),
    });
    expect(() => readExportArchive(latin1)).toThrow(/items\/casus-11111111\.md is geen UTF-8-tekst/);
  });
});
