import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../common/request-context';
import { RateLimits } from '../common/rate-limits';
import { ServerSecretService } from '../database/server-secret.service';
import { MailService } from '../mail/mail.service';
import {
  parseVerification,
  signVerification,
  VERIFICATION_PATH,
  VERIFICATION_TTL_MS,
  verifyVerification,
} from './email-verification-token';

const SECRET = 'email-verification';

/**
 * Proof that an account's owner receives mail at its address (issue 20):
 * what the app trusts before it shows or hands over invitations to that
 * address. Verified by the link in a verification mail (sent at registration
 * and on request, when mail is configured) or by accepting a mailed
 * invitation link. Without mail nothing is ever verified; invitations are
 * then accepted through the link the facilitator passes on (README).
 */
@Injectable()
export class EmailVerificationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly secrets: ServerSecretService,
    private readonly mail: MailService,
    private readonly limits: RateLimits,
  ) {}

  /** Whether a link that reached an address proves control of it (it went out by mail only). */
  get linksProveAddress(): boolean {
    return this.mail.enabled;
  }

  async isVerified(user: AuthUser, manager: EntityManager = this.db.manager): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM users WHERE id = $1 AND email = $2 AND email_verified_at IS NOT NULL`,
      [user.id, user.email],
    );
    return rows.length > 0;
  }

  /** Marks the address verified, as long as it is still the account's address. */
  async markVerified(userId: string, email: string, manager: EntityManager = this.db.manager): Promise<void> {
    await manager.query(
      `UPDATE users SET email_verified_at = now() WHERE id = $1 AND email = $2 AND email_verified_at IS NULL`,
      [userId, email],
    );
  }

  /** Mails a verification link (when mail is on, the address unverified, and the account not over its limit). */
  async send(user: AuthUser, manager?: EntityManager): Promise<void> {
    if (!this.mail.enabled) return;
    if (await this.isVerified(user, manager)) return;
    if (!(await this.limits.verificationMail(user.id))) return;
    const secret = await this.secrets.get(SECRET);
    const token = signVerification(secret, {
      userId: user.id,
      email: user.email,
      expiresAt: Date.now() + VERIFICATION_TTL_MS,
    });
    const link = this.mail.link(`${VERIFICATION_PATH}?token=${encodeURIComponent(token)}`);
    await this.mail.enqueue(
      {
        to: user.email,
        subject: 'Bevestig je e-mailadres / Confirm your e-mail address',
        text:
          `Bevestig dat dit jouw e-mailadres is voor Spiraal:\n${link}\n\n` +
          `Heb je geen account aangemaakt? Dan hoef je niets te doen.\n\n` +
          `Confirm this is your e-mail address for Spiraal: ${link}\n`,
        html:
          `<p>Bevestig dat dit jouw e-mailadres is voor Spiraal: <a href="${escape(link)}">e-mailadres bevestigen</a></p>` +
          `<p>Heb je geen account aangemaakt? Dan hoef je niets te doen.</p>` +
          `<hr><p lang="en"><a href="${escape(link)}">Confirm your e-mail address</a></p>`,
      },
      { manager },
    );
  }

  /** Takes the token of a verification link; false when it is malformed, forged, expired or for an old address. */
  async verify(token: string): Promise<boolean> {
    const parsed = parseVerification(token);
    if (!parsed) return false;
    const [user]: { email: string }[] = await this.db.query(`SELECT email FROM users WHERE id = $1`, [parsed.userId]);
    if (!user) return false;
    const secret = await this.secrets.get(SECRET);
    if (!verifyVerification(secret, token, { ...parsed, email: user.email })) return false;
    await this.markVerified(parsed.userId, user.email);
    return true;
  }
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
