import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { CommunitiesModule } from '../communities/communities.module';
import { PrivacyModule } from '../privacy/privacy.module';
import { CommunitySettingsResolver } from './community-settings.resolver';

/** Community settings: the feature above communities and privacy that changes what a community shares. */
@Module({
  imports: [AccessModule, CommunitiesModule, PrivacyModule],
  providers: [CommunitySettingsResolver],
})
export class CommunitySettingsModule {}
