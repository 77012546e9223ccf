import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../common/request-context';
import { Viewer } from '../common/request-context';
import { CommunitiesService, CommunityView } from '../communities/communities.service';
import { CommunityType } from '../communities/community.types';
import { PrivacyService } from '../privacy/privacy.service';
import { UpdateCommunityInput } from './community-settings.types';

/**
 * A community's settings, composed from the communities and privacy features:
 * making a community network-visible shares its cases with the whole network,
 * so the privacy gate stands before it as before a promotion (docs/privacy.md).
 */
@Resolver()
export class CommunitySettingsResolver {
  constructor(
    private readonly communities: CommunitiesService,
    private readonly privacy: PrivacyService,
    private readonly access: AccessService,
  ) {}

  @Mutation(() => CommunityType, {
    description: 'Change name, description or visibility (facilitators); recorded in the audit log',
  })
  async updateCommunity(
    @Viewer() viewer: AuthUser,
    @Args('input') input: UpdateCommunityInput,
  ): Promise<CommunityView> {
    const { community, access } = await this.access.toCommunity(viewer, input.id, 'community.manage');
    if (input.visibility === 'NETWORK' && community.visibility !== 'NETWORK') {
      await this.privacy.gate(
        null,
        viewer,
        {
          communityId: input.id,
          items: await this.privacy.communityItems(input.id),
          action: 'community.visibility',
          isFacilitator: access === 'FACILITATOR',
        },
        input.privacyOverride,
      );
    }
    const { privacyOverride: _override, ...change } = input;
    return this.communities.update(viewer, change);
  }
}
