import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { normalizeEmail, validateDisplayName, validateEmail, validatePassword } from '@spiraal/domain';
import { DataSource } from 'typeorm';
import { appError, badInput, rateLimited } from '../common/errors';
import { UserEntity } from '../database/entities/user.entity';
import { RateLimits } from '../common/rate-limits';
import { LoginThrottle } from './login-throttle';
import { PasswordHasher } from './password-hasher';
import { AuthUser, IssuedSession, SessionService } from './session.service';
import { EmailVerificationService } from '../email-verification/email-verification.service';

export interface SignedIn {
  user: AuthUser;
  session: IssuedSession;
}

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionService,
    private readonly throttle: LoginThrottle,
    private readonly limits: RateLimits,
    private readonly verification: EmailVerificationService,
  ) {}

  async register(input: { email: string; password: string; displayName: string }, address: string): Promise<SignedIn> {
    await this.limits.registration(address);
    const email = validateEmail(input.email);
    const password = validatePassword(input.password);
    const displayName = validateDisplayName(input.displayName);
    const passwordHash = await this.hasher.hash(password);
    const users = this.db.getRepository(UserEntity);
    const inserted = await users
      .createQueryBuilder()
      .insert()
      .values({ email, displayName, passwordHash })
      .orIgnore() // ON CONFLICT DO NOTHING: the unique e-mail decides, also under races
      .returning(['id'])
      .execute();
    const id = inserted.raw[0]?.id as string | undefined;
    if (!id)
      throw badInput(
        'Er is al een account met dit e-mailadres / An account with this e-mail address exists already',
        'email',
      );
    const user = { id, email, displayName };
    // Mailed when mail is configured: invitations to the address are shown in the app once it is confirmed.
    await this.verification.send(user);
    return { user, session: await this.sessions.issue(id) };
  }

  async login(input: { email: string; password: string }, address: string): Promise<SignedIn> {
    const email = normalizeEmail(String(input.email));
    const wait = await this.throttle.retryAfter(email, address);
    if (wait > 0) throw rateLimited(wait);
    await this.throttle.slowDown(email);
    const row = await this.db
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email })
      .getOne();
    const ok = await this.hasher.verify(row?.passwordHash ?? null, String(input.password));
    if (!row || !ok) {
      await this.throttle.fail(email, address);
      throw appError('UNAUTHENTICATED', 'E-mailadres of wachtwoord klopt niet / Wrong e-mail address or password');
    }
    await this.throttle.succeeded(email, address);
    const user = { id: row.id, email: row.email, displayName: row.displayName };
    return { user, session: await this.sessions.issue(row.id) };
  }

  /** Changes the password after checking the current one; every other session of the user ends. */
  async changePassword(
    user: AuthUser,
    keepToken: string | null,
    input: { currentPassword: string; newPassword: string },
    address: string,
  ): Promise<number> {
    const wait = await this.throttle.retryAfter(user.email, address);
    if (wait > 0) throw rateLimited(wait);
    await this.throttle.slowDown(user.email);
    const row = await this.db
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :id', { id: user.id })
      .getOne();
    if (!row || !(await this.hasher.verify(row.passwordHash, String(input.currentPassword)))) {
      await this.throttle.fail(user.email, address);
      throw badInput('Je huidige wachtwoord klopt niet / Your current password is wrong', 'currentPassword');
    }
    const password = validatePassword(input.newPassword);
    if (password === input.currentPassword)
      throw badInput(
        'Kies een ander wachtwoord dan je huidige / Choose a password other than your current one',
        'newPassword',
      );
    await this.db.getRepository(UserEntity).update({ id: user.id }, { passwordHash: await this.hasher.hash(password) });
    return this.sessions.revokeOthers(user.id, keepToken);
  }

  logout(token: string): Promise<void> {
    return this.sessions.revoke(token);
  }
}
