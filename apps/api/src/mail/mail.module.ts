import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { MailOutboxWorker } from './mail-outbox.worker';
import { MailService } from './mail.service';

/**
 * Outgoing mail through the outbox (SMTP_URL); imported by the modules that
 * mail (notifications, invitations, e-mail verification, auth), not global
 * (docs/decisions/0007-api-layers.md).
 */
@Module({
  imports: [AccessModule],
  providers: [MailService, MailOutboxWorker],
  exports: [MailService, MailOutboxWorker],
})
export class MailModule {}
