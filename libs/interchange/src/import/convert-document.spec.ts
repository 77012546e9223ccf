import { markdownToProseMirror, proseMirrorToMarkdown } from '@spiraal/collab';
import { convertDocument } from './convert-document';
import { ImportRefusal, IMPORT_LIMITS } from './refusal';
import { splitByHeadings, titleFromFilename } from './split-headings';

const file = (filename: string, text: string | Uint8Array, splitHeadings = false) =>
  convertDocument({ filename, bytes: typeof text === 'string' ? new TextEncoder().encode(text) : text, splitHeadings });

function refusalOf(run: () => unknown): ImportRefusal {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportRefusal) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const MARKDOWN = [
  '# Verslag intervisie',
  '',
  'We bespraken **vertrouwen** en _eigen regie_ ([bron](https://www.movisie.nl)).',
  '',
  '## Werkvraag',
  '',
  '- eerste',
  '- tweede',
  '  1. genest',
  '',
  '> citaat',
  '',
  '## Afspraken',
  '',
  '1. bellen',
  '2. mailen',
  '',
].join('\n');

describe('convertDocument', () => {
  it('Markdown in, the same Markdown out, titled by its first heading', () => {
    const result = file('verslag.md', MARKDOWN);
    expect(result.format).toBe('markdown');
    expect(result.parts).toHaveLength(1);
    expect(result.parts[0].title).toBe('Verslag intervisie');
    expect(result.parts[0].markdown).toBe(MARKDOWN);
    expect(result.parts[0].doc).toEqual(markdownToProseMirror(MARKDOWN));
  });

  it('takes title, kind, stage and tags from front matter', () => {
    const result = file('x.md', `---\ntitle: Uit de kop\nkind: CASE\nstage: COMBINATIE\ntags: [ggz]\n---\n${MARKDOWN}`);
    expect(result).toMatchObject({ kind: 'CASE', stage: 'COMBINATIE', tags: ['ggz'] });
    expect(result.parts[0].title).toBe('Uit de kop');
    expect(result.parts[0].markdown).toBe(MARKDOWN);
  });

  it('splits by top-level heading when asked, content before the first heading included', () => {
    const parts = file(
      'notities.md',
      `Inleiding zonder kop.\n\n## Een\n\ntekst een\n\n### sub\n\nmeer\n\n## Twee\n\ntekst twee\n`,
      true,
    ).parts;
    expect(parts.map((p) => p.title)).toEqual(['notities', 'Een', 'Twee']);
    expect(parts[1].markdown).toBe('## Een\n\ntekst een\n\n### sub\n\nmeer\n');
    expect(file('verslag.md', MARKDOWN, true).parts.map((p) => p.title)).toEqual(['Verslag intervisie']);
  });

  it('titles text without headings by its file name; HTML by its first heading, else its <title>', () => {
    expect(file('map/2019-03_verslag_wijkteam.txt', 'Gewoon wat tekst.').parts[0].title).toBe(
      '2019-03 verslag wijkteam',
    );
    expect(file('a.html', '<title>Paginatitel</title><p>tekst</p>').parts[0].title).toBe('Paginatitel');
    expect(file('a.htm', '<title>Paginatitel</title><h2>Kop</h2><p>tekst</p>').parts[0].title).toBe('Kop');
  });

  it('recognises HTML and Markdown by content when the name has no extension', () => {
    expect(file('README', '<!DOCTYPE html><p>hoi</p>').format).toBe('html');
    expect(file('NOTITIE', '# Kop\n\ntekst').format).toBe('markdown');
    expect(file('LEESMIJ', 'tekst').format).toBe('text');
  });

  it('refuses bad input with a code and a message in Dutch and English', () => {
    const cases: [string, string | Uint8Array, string][] = [
      ['leeg.md', '', 'EMPTY'],
      ['spaties.txt', ' \n\t\n', 'EMPTY'],
      ['leeg.html', '<html><body><p>&nbsp;</p></body></html>', 'EMPTY'],
      ['plaatje.png', 'x', 'UNSUPPORTED_FORMAT'],
      ['rapport.docx', 'x', 'UNSUPPORTED_FORMAT'],
      ['rapport.txt', '%PDF-1.4 binary', 'BINARY'],
      ['data.md', new Uint8Array([0x41, 0, 0x42, 0x43, 1, 2, 3, 0]), 'BINARY'],
      ['groot.txt', new Uint8Array(IMPORT_LIMITS.fileMaxBytes + 1).fill(0x61), 'TOO_LARGE'],
      ['kop.md', '---\ntitle: [\n---\ntekst', 'INVALID_FRONT_MATTER'],
      ['nul\u0000byte.md', 'tekst', 'INVALID_NAME'],
      ['', 'tekst', 'INVALID_NAME'],
      [`${'x'.repeat(300)}.md`, 'tekst', 'INVALID_NAME'],
    ];
    for (const [name, content, code] of cases) {
      const refusal = refusalOf(() => file(name, content));
      expect({ name, code: refusal.code }).toEqual({ name, code });
      expect(refusal.message).toMatch(/ \/ /);
    }
  });

  it('drops stray control characters instead of refusing the file', () => {
    const long = 'Een gewone zin over het leernetwerk.';
    expect(file('a.md', `# Kop\u0007\n\n${long}\u000cmeer`).parts[0].markdown).toBe(`# Kop\n\n${long} meer\n`);
    expect(file('a.txt', `${long}\u0001 zin`).parts[0].markdown).toBe(`${long} zin\n`);
  });

  it('refuses a file that would become too many items', () => {
    const many = Array.from({ length: IMPORT_LIMITS.partsMax + 1 }, (_, i) => `# Kop ${i}\n\ntekst`).join('\n\n');
    expect(refusalOf(() => file('veel.md', many, true)).code).toBe('TOO_LONG');
  });

  it('keeps titles to one line of at most 200 characters', () => {
    const title = file('x.md', `# ${'lang '.repeat(60)}\n\ntekst`).parts[0].title;
    expect(title.length).toBeLessThanOrEqual(200);
    expect(title.endsWith('…')).toBe(true);
  });
});

describe('splitByHeadings', () => {
  it('splits at the highest level present and keeps a document without headings whole', () => {
    const doc = markdownToProseMirror('### klein\n\n## Groot\n\na\n\n### klein\n\nb\n');
    expect(splitByHeadings(doc, 'lead').map((p) => [p.title, proseMirrorToMarkdown(p.doc)])).toEqual([
      ['lead', '### klein\n'],
      ['Groot', '## Groot\n\na\n\n### klein\n\nb\n'],
    ]);
    const flat = markdownToProseMirror('alleen tekst');
    expect(splitByHeadings(flat, 'lead')).toEqual([{ title: 'lead', doc: flat }]);
  });

  it('names parts after file names without folders or extensions', () => {
    expect(titleFromFilename('C:\\docs\\verslag_2020.final.html')).toBe('verslag 2020.final');
  });
});
