import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { ItemBodyService } from './item-body.service';
import { ItemEvents } from './item-events';
import { ItemLive } from './item-live';
import { ItemsResolver } from './items.resolver';
import { ItemsService } from './items.service';
import { AccessModule } from '../access/access.module';
import { AuditModule } from '../audit/audit.module';
import { DocumentsModule } from '../documents/documents.module';
import { RedisModule } from '../redis/redis.module';
import { TemplatesModule } from '../templates/templates.module';
import { LiveModule } from '../live/live.module';

@Module({
  imports: [NotificationsModule, AccessModule, AuditModule, DocumentsModule, RedisModule, TemplatesModule, LiveModule],
  providers: [ItemsResolver, ItemsService, ItemBodyService, ItemEvents, ItemLive],
  exports: [ItemsService, ItemBodyService, ItemEvents],
})
export class ItemsModule {}
