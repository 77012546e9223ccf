import { ArchiveError } from './archive-error';
import { CASE_ID, sampleManifest } from './fixtures.spec-helper';
import { validateManifest } from './manifest';

/** The manifest with one change made by `edit`. */
function changed(edit: (m: any) => void): unknown {
  const manifest = JSON.parse(JSON.stringify(sampleManifest()));
  edit(manifest);
  return manifest;
}

describe('validateManifest', () => {
  it('accepts a valid manifest as it is', () => {
    expect(validateManifest(JSON.parse(JSON.stringify(sampleManifest())))).toEqual(sampleManifest());
  });

  it('refuses another format or version with a message that says which', () => {
    expect(() => validateManifest(changed((m) => (m.format = 'other')))).toThrow(/geen Spiraal-export/);
    expect(() => validateManifest(changed((m) => (m.version = 2)))).toThrow(
      'manifest.json: exportversie 2 kan deze Spiraal niet lezen (wel versie 1)',
    );
    expect(() => validateManifest(changed((m) => delete m.version))).toThrow(/exportversie \?/);
    expect(() => validateManifest([])).toThrow(ArchiveError);
  });

  it.each<[string, (m: any) => void, RegExp]>([
    ['an unknown kind', (m) => (m.items[0].kind = 'POEM'), /items\[0\]\.kind moet een van STORY/],
    ['an unknown stage', (m) => (m.items[0].stage = 'X'), /items\[0\]\.stage/],
    ['a bad id', (m) => (m.items[0].id = '1 OR 1=1'), /items\[0\]\.id is geen geldige id/],
    ['a file outside items/', (m) => (m.items[0].file = '../evil.md'), /items\[0\]\.file moet een veilig pad/],
    ['a traversing file', (m) => (m.items[0].file = 'items/../../evil.md'), /items\[0\]\.file moet een veilig pad/],
    ['a duplicate id', (m) => (m.items[1].id = CASE_ID), /items\[1\]\.id komt twee keer voor/],
    ['a duplicate file', (m) => (m.items[1].file = m.items[0].file), /items\[1\]\.file komt twee keer voor/],
    [
      'a guideline without status',
      (m) => (m.items[1].guideline = null),
      /items\[1\]\.guideline hoort precies bij een richtlijn/,
    ],
    [
      'a link to an unknown item',
      (m) => (m.links[0].to = '44444444-4444-4444-8444-444444444444'),
      /links\[0\]\.to verwijst naar een item dat niet in de export staat/,
    ],
    ['an unknown link type', (m) => (m.links[0].type = 'friend'), /links\[0\]\.type/],
    ['a bad date', (m) => (m.items[0].createdAt = 'gisteren'), /items\[0\]\.createdAt is geen geldige datum/],
    ['a too long title', (m) => (m.items[0].title = 'x'.repeat(201)), /items\[0\]\.title is te lang/],
    ['an unknown comment kind', (m) => (m.comments[0].kind = 'RANT'), /comments\[0\]\.kind/],
    ['a reply to no earlier thread', (m) => (m.comments[0].replyTo = 'c9'), /comments\[0\]\.replyTo verwijst niet/],
    [
      'a reply with a place of its own',
      (m) =>
        m.comments.push({ ...m.comments[0], id: 'r1', replyTo: 'c1', anchor: { exact: 'x' } }) &&
        (m.comments[0].id = 'c1'),
      /comments\[1\]\.anchor/,
    ],
    [
      'a too long quote',
      (m) => (m.comments[0].anchor = { exact: 'x'.repeat(1001) }),
      /comments\[0\]\.anchor\.exact is te lang/,
    ],
    [
      'a stage change of an unknown item',
      (m) => (m.stageHistory[0].itemId = '44444444-4444-4444-8444-444444444444'),
      /stageHistory\[0\]\.itemId verwijst/,
    ],
    ['items that are not a list', (m) => (m.items = {}), /items moet een lijst zijn/],
  ])('refuses %s, naming the field', (_what, edit, message) => {
    expect(() => validateManifest(changed(edit))).toThrow(message);
  });

  it('keeps threads: ids, replies, places in the text and deleted responses', () => {
    const manifest = changed((m) => {
      Object.assign(m.comments[0], { id: 'c1', anchor: { exact: 'Waarom', prefix: null, suffix: null } });
      m.comments.push({ ...m.comments[0], id: 'c2', replyTo: 'c1', anchor: undefined, body: '', deleted: true });
    });
    expect(
      validateManifest(manifest).comments.map((c) => [
        c.id,
        c.replyTo ?? null,
        c.anchor?.exact ?? null,
        c.deleted ?? false,
      ]),
    ).toEqual([
      ['c1', null, 'Waarom', false],
      ['c2', 'c1', null, true],
    ]);
  });
});
