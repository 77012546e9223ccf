import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { AuditModule } from '../audit/audit.module';
import { CollabModule } from '../collab/collab.module';
import { ItemsModule } from '../items/items.module';
import { CommunitiesModule } from '../communities/communities.module';
import { PrivacyCommunityResolver } from './privacy-community.resolver';
import { PrivacyResolver } from './privacy.resolver';
import { PrivacyService } from './privacy.service';

@Module({
  imports: [ItemsModule, CollabModule, CommunitiesModule, AccessModule, AuditModule],
  providers: [PrivacyService, PrivacyResolver, PrivacyCommunityResolver],
  exports: [PrivacyService],
})
export class PrivacyModule {}
