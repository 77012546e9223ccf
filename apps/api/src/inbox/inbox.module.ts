import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { CommunityFollowResolver, ItemFollowResolver, NotificationsResolver } from './inbox.resolver';

/** The GraphQL side of notifications: the inbox, following, mail preferences (docs/notifications.md). */
@Module({
  imports: [NotificationsModule],
  providers: [NotificationsResolver, ItemFollowResolver, CommunityFollowResolver],
})
export class InboxModule {}
