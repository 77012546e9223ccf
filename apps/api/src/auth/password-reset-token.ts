import { createHash, randomBytes } from 'node:crypto';

/** How long a reset link works. */
export const RESET_TOKEN_TTL_MS = 30 * 60_000;

/** The web page that takes the token (apps/web: wachtwoord-herstellen). */
export const RESET_PATH = '/wachtwoord-herstellen';

type Query = (sql: string, params: unknown[]) => Promise<unknown>;

export function hashResetToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/**
 * Stores a new single-use token for the user, only as its hash, and returns
 * the token. Shared by the API (mailed link) and the administrator's command
 * (printed link), which talk to the database differently.
 */
export async function createResetToken(query: Query, userId: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await query(`INSERT INTO password_resets (user_id, token_hash, expires_at) VALUES ($1, $2, $3)`, [
    userId,
    hashResetToken(token),
    new Date(Date.now() + RESET_TOKEN_TTL_MS),
  ]);
  return token;
}

export function resetLink(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${RESET_PATH}?token=${encodeURIComponent(token)}`;
}
