import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { CommentsResolver, ItemCommentsResolver } from './comments.resolver';
import { CommentsService } from './comments.service';
import { AccessModule } from '../access/access.module';

@Module({
  imports: [NotificationsModule, AccessModule],
  providers: [CommentsService, CommentsResolver, ItemCommentsResolver],
  exports: [CommentsService],
})
export class CommentsModule {}
