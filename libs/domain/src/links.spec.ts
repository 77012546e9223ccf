import { safeHref } from './links';

describe('safeHref', () => {
  it.each([
    'https://example.nl/pad?q=1#kop',
    'http://example.nl',
    'HTTPS://EXAMPLE.NL',
    'mailto:ans@example.nl',
    '/kennis/123',
    '#sectie',
    './bijlage.pdf',
    '../hoger',
  ])('allows %s', (href) => {
    expect(safeHref(href)).toBe(href);
  });

  it('trims surrounding spaces', () => {
    expect(safeHref('  https://example.nl  ')).toBe('https://example.nl');
  });

  it.each([
    'javascript:alert(1)',
    ' JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0000javascript:alert(1)',
    'javascript\u0000:alert(1)',
    '\u200bjavascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'DATA:image/png;base64,AAAA',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://example.nl',
    '//evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    'https://exa mple.nl',
    'example.nl',
    'kennis/123',
    '%6Aavascript:alert(1)',
    '&#106;avascript:alert(1)',
    '',
    '   ',
  ])('refuses %j', (href) => {
    expect(safeHref(href)).toBeNull();
  });

  it('refuses non-strings', () => {
    expect(safeHref(null)).toBeNull();
    expect(safeHref(undefined)).toBeNull();
  });
});
