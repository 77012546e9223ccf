import { Module } from '@nestjs/common';
import { RateLimitsModule } from '../common/rate-limits.module';
import { ServerSecretModule } from '../database/server-secret.module';
import { EmailVerificationResolver } from './email-verification.resolver';
import { EmailVerificationService } from './email-verification.service';

/** Proof of control of an account's e-mail address (README, "Leden uitnodigen"). */
@Module({
  imports: [RateLimitsModule, ServerSecretModule],
  providers: [EmailVerificationService, EmailVerificationResolver],
  exports: [EmailVerificationService],
})
export class EmailVerificationModule {}
