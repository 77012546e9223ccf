import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { normalizeEmail, validatePassword } from '@spiraal/domain';
import { DataSource } from 'typeorm';
import { badInput } from '../common/errors';
import { RateLimits } from '../common/rate-limits';
import { MailService } from '../mail/mail.service';
import { UserEntity } from '../database/entities/user.entity';
import { PasswordHasher } from './password-hasher';
import { createResetToken, hashResetToken, RESET_PATH } from './password-reset-token';
import { SessionService } from './session.service';
import type { SignedIn } from './auth.service';

const logger = new Logger('PasswordReset');

/**
 * Forgotten passwords: a single-use link valid for 30 minutes, mailed through
 * the mail outbox (apps/api/src/mail) when SMTP_URL is set; without mail an
 * administrator prints one with `npm run user:reset-password`.
 */
@Injectable()
export class PasswordResetService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionService,
    private readonly mail: MailService,
    private readonly limits: RateLimits,
  ) {}

  /** The same answer for every address, known or not: nobody learns who has an account here. */
  async request(rawEmail: string, address: string): Promise<void> {
    await this.limits.passwordResetRequest(address);
    const email = normalizeEmail(String(rawEmail)).slice(0, 320);
    const user = await this.db.getRepository(UserEntity).findOneBy({ email });
    if (!user || !this.mail.enabled || !(await this.limits.passwordResetMail(user.id))) return;
    await this.db.transaction(async (tx) => {
      const token = await createResetToken((sql, params) => tx.query(sql, params), user.id);
      const link = this.mail.link(`${RESET_PATH}?token=${encodeURIComponent(token)}`);
      await this.mail.enqueue(resetMail(user.email, user.displayName, link), { manager: tx });
    });
    logger.log(`Reset link mailed for user ${user.id}`);
  }

  /** Sets the new password with a valid link; every session of the account ends and a new one starts here. */
  async reset(input: { token: string; password: string }): Promise<SignedIn> {
    const password = validatePassword(input.password);
    const token = String(input.token ?? '');
    const invalid = () =>
      badInput(
        'Deze link om je wachtwoord te herstellen is ongeldig, al gebruikt of verlopen (na 30 minuten). Vraag een nieuwe aan. / ' +
          'This reset link is invalid, used or expired (after 30 minutes). Ask for a new one.',
        'token',
      );
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) throw invalid();
    const passwordHash = await this.hasher.hash(password);
    const userId = await this.db.transaction(async (tx) => {
      // Taking the token and spending it is one statement: two uses at once cannot both succeed.
      const [rows]: [{ user_id: string }[], number] = await tx.query(
        `UPDATE password_resets SET used_at = now()
          WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()
          RETURNING user_id`,
        [hashResetToken(token)],
      );
      if (!rows.length) throw invalid();
      const id = rows[0].user_id;
      // Other links of this account stop working too.
      await tx.query(`UPDATE password_resets SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`, [id]);
      await tx.getRepository(UserEntity).update({ id }, { passwordHash });
      return id;
    });
    await this.sessions.revokeOthers(userId, null);
    const user = await this.db.getRepository(UserEntity).findOneByOrFail({ id: userId });
    return {
      user: { id: user.id, email: user.email, displayName: user.displayName },
      session: await this.sessions.issue(user.id),
    };
  }
}

function resetMail(to: string, name: string, link: string) {
  const text = [
    `Hallo ${name},`,
    '',
    'Je vroeg om je wachtwoord voor Spiraal te herstellen. Kies een nieuw wachtwoord via deze link (30 minuten geldig, één keer te gebruiken):',
    link,
    '',
    'Vroeg je dit niet? Dan hoef je niets te doen; je wachtwoord blijft hetzelfde.',
    '',
    '---',
    'You asked to reset your Spiraal password. Choose a new one through the link above (valid for 30 minutes, once). Did you not ask? Then do nothing.',
  ].join('\n');
  const html =
    `<p>Hallo ${escapeHtml(name)},</p>` +
    `<p>Je vroeg om je wachtwoord voor Spiraal te herstellen. Kies een nieuw wachtwoord via deze link (30 minuten geldig, één keer te gebruiken):</p>` +
    `<p><a href="${escapeHtml(link)}">Nieuw wachtwoord kiezen</a></p>` +
    `<p>Vroeg je dit niet? Dan hoef je niets te doen; je wachtwoord blijft hetzelfde.</p>` +
    `<hr><p lang="en">You asked to reset your Spiraal password. Choose a new one through the link above (valid for 30 minutes, once). Did you not ask? Then do nothing.</p>`;
  return { to, subject: 'Wachtwoord herstellen voor Spiraal / Reset your Spiraal password', text, html };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
