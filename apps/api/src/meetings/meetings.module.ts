import { Module } from '@nestjs/common';
import { CommentsModule } from '../comments/comments.module';
import { ItemsModule } from '../items/items.module';
import { MeetingsResolver } from './meetings.resolver';
import { MeetingsService } from './meetings.service';
import { AccessModule } from '../access/access.module';

@Module({ imports: [ItemsModule, CommentsModule, AccessModule], providers: [MeetingsService, MeetingsResolver] })
export class MeetingsModule {}
