import { Module } from '@nestjs/common';
import { RateLimitsModule } from '../common/rate-limits.module';
import { ServerSecretModule } from '../database/server-secret.module';
import { MailModule } from '../mail/mail.module';
import { EmailVerificationResolver } from './email-verification.resolver';
import { EmailVerificationService } from './email-verification.service';

/** Proof of control of an account's e-mail address (README, "Leden uitnodigen"). */
@Module({
  imports: [RateLimitsModule, ServerSecretModule, MailModule],
  providers: [EmailVerificationService, EmailVerificationResolver],
  exports: [EmailVerificationService],
})
export class EmailVerificationModule {}
