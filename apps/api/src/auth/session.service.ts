import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import type { AuthUser } from '../common/request-context';
import { SessionEvents } from './session-events';
import { UserEntity } from '../database/entities/user.entity';
import { SessionEntity } from '../database/entities/session.entity';

// Who is asking is part of every request's context (common/), below the features that use it.
export type { AuthUser } from '../common/request-context';

export interface IssuedSession {
  token: string;
  expiresAt: Date;
}

function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/** A session's public fingerprint (the hash of its token), for binding collab tickets to it. */
export function sessionFingerprint(token: string): string {
  return hashToken(token).toString('base64url');
}

/** Opaque random session tokens, stored only as their hash, with an expiry, revocable. */
@Injectable()
export class SessionService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly events: SessionEvents,
  ) {}

  async issue(userId: string): Promise<IssuedSession> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.sessionTtlDays * 24 * 3600_000);
    await this.db
      .getRepository(SessionEntity)
      .insert({ userId, tokenHash: hashToken(token), expiresAt, revokedAt: null });
    return { token, expiresAt };
  }

  /** The user of a valid (known, unexpired, unrevoked) token, or null. */
  async userFor(token: string): Promise<AuthUser | null> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
    const row = await this.db
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .innerJoin(SessionEntity, 's', 's.user_id = u.id')
      .where('s.token_hash = :hash', { hash: hashToken(token) })
      .andWhere('s.revoked_at IS NULL AND s.expires_at > now()')
      .getOne();
    return row ? { id: row.id, email: row.email, displayName: row.displayName } : null;
  }

  /** Whether the session with this fingerprint is still valid. */
  async isActive(fingerprint: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `SELECT 1 FROM sessions WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > now()`,
      [Buffer.from(fingerprint, 'base64url')],
    );
    return rows.length > 0;
  }

  async revoke(token: string): Promise<void> {
    await this.db.query(`UPDATE sessions SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL`, [
      hashToken(token),
    ]);
    this.events.revoked([sessionFingerprint(token)]);
  }

  /** Ends every other session of the user (after a password change); the open sockets of those sessions close. */
  async revokeOthers(userId: string, keepToken: string | null): Promise<number> {
    // An UPDATE … RETURNING comes back from TypeORM as [rows, count].
    const [rows]: [{ token_hash: Buffer }[], number] = await this.db.query(
      `UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL AND token_hash IS DISTINCT FROM $2 RETURNING token_hash`,
      [userId, keepToken ? hashToken(keepToken) : null],
    );
    this.events.revoked(rows.map((r) => r.token_hash.toString('base64url')));
    return rows.length;
  }
}
