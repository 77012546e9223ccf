import { Module } from '@nestjs/common';
import { ItemBodyService } from './item-body.service';
import { ItemEvents } from './item-events';
import { ItemsResolver } from './items.resolver';
import { ItemsService } from './items.service';

@Module({ providers: [ItemsResolver, ItemsService, ItemBodyService, ItemEvents], exports: [ItemsService, ItemBodyService, ItemEvents] })
export class ItemsModule {}
