import { Module } from '@nestjs/common';
import { CollabModule } from '../collab/collab.module';
import { ItemsModule } from '../items/items.module';
import { GuidelinesResolver } from './guidelines.resolver';
import { GuidelinesService } from './guidelines.service';
import { AccessModule } from '../access/access.module';
import { AuditModule } from '../audit/audit.module';

@Module({ imports: [ItemsModule, CollabModule, AccessModule, AuditModule], providers: [GuidelinesService, GuidelinesResolver] })
export class GuidelinesModule {}
