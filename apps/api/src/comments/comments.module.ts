import { Module } from '@nestjs/common';
import { CommentsResolver, ItemCommentsResolver } from './comments.resolver';
import { CommentsService } from './comments.service';
import { AccessModule } from '../access/access.module';

@Module({ imports: [AccessModule], providers: [CommentsService, CommentsResolver, ItemCommentsResolver], exports: [CommentsService] })
export class CommentsModule {}
