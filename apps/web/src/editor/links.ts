/**
 * Link policy of the editor, the same as the server's (libs/collab/src/links.ts):
 * an href is an http:, https: or mailto: URL, or a relative reference inside
 * the site (`/…`, `#…`, `./…`, `../…`). Nothing else ever becomes a link,
 * whether typed, pasted or already in the document (`javascript:`, `data:`,
 * `vbscript:`, …), so no link in a body can run script.
 */

const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto']);

/** A scheme per RFC 3986: a letter, then letters, digits, '+', '-' or '.'. */
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/**
 * Browsers drop tabs and newlines anywhere in a URL and strip leading control
 * characters, so `java\tscript:` still runs: refuse whitespace and control
 * characters outright, and backslashes (`/\host` is read as `//host`).
 */
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHARS = /[\s\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff\\]/;

/** The href when it is allowed (see above), otherwise null. Surrounding spaces are removed. */
export function safeHref(href: unknown): string | null {
  if (typeof href !== 'string') return null;
  const value = href.trim();
  if (value === '' || FORBIDDEN_CHARS.test(value)) return null;
  const scheme = SCHEME.exec(value);
  if (scheme) return ALLOWED_SCHEMES.has(scheme[1].toLowerCase()) ? value : null;
  if (value.startsWith('/')) return value.startsWith('//') ? null : value;
  return value.startsWith('#') || value.startsWith('./') || value.startsWith('../') ? value : null;
}

export function isAllowedHref(href: unknown): boolean {
  return safeHref(href) !== null;
}

/**
 * What a person typed in the link field, as an href: only absolute http:,
 * https: and mailto: addresses are accepted; `www.example.nl` becomes
 * `https://www.example.nl` and `naam@example.nl` a mailto: link. Null for
 * anything else.
 */
export function hrefFromInput(input: string): string | null {
  let value = input.trim();
  if (!SCHEME.test(value)) {
    if (/^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$/.test(value)) value = `mailto:${value}`;
    else if (/^[a-z0-9-]+(\.[a-z0-9-]+)+([/?#]|$)/i.test(value)) value = `https://${value}`;
    else return null;
  }
  const href = safeHref(value);
  if (!href) return null;
  const scheme = SCHEME.exec(href)![1].toLowerCase();
  if (scheme === 'mailto') return /^mailto:[^@]+@[^@]+$/i.test(href) ? href : null;
  try {
    const url = new URL(href);
    return url.hostname ? href : null;
  } catch {
    return null;
  }
}
