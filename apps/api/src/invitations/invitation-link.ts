import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The token of an invitation link: the invitation's id and an HMAC over the
 * id, the address and the expiry, with a server secret. It can neither be
 * guessed nor moved to another invitation, and a renewed invitation (new
 * expiry) makes older links invalid.
 */
export function signInvitation(secret: Buffer, invitation: { id: string; email: string; expiresAt: Date }): string {
  return `${invitation.id}.${mac(secret, invitation)}`;
}

/** The invitation id a token names, or null when it is malformed. */
export function invitationIdOf(token: string): string | null {
  const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/i.exec(token.trim());
  return match ? match[1].toLowerCase() : null;
}

export function verifyInvitation(
  secret: Buffer,
  token: string,
  invitation: { id: string; email: string; expiresAt: Date },
): boolean {
  const given = Buffer.from(token.trim().split('.')[1] ?? '');
  const expected = Buffer.from(mac(secret, invitation));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function mac(secret: Buffer, invitation: { id: string; email: string; expiresAt: Date }): string {
  return createHmac('sha256', secret)
    .update(`${invitation.id}\n${invitation.email}\n${invitation.expiresAt.toISOString()}`)
    .digest('base64url');
}
