import { Module } from '@nestjs/common';
import { CommentsResolver, ItemCommentsResolver } from './comments.resolver';
import { CommentsService } from './comments.service';

@Module({ providers: [CommentsService, CommentsResolver, ItemCommentsResolver], exports: [CommentsService] })
export class CommentsModule {}
