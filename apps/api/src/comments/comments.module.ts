import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { CommentsResolver, ItemCommentsResolver } from './comments.resolver';
import { CommentsService } from './comments.service';
import { AccessModule } from '../access/access.module';
import { CollabModule } from '../collab/collab.module';
import { CommentAnchorsService } from './comment-anchors.service';
import { CommentsLive } from './comments-live';
import { LiveModule } from '../live/live.module';

@Module({
  imports: [NotificationsModule, AccessModule, CollabModule, LiveModule],
  providers: [CommentsService, CommentsResolver, ItemCommentsResolver, CommentAnchorsService, CommentsLive],
  exports: [CommentsService],
})
export class CommentsModule {}
