import { isIP } from 'node:net';

/**
 * Which proxies Express may believe about the client (`trust proxy`): a number
 * of hops, or the addresses/subnets of the proxies. `false`: none, so
 * X-Forwarded-* headers are ignored. Whatever is trusted decides `req.secure`
 * (HSTS, the Secure session cookie, wss:// tickets) and `req.ip` (rate limits
 * per address), so `true` (believe anyone) is refused: a client reaching the
 * API directly could then pick its own address and dodge the limits.
 */
export type TrustProxy = false | number | string[];

/** Names Express (proxy-addr) knows for common private ranges. */
const KEYWORDS = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** TRUST_PROXY: empty for none, a hop count (`1`: the proxy in front), or a comma-separated list of addresses, subnets and keywords. */
export function parseTrustProxy(raw: string | undefined): { value: TrustProxy; problem?: string } {
  const text = raw?.trim() ?? '';
  if (text === '' || text === 'false' || text === '0') return { value: false };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return hops <= 10
      ? { value: hops }
      : { value: false, problem: `TRUST_PROXY must be at most 10 hops, got "${text}"` };
  }
  const entries = text.split(',').map((entry) => entry.trim());
  const bad = entries.filter((entry) => !KEYWORDS.has(entry) && !isAddressOrSubnet(entry));
  if (bad.length || !entries.length) {
    return {
      value: false,
      problem: `TRUST_PROXY must be a number of proxy hops, or addresses, subnets (a.b.c.d/n) and loopback, linklocal or uniquelocal separated by commas; not "${bad.join(', ') || text}"`,
    };
  }
  return { value: entries };
}

function isAddressOrSubnet(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}
