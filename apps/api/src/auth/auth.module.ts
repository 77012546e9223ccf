import { Module } from '@nestjs/common';
import { AccountAlerts } from './account-alerts';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { LoginThrottle } from './login-throttle';
import { PasswordHasher } from './password-hasher';
import { PasswordResetService } from './password-reset.service';
import { SessionEvents } from './session-events';
import { SessionService } from './session.service';
import { MailModule } from '../mail/mail.module';
import { RedisModule } from '../redis/redis.module';
import { RateLimitsModule } from '../common/rate-limits.module';
import { EmailVerificationModule } from '../email-verification/email-verification.module';

@Module({
  imports: [RedisModule, RateLimitsModule, EmailVerificationModule, MailModule],
  providers: [
    AuthResolver,
    AuthService,
    PasswordHasher,
    PasswordResetService,
    SessionService,
    SessionEvents,
    LoginThrottle,
    AccountAlerts,
  ],
  exports: [SessionService, SessionEvents, PasswordHasher],
})
export class AuthModule {}
