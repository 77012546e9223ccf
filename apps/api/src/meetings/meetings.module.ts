import { Module } from '@nestjs/common';
import { CommentsModule } from '../comments/comments.module';
import { ItemsModule } from '../items/items.module';
import { MeetingsResolver } from './meetings.resolver';
import { MeetingsService } from './meetings.service';

@Module({ imports: [ItemsModule, CommentsModule], providers: [MeetingsService, MeetingsResolver] })
export class MeetingsModule {}
