import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { RateLimitsModule } from '../common/rate-limits.module';
import { ServerSecretModule } from '../database/server-secret.module';
import { EmailVerificationModule } from '../email-verification/email-verification.module';
import { MailModule } from '../mail/mail.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { CommunitiesModule } from '../communities/communities.module';
import { InvitationMailer } from './invitation-mailer';
import { InvitationsResolver } from './invitations.resolver';
import { InvitationsService } from './invitations.service';

/** Invitations by e-mail: joining a community with consent (README, "Leden uitnodigen"); mails through the MailModule. */
@Module({
  imports: [
    AuthModule,
    CommunitiesModule,
    AccessModule,
    AuditModule,
    RateLimitsModule,
    ServerSecretModule,
    EmailVerificationModule,
    MailModule,
    NotificationsModule,
  ],
  providers: [InvitationsResolver, InvitationsService, InvitationMailer],
})
export class InvitationsModule {}
