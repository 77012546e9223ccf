import { Module } from '@nestjs/common';
import { ItemBodyService } from './item-body.service';
import { ItemsResolver } from './items.resolver';
import { ItemsService } from './items.service';

@Module({ providers: [ItemsResolver, ItemsService, ItemBodyService], exports: [ItemsService, ItemBodyService] })
export class ItemsModule {}
