import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { UserEntity } from '../users/user.entity';
import { SessionEntity } from './session.entity';

export interface AuthUser {
  id: string;
  email: string;
  displayName: string;
}

export interface IssuedSession {
  token: string;
  expiresAt: Date;
}

function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/** Opaque random session tokens, stored only as their hash, with an expiry, revocable. */
@Injectable()
export class SessionService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async issue(userId: string): Promise<IssuedSession> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.sessionTtlDays * 24 * 3600_000);
    await this.db.getRepository(SessionEntity).insert({ userId, tokenHash: hashToken(token), expiresAt, revokedAt: null });
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

  async revoke(token: string): Promise<void> {
    await this.db
      .getRepository(SessionEntity)
      .createQueryBuilder()
      .update()
      .set({ revokedAt: () => 'now()' })
      .where('token_hash = :hash AND revoked_at IS NULL', { hash: hashToken(token) })
      .execute();
  }
}
