import { splitFrontMatter } from './front-matter';

describe('splitFrontMatter', () => {
  it('reads title, kind, stage and tags, in Dutch labels or enum values', () => {
    const { meta, body } = splitFrontMatter('---\ntitel: Verslag intervisie\nsoort: casus\nstage: EXTERNALISATIE\ntags: [wijkteam, ggz]\n---\n# Kop\n');
    expect(meta).toEqual({ title: 'Verslag intervisie', kind: 'CASE', stage: 'EXTERNALISATIE', tags: ['wijkteam', 'ggz'] });
    expect(body).toBe('# Kop\n');
    expect(splitFrontMatter('---\nkind: Note\ntags: a, b\n---\ntekst').meta).toEqual({ kind: 'NOTE', tags: ['a', ' b'] });
  });

  it('leaves Markdown without front matter alone, also when it starts with a thematic break', () => {
    expect(splitFrontMatter('# Kop\n\ntekst')).toEqual({ meta: {}, body: '# Kop\n\ntekst' });
    expect(splitFrontMatter('---\nGewoon een zin.\n---\n')).toEqual({ meta: {}, body: '---\nGewoon een zin.\n---\n' });
    expect(splitFrontMatter('---\n---\ntekst')).toEqual({ meta: {}, body: 'tekst' });
  });

  it('refuses broken YAML, unknown kinds and aliases with a clear message', () => {
    expect(() => splitFrontMatter('---\ntitle: [unclosed\n---\n')).toThrow(/geen geldige YAML/);
    expect(() => splitFrontMatter('---\nkind: roman\n---\n')).toThrow(/Onbekende kind "roman".*STORY/);
    expect(() => splitFrontMatter('---\na: &x [1]\nb: *x\n---\n')).toThrow(/YAML/);
  });
});
