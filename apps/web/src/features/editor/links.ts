import { safeHref } from '@spiraal/domain';

/**
 * Link policy of the editor, the server's own (libs/domain/src/links.ts):
 * an href is an http:, https: or mailto: URL, or a relative reference inside
 * the site (`/…`, `#…`, `./…`, `../…`). Nothing else ever becomes a link,
 * whether typed, pasted or already in the document (`javascript:`, `data:`,
 * `vbscript:`, …), so no link in a body can run script.
 */

/** A scheme per RFC 3986: a letter, then letters, digits, '+', '-' or '.'. */
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

export { safeHref };

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
