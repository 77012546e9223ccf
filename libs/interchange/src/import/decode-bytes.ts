/**
 * Bytes of an uploaded file -> text. Knows the byte order marks, trusts valid
 * UTF-8, honours an HTML page's declared charset, and otherwise reads
 * windows-1252 (what Word and old Windows tools wrote). Files that are not
 * text at all (PDF, Word, zip, images, anything with NUL bytes) are refused
 * with a message saying what they look like.
 */
import { refuse } from './refusal';

export interface DecodedText {
  text: string;
  /** The WHATWG name of the encoding that was used, e.g. `utf-8`, `windows-1252`. */
  encoding: string;
}

/** Magic numbers of formats people are likely to try, with what to do instead. */
const SIGNATURES: readonly { bytes: readonly number[]; nl: string; en: string }[] = [
  {
    bytes: [0x25, 0x50, 0x44, 0x46],
    nl: 'Dit is een PDF; haal de tekst eruit (bijv. met pdftotext) en importeer die',
    en: 'This is a PDF; extract its text (e.g. with pdftotext) and import that',
  },
  {
    bytes: [0x50, 0x4b, 0x03, 0x04],
    nl: 'Dit is een zip- of Office-bestand (docx, odt, xlsx); sla het op als HTML, Markdown of tekst',
    en: 'This is a zip or Office file (docx, odt, xlsx); save it as HTML, Markdown or text',
  },
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0],
    nl: 'Dit is een oud Word- of Excel-bestand; sla het op als HTML of tekst',
    en: 'This is an old Word or Excel file; save it as HTML or text',
  },
  {
    bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66],
    nl: 'Dit is een RTF-bestand; sla het op als HTML of tekst',
    en: 'This is an RTF file; save it as HTML or text',
  },
  {
    bytes: [0x89, 0x50, 0x4e, 0x47],
    nl: 'Dit is een afbeelding (PNG), geen tekst',
    en: 'This is an image (PNG), not text',
  },
  {
    bytes: [0xff, 0xd8, 0xff],
    nl: 'Dit is een afbeelding (JPEG), geen tekst',
    en: 'This is an image (JPEG), not text',
  },
  {
    bytes: [0x47, 0x49, 0x46, 0x38],
    nl: 'Dit is een afbeelding (GIF), geen tekst',
    en: 'This is an image (GIF), not text',
  },
  {
    bytes: [0x1f, 0x8b],
    nl: 'Dit is een gecomprimeerd bestand (gzip), geen tekst',
    en: 'This is a compressed file (gzip), not text',
  },
];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte);
}

/** Refuses files whose first bytes say they are not text. */
export function refuseBinary(bytes: Uint8Array): void {
  for (const signature of SIGNATURES) {
    if (startsWith(bytes, signature.bytes)) refuse('BINARY', signature.nl, signature.en);
  }
}

export function decodeBytes(bytes: Uint8Array, options: { html?: boolean } = {}): DecodedText {
  if (bytes.length === 0) refuse('EMPTY', 'Het bestand is leeg', 'The file is empty');
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return checked(decode('utf-8', bytes.subarray(3), true), 'utf-8');
  if (startsWith(bytes, [0xff, 0xfe])) return checked(decode('utf-16le', bytes.subarray(2), true), 'utf-16le');
  if (startsWith(bytes, [0xfe, 0xff])) return checked(decode('utf-16be', bytes.subarray(2), true), 'utf-16be');
  refuseBinary(bytes);
  const utf16 = bomlessUtf16(bytes);
  if (utf16) return checked(decode(utf16, bytes, true), utf16);
  if (bytes.includes(0))
    refuse(
      'BINARY',
      'Dit is geen tekstbestand (het bevat binaire gegevens)',
      'This is not a text file (it contains binary data)',
    );
  const utf8 = decode('utf-8', bytes, true);
  if (utf8 !== null) return checked(utf8, 'utf-8');
  const declared = options.html ? declaredCharset(bytes) : null;
  if (declared && declared !== 'utf-8') return checked(decode(declared, bytes, false), declared);
  return checked(decode('windows-1252', bytes, false), 'windows-1252');
}

/** Null when `fatal` and the bytes are not valid in that encoding. */
function decode(encoding: string, bytes: Uint8Array, fatal: boolean): string | null {
  if (encoding === 'windows-1252') return decodeWindows1252(bytes);
  try {
    return new TextDecoder(encoding, { fatal, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function checked(text: string | null, encoding: string): DecodedText {
  if (text === null) refuse('ENCODING', `De tekst is geen geldige ${encoding}`, `The text is not valid ${encoding}`);
  if (controlShare(text) > 0.05)
    refuse(
      'BINARY',
      'Dit is geen tekstbestand (te veel stuurtekens)',
      'This is not a text file (too many control characters)',
    );
  return { text, encoding };
}

// eslint-disable-next-line no-control-regex -- matches control characters on purpose
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f\ufffd]/g;

function controlShare(text: string): number {
  const sample = text.slice(0, 65_536);
  return sample.length === 0 ? 0 : (sample.match(CONTROL)?.length ?? 0) / sample.length;
}

/**
 * UTF-16 without a byte order mark: mostly-Latin text then has a NUL in
 * nearly every other byte, all on the same side.
 */
function bomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const length = Math.min(bytes.length, 4096) & ~1;
  if (length < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < length; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = length / 2;
  if (oddZeros > pairs * 0.6 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.6 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

/** `<meta charset="…">` or `<meta http-equiv=Content-Type content="text/html; charset=…">` in the first 4 KB. */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_:.-]+)/i.exec(head);
  if (!match) return null;
  try {
    return new TextDecoder(match[1].toLowerCase()).encoding;
  } catch {
    return null;
  }
}

/** windows-1252's characters for 0x80-0x9F (undefined ones stay C1 controls, as WHATWG says). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * Node 20's TextDecoder reads windows-1252 as ISO 8859-1 (curly quotes, the
 * euro sign and dashes become control characters), so it is decoded here.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  const chunks: string[] = [];
  for (let start = 0; start < bytes.length; start += 8192) {
    const codes = Array.from(bytes.subarray(start, start + 8192), (byte) =>
      byte >= 0x80 && byte < 0xa0 ? CP1252_HIGH.charCodeAt(byte - 0x80) : byte,
    );
    chunks.push(String.fromCharCode(...codes));
  }
  return chunks.join('');
}
