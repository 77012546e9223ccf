import { Module } from '@nestjs/common';
import { CollabModule } from '../collab/collab.module';
import { ItemsModule } from '../items/items.module';
import { PrivacyResolver } from './privacy.resolver';
import { PrivacyService } from './privacy.service';

@Module({ imports: [ItemsModule, CollabModule], providers: [PrivacyService, PrivacyResolver], exports: [PrivacyService] })
export class PrivacyModule {}
