/**
 * Link policy: every href we store or emit goes through `safeHref`, so no
 * link in a body can run script (javascript:, vbscript:, data:, ...).
 */

const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto']);

/** A scheme per RFC 3986: a letter, then letters, digits, '+', '-' or '.'. */
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/**
 * Browsers drop ASCII tab and newline anywhere in a URL and strip leading
 * control characters and spaces, so `java\tscript:` still runs. Rather than
 * mimic that cleanup, refuse any whitespace or control character at all.
 * Backslashes are refused too: browsers read `/\host` as `//host`.
 */
// eslint-disable-next-line no-control-regex -- matches control characters on purpose
const FORBIDDEN_CHARS = /[\s\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff\\]/;

/**
 * Returns the href when it is an http:, https: or mailto: URL or a relative
 * reference starting with `/`, `#`, `./` or `../`; otherwise null.
 * Leading and trailing spaces are removed first.
 */
export function safeHref(href: unknown): string | null {
  if (typeof href !== 'string') return null;
  const value = href.trim();
  if (value === '' || FORBIDDEN_CHARS.test(value)) return null;
  const scheme = SCHEME.exec(value);
  if (scheme) return ALLOWED_SCHEMES.has(scheme[1].toLowerCase()) ? value : null;
  return isRelativeReference(value) ? value : null;
}

function isRelativeReference(value: string): boolean {
  // `//host` is protocol-relative: it leaves the site, so it is not relative.
  if (value.startsWith('/')) return !value.startsWith('//');
  return value.startsWith('#') || value.startsWith('./') || value.startsWith('../');
}
