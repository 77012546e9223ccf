import { attachmentDisposition, isSafeArchivePath, itemFilename, slugify, uniqueItemFilenames } from './filenames';

describe('file names', () => {
  it('slugs titles: accents folded, punctuation to dashes, bounded, never empty', () => {
    expect(slugify('Wie is de régisseur: cliënt óf "wij"?')).toBe('wie-is-de-regisseur-client-of-wij');
    expect(slugify('../../etc/passwd')).toBe('etc-passwd');
    expect(slugify('???')).toBe('item');
    expect(slugify('a'.repeat(100) + ' b')).toHaveLength(60);
    expect(slugify(`${'a'.repeat(59)} b`)).toBe('a'.repeat(59));
  });

  it('names an item by its title and the start of its id', () => {
    expect(itemFilename('Casus: Mevrouw J.', '6F1C2A4E-9b1d-4c1e-8f3a-2b7d9e0c1a55')).toBe(
      'casus-mevrouw-j-6f1c2a4e.md',
    );
  });

  it('keeps names unique when titles and id starts coincide', () => {
    const names = uniqueItemFilenames([
      { id: 'aaaaaaaa-0000-4000-8000-000000000001', title: 'Notitie' },
      { id: 'aaaaaaaa-0000-4000-8000-000000000002', title: 'Notitie' },
      { id: 'aaaaaaaa-0000-4000-8000-000000000003', title: 'Notitie' },
    ]);
    expect([...names.values()]).toEqual(['notitie-aaaaaaaa.md', 'notitie-aaaaaaaa-2.md', 'notitie-aaaaaaaa-3.md']);
  });

  it.each([
    '../x.md',
    'items/../../x.md',
    '/etc/passwd',
    'items\\x.md',
    'C:/x.md',
    'items//x.md',
    './x.md',
    'items/x\u0000.md',
    '',
    'a'.repeat(256),
  ])('refuses the archive path %j', (path) => expect(isSafeArchivePath(path)).toBe(false));

  it.each(['manifest.json', 'items/casus-6f1c2a4e.md', 'items/a..b.md'])('accepts the archive path %j', (path) =>
    expect(isSafeArchivePath(path)).toBe(true),
  );

  it('writes an attachment header that no file name can break out of', () => {
    expect(attachmentDisposition('leernetwerk-wijk.zip')).toBe(
      `attachment; filename="leernetwerk-wijk.zip"; filename*=UTF-8''leernetwerk-wijk.zip`,
    );
    const hostile = attachmentDisposition('a"\r\nSet-Cookie: x=1;ë.md');
    expect(hostile).not.toMatch(/[\r\n]/);
    expect(hostile.split('"')).toHaveLength(3);
  });
});
