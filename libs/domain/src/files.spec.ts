import { cleanFileName, declaredTypeMatches, formatFileSize, sniffFileType } from './files';

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'utf8')] : p)));

/** A zip local file header for one stored entry. */
function zipEntry(name: string, content: string): number[] {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt32LE(Buffer.byteLength(content), 18);
  header.writeUInt32LE(Buffer.byteLength(content), 22);
  header.writeUInt16LE(Buffer.byteLength(name), 26);
  return [...header, ...Buffer.from(name), ...Buffer.from(content)];
}

describe('sniffFileType', () => {
  it('knows the allowed types by their bytes', () => {
    expect(sniffFileType(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), false)).toEqual({
      allowed: true,
      type: 'image/png',
    });
    expect(sniffFileType(bytes([0xff, 0xd8, 0xff, 0xe0]), false)).toMatchObject({ type: 'image/jpeg' });
    expect(sniffFileType(bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '), false)).toMatchObject({ type: 'image/webp' });
    expect(sniffFileType(bytes('GIF89a...'), false)).toMatchObject({ type: 'image/gif' });
    expect(sniffFileType(bytes('%PDF-1.7\n'), false)).toMatchObject({ type: 'application/pdf' });
    expect(sniffFileType(bytes('Verslag van de intervisie, café'), true)).toMatchObject({ type: 'text/plain' });
  });

  it('tells DOCX, XLSX and ODT apart by their zip entries, and refuses other zips', () => {
    const docx = bytes(zipEntry('[Content_Types].xml', '<Types/>'), zipEntry('word/document.xml', '<w/>'));
    const xlsx = bytes(zipEntry('[Content_Types].xml', '<Types/>'), zipEntry('xl/workbook.xml', '<x/>'));
    const odt = bytes(zipEntry('mimetype', 'application/vnd.oasis.opendocument.text'), zipEntry('content.xml', ''));
    const ods = bytes(zipEntry('mimetype', 'application/vnd.oasis.opendocument.spreadsheet'));
    expect(sniffFileType(docx, true)).toMatchObject({ type: expect.stringContaining('wordprocessingml') });
    expect(sniffFileType(xlsx, true)).toMatchObject({ type: expect.stringContaining('spreadsheetml') });
    expect(sniffFileType(odt, true)).toMatchObject({ type: 'application/vnd.oasis.opendocument.text' });
    expect(sniffFileType(ods, true)).toMatchObject({ allowed: false });
    expect(sniffFileType(bytes(zipEntry('evil.exe', 'MZ')), true)).toMatchObject({ allowed: false });
  });

  it('refuses SVG, HTML and binary data', () => {
    expect(sniffFileType(bytes('<?xml version="1.0"?><svg xmlns="x"></svg>'), true)).toEqual({
      allowed: false,
      what: 'SVG',
    });
    expect(sniffFileType(bytes('  <svg onload="alert(1)">'), true)).toMatchObject({ what: 'SVG' });
    expect(sniffFileType(bytes('<!DOCTYPE html><script>x</script>'), true)).toMatchObject({ allowed: false });
    expect(sniffFileType(bytes([0x4d, 0x5a, 0x90, 0x00]), true)).toMatchObject({ allowed: false });
  });

  it('accepts text whose sample ends inside a multi-byte character', () => {
    const text = Buffer.from('één'.repeat(10));
    expect(sniffFileType(new Uint8Array(text.subarray(0, text.length - 1)), false)).toMatchObject({
      type: 'text/plain',
    });
  });
});

describe('declaredTypeMatches', () => {
  it('compares the bare type, and lets an absent or generic type through', () => {
    expect(declaredTypeMatches('image/png', 'image/png')).toBe(true);
    expect(declaredTypeMatches('text/plain; charset=utf-8', 'text/plain')).toBe(true);
    expect(declaredTypeMatches('image/jpg', 'image/jpeg')).toBe(true);
    expect(declaredTypeMatches('application/octet-stream', 'application/pdf')).toBe(true);
    expect(declaredTypeMatches('image/png', 'text/plain')).toBe(false);
  });
});

describe('cleanFileName', () => {
  it('keeps the last segment without control characters and gives it its real extension', () => {
    expect(cleanFileName('../../etc/flip-over.png', 'image/png')).toBe('flip-over.png');
    expect(cleanFileName('foto%20van%20de%20flip-over.JPEG', 'image/jpeg')).toBe('foto van de flip-over.jpeg');
    expect(cleanFileName('script.png', 'text/plain')).toBe('script.txt');
    expect(cleanFileName('\u202egnp.exe', 'application/pdf')).toBe('gnp.pdf');
    expect(cleanFileName('', 'text/plain')).toBe('bestand.txt');
  });
});

it('formats sizes the Dutch way', () => {
  expect(formatFileSize(512)).toBe('512 B');
  expect(formatFileSize(2048)).toBe('2 kB');
  expect(formatFileSize(5 * 1024 * 1024 + 300_000)).toBe('5,3 MB');
});
