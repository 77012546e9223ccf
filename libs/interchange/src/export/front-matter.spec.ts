import { ArchiveError } from './archive-error';
import { ItemFrontMatter, splitItemMarkdown, withFrontMatter } from './front-matter';

const meta: ItemFrontMatter = {
  id: '6f1c2a4e-9b1d-4c1e-8f3a-2b7d9e0c1a55',
  updated: '2025-03-02T10:00:00.000Z',
  created: '2025-03-01T09:00:00.000Z',
  title: 'Wie is de regisseur: de cliënt of "wij"?',
  kind: 'GUIDELINE',
  stage: 'COMBINATIE',
  tags: ['wijkteam', 'regie: eigen'],
  authors: ['Fenna de Vries'],
  sources: [{ id: '0a1b2c3d-0000-4000-8000-000000000001', title: 'Casus # 1', stage: 'EXTERNALISATIE' }],
  guidelineStatus: 'VASTGESTELD',
  guidelineVersion: 2,
};

describe('withFrontMatter', () => {
  it('writes the keys in a fixed order, whatever order they were given in', () => {
    const text = withFrontMatter(meta, '# Kop\n');
    const keys = [...text.split('\n---\n')[0].matchAll(/^([a-zA-Z]+):/gm)].map((m) => m[1]);
    expect(keys).toEqual([
      'title',
      'kind',
      'stage',
      'tags',
      'authors',
      'sources',
      'created',
      'updated',
      'id',
      'guidelineStatus',
      'guidelineVersion',
    ]);
    expect(text.endsWith('---\n\n# Kop\n')).toBe(true);
  });

  it('reads back to the same data and body, quotes and colons included', () => {
    const text = withFrontMatter(meta, 'Tekst met --- streepjes\n\n---\n\nEn meer.\n');
    const { data, body } = splitItemMarkdown(text);
    expect(data).toEqual(JSON.parse(JSON.stringify(meta)));
    expect(body).toBe('Tekst met --- streepjes\n\n---\n\nEn meer.\n');
  });
});

describe('splitItemMarkdown', () => {
  it('leaves a file without front matter whole', () => {
    expect(splitItemMarkdown('# Alleen tekst\n')).toEqual({ data: {}, body: '# Alleen tekst\n' });
  });

  it('accepts Windows line ends and a byte order mark', () => {
    expect(splitItemMarkdown('\uFEFF---\r\ntitle: Notitie\r\n---\r\n\r\nTekst\r\n')).toEqual({
      data: { title: 'Notitie' },
      body: 'Tekst\r\n',
    });
  });

  it.each([
    ['unclosed', '---\ntitle: x\n\nTekst', /niet afgesloten/],
    ['not YAML', '---\ntitle: [x\n---\nTekst', /geen geldige YAML/],
    ['a list', '---\n- a\n- b\n---\nTekst', /sleutels met waarden/],
    ['aliases (a YAML bomb)', '---\na: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n---\n', /geen geldige YAML/],
    ['duplicate keys', '---\ntitle: a\ntitle: b\n---\n', /geen geldige YAML/],
    ['too large', `---\nt: ${'x'.repeat(70_000)}\n---\n`, /groter dan 64 kB/],
  ])('refuses front matter that is %s, naming the file', (_what, text, message) => {
    expect(() => splitItemMarkdown(text, 'items/a.md')).toThrow(ArchiveError);
    expect(() => splitItemMarkdown(text, 'items/a.md')).toThrow(message);
    expect(() => splitItemMarkdown(text, 'items/a.md')).toThrow(/^items\/a\.md: /);
  });
});
