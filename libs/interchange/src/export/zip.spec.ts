import { strToU8, zipSync } from 'fflate';
import { ArchiveError } from './archive-error';
import { readZip, writeZip } from './zip';

const text = (value: string) => new TextEncoder().encode(value);

/** Sets the uncompressed size a zip declares for its first entry, in both headers. */
function declareSize(zip: Uint8Array, size: number): Uint8Array {
  const copy = zip.slice();
  const view = new DataView(copy.buffer);
  const end = copy.length - 22;
  const centralDirectory = view.getUint32(end + 16, true);
  view.setUint32(centralDirectory + 24, size, true);
  view.setUint32(22, size, true);
  return copy;
}

describe('zip archives', () => {
  it('reads back what it wrote', () => {
    const zip = writeZip(
      new Map([
        ['manifest.json', text('{}')],
        ['items/a.md', text('# A\n')],
      ]),
    );
    const files = readZip(zip);
    expect([...files.keys()]).toEqual(['manifest.json', 'items/a.md']);
    expect(new TextDecoder().decode(files.get('items/a.md'))).toBe('# A\n');
  });

  it('skips folder entries', () => {
    const zip = zipSync({ 'items/': new Uint8Array(0), 'items/a.md': strToU8('A') });
    expect([...readZip(zip).keys()]).toEqual(['items/a.md']);
  });

  it.each(['../evil.md', 'items/../../evil.md', '/etc/passwd', 'items\\..\\evil.md'])(
    'refuses an archive with the path %j',
    (path) => {
      const zip = zipSync({ 'manifest.json': strToU8('{}'), [path]: strToU8('x') });
      expect(() => readZip(zip)).toThrow(/Onveilig pad in het archief/);
    },
  );

  it('refuses too many entries', () => {
    const entries = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`f${i}.md`, strToU8('x')]));
    expect(() => readZip(zipSync(entries), { maxEntries: 10, maxEntryBytes: 1e6, maxTotalBytes: 1e6 })).toThrow(
      /meer dan 10 bestanden/,
    );
  });

  it('stops a zip bomb at the limit, even when it lies about its size', () => {
    const bomb = zipSync({ 'items/bom.md': new Uint8Array(20 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(50_000);
    const limits = { maxEntries: 10, maxEntryBytes: 1024 * 1024, maxTotalBytes: 2 * 1024 * 1024 };
    expect(() => readZip(bomb, limits)).toThrow(/pakt uit tot meer dan toegestaan/);
    expect(() => readZip(declareSize(bomb, 100), limits)).toThrow(/pakt uit tot meer dan toegestaan/);
  });

  it('counts the total over all entries', () => {
    const zip = zipSync({ 'a.md': new Uint8Array(600_000), 'b.md': new Uint8Array(600_000) });
    expect(() => readZip(zip, { maxEntries: 10, maxEntryBytes: 1e6, maxTotalBytes: 1e6 })).toThrow(ArchiveError);
  });

  it('refuses duplicate names', () => {
    // fflate refuses to write them, so glue two archives' entries by hand: rename b.md to a.md in place.
    const zip = zipSync({ 'a.md': strToU8('1'), 'b.md': strToU8('2') }, { level: 0 });
    const bytes = zip.slice();
    const raw = new TextDecoder('latin1').decode(bytes);
    for (let i = raw.indexOf('b.md'); i !== -1; i = raw.indexOf('b.md', i + 1)) bytes[i] = 'a'.charCodeAt(0);
    expect(() => readZip(bytes)).toThrow(/a\.md staat twee keer in het archief/);
  });

  it('finds no files in something that is not a zip', () => {
    expect(readZip(text('dit is geen zip')).size).toBe(0);
  });
});
