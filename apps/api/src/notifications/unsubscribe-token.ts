import { createHmac, timingSafeEqual } from 'node:crypto';
import { isUuid, NOTIFICATION_KINDS, NotificationKind } from '@spiraal/domain';

/** What an unsubscribe link turns off: one kind, or every kind mailed in the daily or weekly digest. */
export type UnsubscribeScope = NotificationKind | 'DAILY' | 'WEEKLY';

const SCOPES = new Set<string>([...NOTIFICATION_KINDS, 'DAILY', 'WEEKLY']);

/**
 * `<payload>.<signature>` in base64url: the payload names the user and the
 * scope, the signature is an HMAC-SHA256 with this installation's secret, so
 * the link works without signing in and cannot be made for someone else.
 */
export function signUnsubscribe(secret: Buffer, userId: string, scope: UnsubscribeScope): string {
  const payload = Buffer.from(JSON.stringify([userId, scope])).toString('base64url');
  return `${payload}.${createHmac('sha256', secret).update(payload).digest('base64url')}`;
}

/** The user and scope of a genuine token; null for anything tampered with, foreign or malformed. */
export function verifyUnsubscribe(secret: Buffer, token: string): { userId: string; scope: UnsubscribeScope } | null {
  if (typeof token !== 'string' || token.length > 500) return null;
  const [payload, signature, ...rest] = token.split('.');
  if (!payload || !signature || rest.length) return null;
  const expected = createHmac('sha256', secret).update(payload).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const [userId, scope] = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as [unknown, unknown];
    if (typeof userId === 'string' && isUuid(userId) && typeof scope === 'string' && SCOPES.has(scope))
      return { userId, scope: scope as UnsubscribeScope };
  } catch {
    // malformed
  }
  return null;
}
