import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { COLLAB_MODES, type CollabMode } from '@spiraal/domain';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { ServerSecretService } from '../database/server-secret.service';

export interface TicketClaims {
  itemId: string;
  userId: string;
  readOnly: boolean;
  /** EDIT, SUGGEST or READ when the ticket was issued (older tickets: from readOnly). */
  mode: CollabMode;
  /** The fingerprint of the session the ticket was issued to: the socket lives only as long as it. */
  session: string;
  /** Expiry, in seconds since the epoch. */
  expiresAt: number;
  /** Makes the ticket single-use. */
  nonce: string;
}

/**
 * Short-lived, single-use tickets for the collaboration socket, bound to
 * user, session, item and role: `<payload>.<HMAC-SHA256>`, both base64url.
 * Any API process can check a ticket another one issued; a used ticket is
 * remembered in the database until it would have expired.
 */
@Injectable()
export class CollabTicketService {
  private consumed = 0;

  constructor(
    private readonly secrets: ServerSecretService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async issue(claims: Omit<TicketClaims, 'expiresAt' | 'nonce'>): Promise<{ token: string; expiresAt: Date }> {
    const expiresAt = Math.floor(Date.now() / 1000) + this.config.collab.ticketTtlSeconds;
    const payload = Buffer.from(
      JSON.stringify({
        i: claims.itemId,
        u: claims.userId,
        r: claims.readOnly,
        m: claims.mode,
        s: claims.session,
        e: expiresAt,
        n: randomBytes(16).toString('base64url'),
      }),
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
      const raw = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
        i: string;
        u: string;
        r: boolean;
        m?: string;
        s: string;
        e: number;
        n: string;
      };
      const claims: TicketClaims = {
        itemId: raw.i,
        userId: raw.u,
        readOnly: raw.r === true,
        mode: COLLAB_MODES.includes(raw.m as CollabMode) ? (raw.m as CollabMode) : raw.r === true ? 'READ' : 'EDIT',
        session: raw.s,
        expiresAt: raw.e,
        nonce: raw.n,
      };
      if (claims.itemId !== itemId || typeof claims.userId !== 'string' || !(claims.expiresAt * 1000 > Date.now()))
        return null;
      if (typeof claims.session !== 'string' || typeof claims.nonce !== 'string') return null;
      return claims;
    } catch {
      return null;
    }
  }

  /** Marks the ticket used; false when it was used before (a replay). */
  async consume(claims: TicketClaims): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `INSERT INTO used_tickets (nonce, expires_at) VALUES ($1, to_timestamp($2)) ON CONFLICT DO NOTHING RETURNING nonce`,
      [claims.nonce, claims.expiresAt],
    );
    if (++this.consumed % 200 === 0) await this.db.query(`DELETE FROM used_tickets WHERE expires_at < now()`);
    return rows.length > 0;
  }

  private async sign(payload: string): Promise<string> {
    return createHmac('sha256', await this.secrets.get('collab-ticket'))
      .update(payload)
      .digest('base64url');
  }
}
