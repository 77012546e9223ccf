import { CliUsageError, parseImportArgs } from './import-cli-args';

describe('parseImportArgs', () => {
  it('reads options in both forms, repeated tags and paths', () => {
    expect(
      parseImportArgs([
        '--community',
        'Wijkzorg Oost',
        '--kind=casus',
        '--stage',
        'combinatie',
        '--tag',
        'a',
        '--tag=b',
        '--split-headings',
        '--as',
        'f@x.nl',
        'map',
        'b.md',
      ]),
    ).toEqual({
      community: 'Wijkzorg Oost',
      kind: 'CASE',
      stage: 'COMBINATIE',
      tags: ['a', 'b'],
      splitHeadings: true,
      as: 'f@x.nl',
      paths: ['map', 'b.md'],
      help: false,
    });
    expect(parseImportArgs(['--community', 'x', '--', '--raar.md']).paths).toEqual(['--raar.md']);
  });

  it('refuses what it does not understand, in Dutch and English', () => {
    expect(() => parseImportArgs(['a.md'])).toThrow(
      new CliUsageError('Geef --community <id of naam> / Give --community <id or name>'),
    );
    expect(() => parseImportArgs(['--community', 'x'])).toThrow(/bestanden of mappen/);
    expect(() => parseImportArgs(['--community', 'x', '--kind', 'roman', 'a'])).toThrow(/onbekende waarde "roman"/);
    expect(() => parseImportArgs(['--community', '--kind', 'NOTE'])).toThrow(/--community heeft een waarde nodig/);
    expect(() => parseImportArgs(['--community', 'x', '--force', 'a'])).toThrow(/Onbekende optie --force/);
    expect(parseImportArgs(['--help']).help).toBe(true);
  });
});
