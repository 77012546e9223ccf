import { Inject, Injectable } from '@nestjs/common';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { ServerSecretService } from './server-secret.service';

export interface TicketClaims {
  itemId: string;
  userId: string;
  readOnly: boolean;
  /** Expiry, in seconds since the epoch. */
  expiresAt: number;
}

/**
 * Short-lived tickets for the collaboration socket, bound to user, item and
 * role: `<payload>.<HMAC-SHA256>`, both base64url. Stateless, so any API
 * process can check a ticket another one issued.
 */
@Injectable()
export class CollabTicketService {
  constructor(
    private readonly secrets: ServerSecretService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async issue(claims: Omit<TicketClaims, 'expiresAt'>): Promise<{ token: string; expiresAt: Date }> {
    const expiresAt = Math.floor(Date.now() / 1000) + this.config.collab.ticketTtlSeconds;
    const payload = Buffer.from(
      JSON.stringify({ i: claims.itemId, u: claims.userId, r: claims.readOnly, e: expiresAt, n: randomBytes(8).toString('base64url') }),
    ).toString('base64url');
    return { token: `${payload}.${await this.sign(payload)}`, expiresAt: new Date(expiresAt * 1000) };
  }

  /** The claims of a genuine, unexpired ticket for this item; null for anything else. */
  async verify(token: string | null, itemId: string): Promise<TicketClaims | null> {
    if (!token || token.length > 1024) return null;
    const [payload, signature, ...rest] = token.split('.');
    if (!payload || !signature || rest.length) return null;
    const expected = Buffer.from(await this.sign(payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    try {
      const raw = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { i: string; u: string; r: boolean; e: number };
      const claims: TicketClaims = { itemId: raw.i, userId: raw.u, readOnly: raw.r === true, expiresAt: raw.e };
      if (claims.itemId !== itemId || typeof claims.userId !== 'string' || !(claims.expiresAt * 1000 > Date.now())) return null;
      return claims;
    } catch {
      return null;
    }
  }

  private async sign(payload: string): Promise<string> {
    return createHmac('sha256', await this.secrets.get('collab-ticket')).update(payload).digest('base64url');
  }
}
