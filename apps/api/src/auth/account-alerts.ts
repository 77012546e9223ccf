import { Injectable, Logger } from '@nestjs/common';

/**
 * Tells the owner of an account that someone is trying passwords on it.
 * Logged here; the e-mail to the owner goes through the mail layer when it
 * is configured (see AuthModule).
 */
@Injectable()
export class AccountAlerts {
  private readonly logger = new Logger(AccountAlerts.name);

  async underAttack(email: string, failures: number): Promise<void> {
    // The address itself is not logged (docs: no personal data in logs); the count says enough.
    this.logger.warn(`Failed sign-ins on one account: ${failures} in 15 minutes`);
    void email;
  }
}
