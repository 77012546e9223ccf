import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { RateLimitsModule } from '../common/rate-limits.module';
import { ServerSecretService } from '../database/server-secret.service';
import { CommunitiesModule } from '../communities/communities.module';
import { InvitationMailer } from './invitation-mailer';
import { InvitationsResolver } from './invitations.resolver';
import { InvitationsService } from './invitations.service';

/** Invitations by e-mail: joining a community with consent (README, "Leden uitnodigen"); mails through the global MailModule. */
@Module({
  imports: [AuthModule, CommunitiesModule, AccessModule, AuditModule, RateLimitsModule],
  providers: [InvitationsResolver, InvitationsService, InvitationMailer, ServerSecretService],
})
export class InvitationsModule {}
