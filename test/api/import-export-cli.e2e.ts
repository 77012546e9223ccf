import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readExportArchive } from '@spiraal/interchange';
import { communityWithPeople, CommunityFixture, createItem } from '../support/fixtures';
import { addMember, gql, gqlData } from '../support/graphql-client';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Issue 9's "done when", as a facilitator would do it with the built commands
 * (`npx nx run api:build` first; npm test builds): a folder of old verslagen
 * into a new leernetwerk with one `npm run import`, headings intact; the
 * leernetwerk out with `npm run export`; that zip into another, empty
 * leernetwerk with `npm run import` gives back the same items, kinds, stages,
 * tags, Markdown and links; the same zip again writes nothing.
 */
const DIST = join(__dirname, '../../apps/api/dist/cli');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(command: 'import' | 'export', args: string[], databaseUrl: string, cwd: string): Promise<Run> {
  const script = join(DIST, `${command}.js`);
  if (!existsSync(script)) throw new Error(`${script} is missing: run \`npx nx run api:build\` first (npm test does)`);
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [script, ...args],
      { cwd, env: { PATH: process.env.PATH, DATABASE_URL: databaseUrl, LOG_LEVEL: 'error' } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const MARKDOWN_BODY = `# Intervisie wijkteam Noord

Verslag van de intervisie van **12 maart 2019**, met _drie_ casussen.

## Situatie

Een cliënt met schulden wilde geen hulp. Zie de [handreiking van de VNG](https://vng.nl/handreiking-schulden).

## Afspraken

- Fenna belt de huisarts
- Mo zoekt de regeling op

1. eerst luisteren
2. dan pas adviseren

> Uitstellen van oordeel helpt.
`;

const WORD_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta http-equiv=Content-Type content="text/html; charset=windows-1252"><meta name=Generator content="Microsoft Word 15">
<style><!-- p.MsoNormal {margin:0cm; font-family:"Calibri"} --></style></head>
<body lang=NL style='tab-interval:35.4pt'><div class=WordSection1>
<h1><span style='mso-bookmark:_Toc1'>Bijeenkomst lerend netwerk</span></h1>
<p class=MsoNormal>De <b>ervaringsdeskundige</b> vertelde over haar cliënten.<o:p></o:p></p>
<h2>Wat namen we mee?</h2>
<ul style='margin-top:0cm' type=disc>
<li class=MsoNormal style='mso-list:l0 level1 lfo1'>Vaker samen op huisbezoek<o:p></o:p></li>
<li class=MsoNormal style='mso-list:l0 level1 lfo1'>Een vast <i>aanspreekpunt</i><o:p></o:p></li>
</ul>
<p class=MsoNormal>Meer op <a href="https://www.movisie.nl/">Movisie</a>.<o:p></o:p></p>
</div></body></html>`;

/** As pdftotext writes it: words split over line ends, a page number, the header repeated on every page. */
const PDF_TEXT = `Praktijknetwerk Wijkzorg – jaarverslag 2018

Samenvatting

In het praktijknetwerk werkten wijkverpleging en sociaal team een jaar lang samen aan de onder-
steuning van kwetsbare ouderen. De deelnemers brachten casussen in uit de zorg- en welzijnspraktijk.

1

Praktijknetwerk Wijkzorg – jaarverslag 2018

Wat werkte

Vaste koppels van een wijkverpleegkundige en een consulent maakten de samenwerking makkelijker.
Ook de maandelijkse intervisie werd gewaardeerd.

2

Praktijknetwerk Wijkzorg – jaarverslag 2018
`;

interface ItemNode {
  id: string;
  title: string;
  kind: string;
  stage: string;
  tags: string[];
  markdown: string;
}

describe('import a folder of verslagen, export the leernetwerk, import the zip into an empty one', () => {
  let t: TestApp;
  let c: CommunityFixture;
  let dir: string;
  beforeAll(async () => {
    t = await startTestApp();
    c = await communityWithPeople(t.baseUrl);
    dir = await mkdtemp(join(tmpdir(), 'spiraal-story-'));
    const verslagen = join(dir, 'oude-verslagen');
    await mkdir(verslagen);
    await writeFile(
      join(verslagen, 'intervisie-2019-03.md'),
      `---\ntitle: Intervisie wijkteam Noord\nkind: casus\ntags: [intervisie, schulden]\n---\n${MARKDOWN_BODY}`,
    );
    await writeFile(join(verslagen, 'bijeenkomst.htm'), Buffer.from(WORD_HTML, 'latin1'));
    await writeFile(join(verslagen, 'jaarverslag-2018.txt'), PDF_TEXT);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await t.close();
  });

  const newCommunity = async (name: string): Promise<string> => {
    const created = await gql(
      t.baseUrl,
      `mutation ($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`,
      { input: { name, description: 'Nieuw', visibility: 'PRIVATE' } },
      c.facilitator.token,
    );
    if (!created.data) throw new Error(JSON.stringify(created.errors));
    return created.data.createCommunity.id;
  };
  const itemsOf = async (communityId: string): Promise<ItemNode[]> => {
    const data = await gqlData(
      t.baseUrl,
      `query ($id: ID!) { items(communityId: $id, first: 100) { edges { node { id title kind stage tags markdown } } } }`,
      { id: communityId },
      c.facilitator.token,
    );
    return data.items.edges
      .map((e: { node: ItemNode }) => e.node)
      .sort((a: ItemNode, b: ItemNode) => a.title.localeCompare(b.title));
  };
  /** Item links point to ids, which differ per community: compare them by the title they point to. */
  const comparable = (items: ItemNode[]) => {
    const titles = new Map(items.map((item) => [item.id, item.title]));
    return items.map(({ id: _id, markdown, ...rest }) => ({
      ...rest,
      markdown: markdown.replace(
        /\/items\/([0-9a-f-]{36})/g,
        (_, id: string) => `/items/{${titles.get(id) ?? `unknown ${id}`}}`,
      ),
    }));
  };

  it('does the whole story with the built commands', async () => {
    const source = await newCommunity('Leernetwerk Schuldhulp');
    const target = await newCommunity('Leernetwerk Schuldhulp (kopie)');

    // 1. A folder of old verslagen, one command.
    const imported = await cli(
      'import',
      ['--community', 'Leernetwerk Schuldhulp', '--tag', 'archief', 'oude-verslagen'],
      t.db.url,
      dir,
    );
    expect(imported.stderr).toContain('3 bestanden gevonden');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('Geïmporteerd: 3 bestanden (3 items), overgeslagen: 0, mislukt: 0');

    const items = await itemsOf(source);
    expect(items.map((i) => [i.title, i.kind, i.stage, i.tags])).toEqual([
      ['Bijeenkomst lerend netwerk', 'NOTE', 'EXTERNALISATIE', ['archief']],
      ['Intervisie wijkteam Noord', 'CASE', 'EXTERNALISATIE', ['archief', 'intervisie', 'schulden']],
      ['jaarverslag-2018', 'NOTE', 'EXTERNALISATIE', ['archief']],
    ]);
    const [word, md, pdf] = items;
    // Headings, lists, emphasis, links and quotes intact.
    expect(md.markdown).toBe(MARKDOWN_BODY);
    expect(word.markdown).toBe(
      '# Bijeenkomst lerend netwerk\n\nDe **ervaringsdeskundige** vertelde over haar cliënten.\n\n## Wat namen we mee?\n\n' +
        '- Vaker samen op huisbezoek\n- Een vast _aanspreekpunt_\n\nMeer op [Movisie](https://www.movisie.nl/).\n',
    );
    // The PDF text: words joined over line ends, "zorg- en welzijn" kept, page numbers and repeated headers gone.
    expect(pdf.markdown).toContain('aan de ondersteuning van kwetsbare ouderen');
    expect(pdf.markdown).toContain('zorg- en welzijnspraktijk');
    expect(pdf.markdown).toContain('maakten de samenwerking makkelijker. Ook de maandelijkse intervisie');
    expect(pdf.markdown.match(/jaarverslag 2018/g) ?? []).toHaveLength(1);
    expect(pdf.markdown).not.toMatch(/^\d+$/m);

    // The facilitator moves one on and links to it from a new note, as the spiral goes.
    const moved = await gql(
      t.baseUrl,
      `mutation ($input: SetItemStageInput!) { setItemStage(input: $input) { stage } }`,
      { input: { id: md.id, stage: 'COMBINATIE', reason: 'Klaar om te bundelen' } },
      c.facilitator.token,
    );
    expect(moved.errors).toBeUndefined();
    await createItem(t.baseUrl, c.facilitator.token, {
      communityId: source,
      kind: 'NOTE',
      title: 'Leeswijzer',
      tags: ['archief'],
      body: `Begin bij [de intervisie](/items/${md.id}) en [het jaarverslag](/items/${pdf.id}).\n`,
    });
    const before = await itemsOf(source);

    // 2. The leernetwerk out.
    const exported = await cli('export', ['--community', source, '--out', 'schuldhulp.zip'], t.db.url, dir);
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain('4 items, 2 links');
    expect(readExportArchive(new Uint8Array(await readFile(join(dir, 'schuldhulp.zip')))).manifest.items).toHaveLength(
      4,
    );

    // 3. The zip into the empty leernetwerk: the same content.
    const restored = await cli('import', ['--community', target, 'schuldhulp.zip'], t.db.url, dir);
    expect(restored.stderr).not.toMatch(/\bat .*\.js:\d+/);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(
      /geïmporteerd\s+4\s+schuldhulp\.zip\s+Exportarchief teruggezet: 4 items, 2 verbanden, 0 reacties/,
    );
    expect(restored.stdout).toContain('Geïmporteerd: 1 bestanden (4 items), overgeslagen: 0, mislukt: 0');
    const after = await itemsOf(target);
    expect(comparable(after)).toEqual(comparable(before));
    expect(after.find((i) => i.title === 'Leeswijzer')!.markdown).toMatch(
      new RegExp(`\\(/items/${after.find((i) => i.title === 'Intervisie wijkteam Noord')!.id}\\)`),
    );
    const history = await gqlData(
      t.baseUrl,
      `query ($id: ID!) { item(id: $id) { stageHistory { from to reason } } }`,
      { id: after.find((i) => i.title === 'Intervisie wijkteam Noord')!.id },
      c.facilitator.token,
    );
    expect(history.item.stageHistory).toEqual(
      expect.arrayContaining([{ from: 'EXTERNALISATIE', to: 'COMBINATIE', reason: 'Klaar om te bundelen' }]),
    );

    // 4. Again: nothing new.
    const again = await cli('import', ['--community', target, 'schuldhulp.zip'], t.db.url, dir);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/overgeslagen\s+4\s+schuldhulp\.zip\s+Dit exportarchief is hier al teruggezet/);
    expect(again.stdout).toContain('Geïmporteerd: 0 bestanden (0 items), overgeslagen: 1, mislukt: 0');
    expect(await itemsOf(target)).toEqual(after);
  });

  it('refuses the zip for an author who is not a facilitator of the target, with the reason, and writes nothing', async () => {
    const target = await newCommunity('Leernetwerk Alleen Lezen');
    expect(
      await addMember(t.baseUrl, c.facilitator.token, {
        communityId: target,
        user: c.member,
        role: 'MEMBER',
        perspective: 'BEWONER',
      }),
    ).toEqual({ role: 'MEMBER' });
    await createItem(t.baseUrl, c.facilitator.token, {
      communityId: c.communityId,
      kind: 'NOTE',
      title: 'Iets om te exporteren',
    });
    const exported = await cli('export', ['--community', c.communityId, '--out', 'ander.zip'], t.db.url, dir);
    expect(exported.code).toBe(0);
    // A member may create items there (the command starts), but not restore an archive: only facilitators may.
    const refused = await cli('import', ['--community', target, '--as', c.member.email, 'ander.zip'], t.db.url, dir);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/mislukt\s+0\s+ander\.zip\s+Dit mag je niet doen in dit leernetwerk/);
    expect(refused.stdout).toContain('mislukt: 1');
    expect(await itemsOf(target)).toEqual([]);

    const notAnExport = join(dir, 'leeg.zip');
    await writeFile(notAnExport, Buffer.from('PK\x05\x06' + '\x00'.repeat(18), 'latin1'));
    const bad = await cli('import', ['--community', target, notAnExport], t.db.url, dir);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/mislukt\s+0\s+.*leeg\.zip\s+.*geen manifest\.json/);
  });
});
