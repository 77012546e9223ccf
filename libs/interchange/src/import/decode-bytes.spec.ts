import { decodeBytes } from './decode-bytes';
import { ImportRefusal } from './refusal';

const bytes = (...values: number[]) => Uint8Array.from(values);
const utf8 = (text: string) => new TextEncoder().encode(text);

function refusal(run: () => unknown): ImportRefusal {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportRefusal) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('decodeBytes', () => {
  it('reads UTF-8 with and without a byte order mark', () => {
    expect(decodeBytes(utf8('Cliënten één'))).toEqual({ text: 'Cliënten één', encoding: 'utf-8' });
    expect(decodeBytes(bytes(0xef, 0xbb, 0xbf, ...utf8('Cliënt')))).toEqual({ text: 'Cliënt', encoding: 'utf-8' });
  });

  it('reads UTF-16 with either byte order mark, and without one', () => {
    const le = Buffer.from('\ufeffZorg – één', 'utf16le');
    expect(decodeBytes(le)).toEqual({ text: 'Zorg – één', encoding: 'utf-16le' });
    const be = Buffer.from(Buffer.from('Zorg één', 'utf16le').swap16());
    expect(decodeBytes(bytes(0xfe, 0xff, ...be))).toEqual({ text: 'Zorg één', encoding: 'utf-16be' });
    expect(decodeBytes(Buffer.from('Verslag van de intervisie', 'utf16le'))).toEqual({
      text: 'Verslag van de intervisie',
      encoding: 'utf-16le',
    });
  });

  it('falls back to windows-1252 when the bytes are not UTF-8 (Word, old Windows tools)', () => {
    // "Cliënt “zegt” €5" in windows-1252
    const text = bytes(0x43, 0x6c, 0x69, 0xeb, 0x6e, 0x74, 0x20, 0x93, 0x7a, 0x65, 0x67, 0x74, 0x94, 0x20, 0x80, 0x35);
    expect(decodeBytes(text)).toEqual({ text: 'Cliënt “zegt” €5', encoding: 'windows-1252' });
  });

  it("honours an HTML page's declared charset when the bytes are not UTF-8", () => {
    const html = Buffer.concat([
      Buffer.from('<html><head><meta http-equiv=Content-Type content="text/html; charset=iso-8859-15"></head><body>'),
      bytes(0xa4),
      Buffer.from('</body></html>'),
    ]);
    // 0xA4 is the euro sign in ISO 8859-15 (and the currency sign in windows-1252).
    expect(decodeBytes(html, { html: true }).text).toContain('€');
    expect(decodeBytes(html, { html: true }).encoding).toBe('iso-8859-15');
  });

  it('refuses empty files, binary files and known non-text formats with a message that says what they are', () => {
    expect(refusal(() => decodeBytes(bytes())).code).toBe('EMPTY');
    expect(refusal(() => decodeBytes(utf8('%PDF-1.7\n...'))).message).toMatch(/PDF/);
    expect(refusal(() => decodeBytes(bytes(0x50, 0x4b, 0x03, 0x04, 1, 2))).message).toMatch(/docx/);
    expect(refusal(() => decodeBytes(bytes(0xd0, 0xcf, 0x11, 0xe0, 1))).message).toMatch(/Word/);
    expect(refusal(() => decodeBytes(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a))).message).toMatch(/PNG/);
    expect(refusal(() => decodeBytes(bytes(0x41, 0x00, 0x42, 0x43, 0x44, 0x45, 0x00, 0x00, 0x01, 0x02))).code).toBe(
      'BINARY',
    );
    expect(
      refusal(() => decodeBytes(bytes(...Array.from({ length: 100 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41))))).code,
    ).toBe('BINARY');
  });

  it('refuses a byte order mark followed by bytes that are not valid in its encoding', () => {
    expect(refusal(() => decodeBytes(bytes(0xef, 0xbb, 0xbf, 0x41, 0xff, 0xfe, 0x41))).code).toBe('ENCODING');
  });
});
