import { Global, Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { MailOutboxWorker } from './mail-outbox.worker';
import { MailService } from './mail.service';

/** Outgoing mail through the outbox (SMTP_URL); used by notifications, invitations, password resets. */
@Global()
@Module({ imports: [AccessModule], providers: [MailService, MailOutboxWorker], exports: [MailService, MailOutboxWorker] })
export class MailModule {}
