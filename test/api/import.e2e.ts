import { IMPORT_LIMITS } from '@spiraal/interchange';
import { sql } from '../support/test-database';
import { errorCode, gql, GqlResult, startTestApp, TestApp } from '../support/test-app';
import { communityWithPeople, CommunityFixture } from '../support/fixtures';

const IMPORT = `mutation ($input: ImportDocumentInput!) {
  importDocument(input: $input) { filename status reason format encoding items { id kind stage title tags text markdown } }
}`;

const MARKDOWN = `# Intervisie over mevrouw De Vries

Mevrouw De Vries (82) wil **geen** hulp; de wijkverpleegkundige maakt zich _zorgen_.

## Werkvraag

- eerst luisteren
- samen met de buurvrouw
  1. die ze vertrouwt

> Uitstellen van oordeel helpt.

Zie [de handreiking](https://example.nl/handreiking).
`;

/** A Word document saved as "Webpagina, gefilterd", in windows-1252 like Word writes it. */
const WORD_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>
<meta http-equiv=Content-Type content="text/html; charset=windows-1252">
<!--[if gte mso 9]><xml><o:DocumentProperties><o:Author>x</o:Author></o:DocumentProperties></xml><![endif]-->
<style><!-- p.MsoNormal {margin:0cm; font-family:"Calibri"} --></style></head>
<body lang=NL><div class=WordSection1>
<h1>Verslag bijeenkomst leernetwerk</h1>
<p class=MsoNormal>De cliënt <b>vertelde</b> over haar <i>ervaring</i> met het <a href="https://www.wijkteam.nl/">wijkteam</a>.<o:p></o:p></p>
<p class=MsoListParagraphCxSpFirst style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>·<span>&nbsp;&nbsp;</span></span><![endif]>Situatie<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>·<span>&nbsp;&nbsp;</span></span><![endif]>Afspraken<o:p></o:p></p>
</div></body></html>`;

function windows1252(text: string): Buffer {
  // The characters used here are all in Latin-1, where windows-1252 agrees.
  return Buffer.from(text, 'latin1');
}

describe('importDocument', () => {
  let t: TestApp;
  let c: CommunityFixture;
  beforeAll(async () => {
    t = await startTestApp();
    c = await communityWithPeople(t.baseUrl);
  });
  afterAll(() => t.close());

  const run = (input: Record<string, unknown>, token = c.facilitator.token): Promise<GqlResult> =>
    gql(t.baseUrl, IMPORT, { input: { communityId: c.communityId, ...input } }, token);
  const itemCount = async () =>
    Number(
      (
        await sql<{ n: string }>(t.db.url, 'SELECT count(*) AS n FROM items WHERE community_id = $1', [c.communityId])
      )[0].n,
    );

  it('imports Markdown with its structure: Markdown in, the same Markdown out; front matter sets kind, stage and tags', async () => {
    const content = `---\ntitle: Casus De Vries\nkind: casus\nstage: COMBINATIE\ntags: [thuiszorg]\n---\n${MARKDOWN}`;
    const result = await run({ kind: 'NOTE', filename: 'casus-de-vries.md', content, tags: ['intervisie'] });
    expect(result.errors).toBeUndefined();
    const imported = result.data!.importDocument;
    expect(imported).toMatchObject({ status: 'IMPORTED', reason: null, format: 'markdown', encoding: 'utf-8' });
    expect(imported.items).toHaveLength(1);
    expect(imported.items[0]).toMatchObject({
      kind: 'CASE',
      stage: 'COMBINATIE',
      title: 'Casus De Vries',
      tags: ['intervisie', 'thuiszorg'],
    });
    expect(imported.items[0].markdown).toBe(MARKDOWN);
    expect(imported.items[0].text).toContain('Mevrouw De Vries (82) wil geen hulp');
  });

  it('imports Word HTML in windows-1252 (sent as bytes) with headings, lists, emphasis and links intact', async () => {
    const result = await run({
      filename: 'verslag.htm',
      content: windows1252(WORD_HTML).toString('base64'),
      contentEncoding: 'BASE64',
    });
    expect(result.errors).toBeUndefined();
    const imported = result.data!.importDocument;
    expect(imported).toMatchObject({ status: 'IMPORTED', format: 'html', encoding: 'windows-1252' });
    expect(imported.items[0]).toMatchObject({
      kind: 'NOTE',
      stage: 'EXTERNALISATIE',
      title: 'Verslag bijeenkomst leernetwerk',
    });
    expect(imported.items[0].markdown).toBe(
      '# Verslag bijeenkomst leernetwerk\n\nDe cliënt **vertelde** over haar _ervaring_ met het [wijkteam](https://www.wijkteam.nl/).\n\n- Situatie\n- Afspraken\n',
    );
  });

  it('does not duplicate: the same content again (also under another name) is skipped and names the earlier items', async () => {
    const first = await run({ filename: 'notitie.txt', content: 'Een notitie over\nsamen-\nwerking in de wijk.' });
    expect(first.data!.importDocument.status).toBe('IMPORTED');
    expect(first.data!.importDocument.items[0].text).toBe('Een notitie over samenwerking in de wijk.');
    const before = await itemCount();
    for (const filename of ['notitie.txt', 'kopie van notitie.txt']) {
      const again = (await run({ filename, content: 'Een notitie over\nsamen-\nwerking in de wijk.' })).data!
        .importDocument;
      expect(again.status).toBe('SKIPPED');
      expect(again.reason).toBe('Al geïmporteerd als "notitie.txt" / Already imported as "notitie.txt"');
      expect(again.items.map((i: { id: string }) => i.id)).toEqual(
        first.data!.importDocument.items.map((i: { id: string }) => i.id),
      );
    }
    expect(await itemCount()).toBe(before);
  });

  it('imports the same file twice at once only once', async () => {
    const input = { filename: 'tegelijk.md', content: '# Tegelijk\n\nTwee keer tegelijk geüpload.' };
    const results = await Promise.all([run(input), run(input), run(input)]);
    expect(results.map((r) => r.data?.importDocument.status).sort()).toEqual(['IMPORTED', 'SKIPPED', 'SKIPPED']);
    const rows = await sql(t.db.url, `SELECT 1 FROM items WHERE community_id = $1 AND title = 'Tegelijk'`, [
      c.communityId,
    ]);
    expect(rows).toHaveLength(1);
  });

  it('keeps a title with a colon as written; front matter errors are Dutch and English and name the line', async () => {
    const content =
      '---\ntitle: Casus: overbelaste mantelzorger\nkind: casus\n---\n## Situatie\n\nDe dochter zorgt al jaren voor haar vader.\n';
    const imported = await run({ filename: 'mantelzorger.md', content });
    expect(imported.errors).toBeUndefined();
    expect(imported.data!.importDocument.items[0]).toMatchObject({
      title: 'Casus: overbelaste mantelzorger',
      kind: 'CASE',
    });
    const broken = await run({
      filename: 'kapot.md',
      content: '---\ntitle: Verslag\ntags: [ggz, wijk\nstage: COMBINATIE\n---\ntekst',
    });
    expect(broken.errors![0].message).toMatch(
      /^De kop \(front matter\) is geen geldige YAML op regel 3: [^/]+ \/ The front matter is not valid YAML at line 3: /,
    );
    const unknown = await run({ filename: 'soort.md', content: '---\ntitle: Verslag\nsoort: roman\n---\ntekst' });
    expect(unknown.errors![0].message).toMatch(
      /^Onbekende soort "roman" in de kop op regel 3; .* \/ Unknown kind "roman" in the front matter at line 3/,
    );
  });

  it('splits a long document into one item per top-level heading, and skips it on a re-run', async () => {
    const content = '# Bijeenkomst 1\n\nOver vertrouwen.\n\n## Detail\n\nmeer\n\n# Bijeenkomst 2\n\nOver grenzen.\n';
    const split = (await run({ filename: 'jaar.md', content, splitHeadings: true, kind: 'STORY' })).data!
      .importDocument;
    expect(split.items.map((i: { title: string; kind: string }) => [i.title, i.kind])).toEqual([
      ['Bijeenkomst 1', 'STORY'],
      ['Bijeenkomst 2', 'STORY'],
    ]);
    expect(split.items[0].markdown).toBe('# Bijeenkomst 1\n\nOver vertrouwen.\n\n## Detail\n\nmeer\n');
    expect((await run({ filename: 'jaar.md', content, splitHeadings: true })).data!.importDocument.status).toBe(
      'SKIPPED',
    );
    const ledger = await sql<{ part: number }>(
      t.db.url,
      `SELECT part FROM item_imports WHERE source_name = 'jaar.md' ORDER BY part`,
    );
    expect(ledger.map((r) => r.part)).toEqual([0, 1]);
  });

  it('refuses bad input with a clear message per file and writes nothing', async () => {
    const before = await itemCount();
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ filename: 'leeg.md', content: '' }, 'EMPTY', /leeg/],
      [{ filename: 'witruimte.txt', content: '\n \n\t' }, 'EMPTY', /geen tekst/],
      [
        { filename: 'rapport.pdf', content: 'JVBERi0xLjQK', contentEncoding: 'BASE64' },
        'UNSUPPORTED_FORMAT',
        /\.pdf.*Markdown/,
      ],
      [
        {
          filename: 'rapport.txt',
          content: Buffer.from('%PDF-1.4\n%âãÏÓ\n').toString('base64'),
          contentEncoding: 'BASE64',
        },
        'BINARY',
        /PDF/,
      ],
      [{ filename: 'verslag.docx', content: 'UEsDBBQ=', contentEncoding: 'BASE64' }, 'UNSUPPORTED_FORMAT', /docx/],
      [{ filename: 'verslag.md', content: 'UEsDBBQAAAAIAA==', contentEncoding: 'BASE64' }, 'BINARY', /zip/],
      [
        {
          filename: 'data.txt',
          content: Buffer.from([0x41, 0, 0, 0x42, 1, 2, 3, 4, 0, 0xff]).toString('base64'),
          contentEncoding: 'BASE64',
        },
        'BINARY',
        /binair/,
      ],
      [
        {
          filename: 'kapot.txt',
          content: Buffer.from([0xef, 0xbb, 0xbf, 0x41, 0xc3, 0x28]).toString('base64'),
          contentEncoding: 'BASE64',
        },
        'ENCODING',
        /utf-8/,
      ],
      [{ filename: 'kop.md', content: '---\ntitle: [open\n---\ntekst' }, 'INVALID_FRONT_MATTER', /YAML/],
      [{ filename: 'nul\u0000.md', content: '# Kop' }, 'INVALID_NAME', /stuurtekens/],
    ];
    for (const [input, reason, message] of cases) {
      const result = await run(input);
      expect({ file: input.filename, code: errorCode(result), reason: result.errors?.[0]?.extensions?.reason }).toEqual(
        { file: input.filename, code: 'BAD_USER_INPUT', reason },
      );
      expect(result.errors![0].message).toMatch(message);
      expect(result.errors![0].message).toMatch(/ \/ /);
    }
    expect(await itemCount()).toBe(before);
  });

  it('refuses files over the size limit before decoding them, and invalid base64', async () => {
    const big = await run({ filename: 'groot.txt', content: 'a'.repeat(IMPORT_LIMITS.fileMaxBytes + 1) });
    expect(errorCode(big)).toBe('BAD_USER_INPUT');
    expect(big.errors![0].message).toMatch(/groter dan 2,5 MB/);
    // One base64 quad too many: three bytes over the limit.
    const bigBase64 = await run({
      filename: 'groot.txt',
      content: 'QUFB'.repeat(Math.ceil(IMPORT_LIMITS.fileMaxBytes / 3) + 1),
      contentEncoding: 'BASE64',
    });
    expect(bigBase64.errors![0].message).toMatch(/groter dan 2,5 MB/);
    const invalid = await run({ filename: 'x.txt', content: 'dit is geen base64!', contentEncoding: 'BASE64' });
    expect(invalid.errors![0].message).toMatch(/base64/);
  });

  it('imports broken HTML as far as it can be read (unclosed marks carry on, as in a browser)', async () => {
    const result = await run({
      filename: 'kapot.html',
      content: '<h2>Kop<p>tekst <b>vet <i>schuin</div></table><ul><li>een<li>twee',
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.importDocument.items[0].markdown).toBe(
      '## Kop\n\ntekst **vet _schuin_**\n\n- **_een_**\n- **_twee_**\n',
    );
  });

  it('writes nothing of a split file when one part is too large', async () => {
    const before = await itemCount();
    const content = `# Klein\n\nkort\n\n# Groot\n\n${'Een lange zin over de wijk. '.repeat(40_000)}\n`;
    const result = await run({ filename: 'deels.md', content, splitHeadings: true });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0].message).toMatch(/"Groot": de tekst is groter dan 1 MB/);
    expect(await itemCount()).toBe(before);
    expect(await sql(t.db.url, `SELECT 1 FROM item_imports WHERE source_name = 'deels.md'`)).toHaveLength(0);
  });

  it('checks the role: readers may not import, outsiders do not see the community, guidelines are for facilitators', async () => {
    expect(errorCode(await run({ filename: 'a.md', content: '# Lezer' }, c.reader.token))).toBe('FORBIDDEN');
    expect(errorCode(await run({ filename: 'a.md', content: '# Buiten' }, c.outsider.token))).toBe('NOT_FOUND');
    expect(errorCode(await run({ filename: 'a.md', content: '# Anoniem' }, null as unknown as string))).toBe(
      'UNAUTHENTICATED',
    );
    const guideline = { filename: 'richtlijn.md', content: '---\nkind: richtlijn\n---\n# Richtlijn\n\ntekst' };
    expect(errorCode(await run(guideline, c.member.token))).toBe('FORBIDDEN');
    const member = await run({ filename: 'lid.md', content: '# Van een lid\n\ntekst' }, c.member.token);
    expect(member.data!.importDocument.status).toBe('IMPORTED');
    const facilitator = await run(guideline);
    expect(facilitator.data!.importDocument.items[0]).toMatchObject({ kind: 'GUIDELINE', stage: 'COMBINATIE' });
  });
});
