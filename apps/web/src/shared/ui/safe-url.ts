import { safeHref as allowedHref } from '@spiraal/domain';

/**
 * Links found in user text: only absolute http(s) and mailto addresses, by the
 * server's link policy (no javascript:, data: or the like).
 */
export function safeHref(value: string): string | null {
  const href = allowedHref(value);
  return href && /^(https?|mailto):/i.test(href) ? href : null;
}
