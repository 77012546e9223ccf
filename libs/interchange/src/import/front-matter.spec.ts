import { withFrontMatter } from '../export/front-matter';
import { splitFrontMatter } from './front-matter';

describe('splitFrontMatter', () => {
  it('reads title, kind, stage and tags, in Dutch labels or enum values', () => {
    const { meta, body } = splitFrontMatter(
      '---\ntitel: Verslag intervisie\nsoort: casus\nstage: EXTERNALISATIE\ntags: [wijkteam, ggz]\n---\n# Kop\n',
    );
    expect(meta).toEqual({
      title: 'Verslag intervisie',
      kind: 'CASE',
      stage: 'EXTERNALISATIE',
      tags: ['wijkteam', 'ggz'],
    });
    expect(body).toBe('# Kop\n');
    expect(splitFrontMatter('---\nkind: Note\ntags: a, b\n---\ntekst').meta).toEqual({
      kind: 'NOTE',
      tags: ['a', ' b'],
    });
  });

  it('leaves Markdown without front matter alone, also when it starts with a thematic break', () => {
    expect(splitFrontMatter('# Kop\n\ntekst')).toEqual({ meta: {}, body: '# Kop\n\ntekst' });
    expect(splitFrontMatter('---\nGewoon een zin.\n---\n')).toEqual({ meta: {}, body: '---\nGewoon een zin.\n---\n' });
    expect(splitFrontMatter('---\n---\ntekst')).toEqual({ meta: {}, body: 'tekst' });
  });

  it('refuses broken YAML, unknown kinds and aliases with a clear message', () => {
    expect(() => splitFrontMatter('---\ntitle: [unclosed\n---\n')).toThrow(
      /^De kop \(front matter\) is geen geldige YAML op regel 2: .*niet gesloten.* \/ The front matter is not valid YAML at line 2: /,
    );
    expect(() => splitFrontMatter('---\ntitle: Een\nkind: roman\n---\n')).toThrow(
      /^Onbekende soort "roman" in de kop op regel 3; kies uit .*STORY.* \/ Unknown kind "roman" in the front matter at line 3/,
    );
    expect(() => splitFrontMatter('---\ntitel: Een\n\ntags: [a, b\nfase: x\n---\n')).toThrow(
      /op regel 4: .* at line 4: /,
    );
    expect(() => splitFrontMatter('---\na: &x [1]\nb: *x\n---\n')).toThrow(/YAML/);
  });

  it('keeps a title with a colon as written', () => {
    expect(
      splitFrontMatter('---\ntitle: Casus: overbelaste mantelzorger\nkind: casus\ntags: [mantelzorg]\n---\n# Kop\n')
        .meta,
    ).toEqual({
      title: 'Casus: overbelaste mantelzorger',
      kind: 'CASE',
      tags: ['mantelzorg'],
    });
    expect(splitFrontMatter('---\ntitel: Richtlijn: "bellen" of: langsgaan?\n---\n').meta.title).toBe(
      'Richtlijn: "bellen" of: langsgaan?',
    );
  });

  it('reads an item downloaded as Markdown (with the export front matter) back to its title, kind, stage and tags', () => {
    const exported = withFrontMatter(
      {
        title: 'Casus: de sleutel',
        kind: 'CASE',
        stage: 'COMBINATIE',
        tags: ['huisbezoek'],
        authors: ['Mo Lid'],
        created: '2025-01-01T00:00:00.000Z',
        updated: '2025-01-02T00:00:00.000Z',
        id: '6f1c2a4e-9b1d-4c1e-8f3a-2b7d9e0c1a55',
      },
      '## Situatie\n\nDe sleutel lag bij de buren.\n',
    );
    expect(splitFrontMatter(exported)).toEqual({
      meta: { title: 'Casus: de sleutel', kind: 'CASE', stage: 'COMBINATIE', tags: ['huisbezoek'] },
      body: '## Situatie\n\nDe sleutel lag bij de buren.\n',
    });
  });

  it('refuses front matter over 64 kB, as the archive import does', () => {
    expect(() => splitFrontMatter(`---\ntitle: ${'x'.repeat(70_000)}\n---\ntekst`)).toThrow(/groter dan 64 kB/);
  });
});
