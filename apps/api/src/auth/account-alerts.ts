import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RateCounter } from '../common/rate-limiter';
import { rateCounter } from '../common/redis-rate-limiter';
import { MailService } from '../mail/mail.service';
import { RedisService } from '../redis/redis.service';
import { UserEntity } from '../database/entities/user.entity';

/**
 * Tells the owner of an account that someone is trying passwords on it: a
 * warning in the log, and an e-mail when mail is configured (at most one an
 * hour per account, over all processes; none for an address without an
 * account, which would only help someone spam it).
 */
@Injectable()
export class AccountAlerts {
  private readonly logger = new Logger(AccountAlerts.name);
  private readonly mailed: RateCounter;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly mail: MailService,
    redis: RedisService,
  ) {
    this.mailed = rateCounter(redis, 'attack-warnings', 1, 3_600_000);
  }

  async underAttack(email: string, failures: number): Promise<void> {
    // The address itself is not logged (no personal data in logs); the count says enough.
    this.logger.warn(`Failed sign-ins on one account: ${failures} in 15 minutes`);
    if (!this.mail.enabled) return;
    const user = await this.db.getRepository(UserEntity).findOneBy({ email });
    if (!user || (await this.mailed.hit(email)) > 0) return;
    const nl = `Iemand probeert in te loggen op je Spiraal-account met verkeerde wachtwoorden (${failures} keer in het afgelopen kwartier). Je account is niet geblokkeerd: jij kunt gewoon inloggen. Adressen met te veel mislukte pogingen worden tijdelijk geweigerd.`;
    const en = `Someone is trying to sign in to your Spiraal account with wrong passwords (${failures} times in the last quarter of an hour). Your account is not locked: you can sign in as usual. Addresses with too many failures are refused for a while.`;
    const advice = `Was jij het niet? Kies een sterk wachtwoord dat je nergens anders gebruikt (Account > Wachtwoord wijzigen): ${this.mail.link('/')}`;
    await this.mail.enqueue({
      to: user.email,
      subject: 'Mislukte inlogpogingen op je account / Failed sign-ins on your account',
      text: `Hallo ${user.displayName},\n\n${nl}\n\n${advice}\n\n${en}\n`,
      html: `<p>${nl}</p><p>${advice.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p><hr><p lang="en">${en}</p>`,
    });
  }
}
