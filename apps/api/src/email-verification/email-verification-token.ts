import { createHmac, timingSafeEqual } from 'node:crypto';

/** How long a verification link works. */
export const VERIFICATION_TTL_MS = 3 * 24 * 3_600_000;

/** The web page that takes the token (apps/web: e-mailadres-bevestigen). */
export const VERIFICATION_PATH = '/e-mailadres-bevestigen';

export interface VerificationClaim {
  userId: string;
  email: string;
  expiresAt: number;
}

/**
 * The token of a verification link: user id, expiry and an HMAC over both
 * and the address, with a server secret. It proves whoever holds it received
 * mail at that address; it is void once the account's address changes.
 */
export function signVerification(secret: Buffer, claim: VerificationClaim): string {
  return `${claim.userId}.${claim.expiresAt.toString(36)}.${mac(secret, claim)}`;
}

/** User id and expiry a token names, or null when it is malformed. */
export function parseVerification(token: string): { userId: string; expiresAt: number } | null {
  const match = /^([0-9a-f-]{36})\.([0-9a-z]{1,12})\.([A-Za-z0-9_-]{43})$/i.exec(String(token).trim());
  if (!match) return null;
  return { userId: match[1].toLowerCase(), expiresAt: parseInt(match[2], 36) };
}

export function verifyVerification(secret: Buffer, token: string, claim: VerificationClaim): boolean {
  if (claim.expiresAt <= Date.now()) return false;
  const given = Buffer.from(String(token).trim().split('.')[2] ?? '');
  const expected = Buffer.from(mac(secret, claim));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function mac(secret: Buffer, claim: VerificationClaim): string {
  return createHmac('sha256', secret).update(`${claim.userId}\n${claim.email}\n${claim.expiresAt}`).digest('base64url');
}
