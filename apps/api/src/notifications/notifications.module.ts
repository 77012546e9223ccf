import { Global, Module } from '@nestjs/common';
import { ServerSecretService } from '../collab/server-secret.service';
import { DigestService } from './digest.service';
import { FollowsService } from './follows.service';
import { ItemMentionsService } from './item-mentions.service';
import { NotificationJobs } from './notification-jobs';
import { NotificationMailer } from './notification-mailer';
import { CommunityFollowResolver, ItemFollowResolver, NotificationsResolver } from './notifications.resolver';
import { NotificationsService } from './notifications.service';
import { PreferencesService } from './preferences.service';
import { UnsubscribeController } from './unsubscribe.controller';

/** Following, the inbox, notification mails and digests (docs/notifications.md). Global: features notify from their own services. */
@Global()
@Module({
  controllers: [UnsubscribeController],
  providers: [
    NotificationsService,
    FollowsService,
    ItemMentionsService,
    PreferencesService,
    NotificationMailer,
    DigestService,
    NotificationJobs,
    ServerSecretService,
    NotificationsResolver,
    ItemFollowResolver,
    CommunityFollowResolver,
  ],
  exports: [NotificationsService, FollowsService, ItemMentionsService, DigestService, NotificationJobs],
})
export class NotificationsModule {}
