import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { ServerSecretModule } from '../database/server-secret.module';
import { LiveModule } from '../live/live.module';
import { MailModule } from '../mail/mail.module';
import { DigestService } from './digest.service';
import { FollowsService } from './follows.service';
import { ItemMentionsService } from './item-mentions.service';
import { NotificationJobs } from './notification-jobs';
import { NotificationMailer } from './notification-mailer';
import { NotificationsService } from './notifications.service';
import { PreferencesService } from './preferences.service';
import { UnsubscribeController } from './unsubscribe.controller';

/**
 * Following, notifications, their mails and digests (docs/notifications.md).
 * Below the features, which raise notifications in their own transactions;
 * the GraphQL side is in inbox/.
 */
@Module({
  imports: [AccessModule, ServerSecretModule, MailModule, LiveModule],
  controllers: [UnsubscribeController],
  providers: [
    NotificationsService,
    FollowsService,
    ItemMentionsService,
    PreferencesService,
    NotificationMailer,
    DigestService,
    NotificationJobs,
  ],
  exports: [
    NotificationsService,
    FollowsService,
    ItemMentionsService,
    PreferencesService,
    DigestService,
    NotificationJobs,
  ],
})
export class NotificationsModule {}
