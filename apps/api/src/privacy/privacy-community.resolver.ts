import { Args, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { can } from '@spiraal/domain';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../common/request-context';
import { CommunitiesService } from '../communities/communities.service';
import { CommunityType } from '../communities/community.types';
import { Ctx, Viewer } from '../common/request-context';
import type { GqlContext } from '../common/request-context';
import { PrivacyAttentionType, SetRetentionInput } from './privacy.types';
import { PrivacyService } from './privacy.service';

/** The bewaartermijn of a community and the cases past it with open personal data (docs/privacy.md). */
@Resolver(() => CommunityType)
export class PrivacyCommunityResolver {
  constructor(
    private readonly privacy: PrivacyService,
    private readonly access: AccessService,
    private readonly communities: CommunitiesService,
  ) {}

  @ResolveField(() => Int, { nullable: true, description: 'Bewaartermijn for cases, in months (null: none set)' })
  retentionMonths(@Parent() community: CommunityType): Promise<number | null> {
    return this.privacy.retentionMonths(community.id);
  }

  @ResolveField(() => [PrivacyAttentionType], {
    description: 'Cases older than the bewaartermijn with open personal data (facilitators; empty for others)',
  })
  async privacyAttention(@Parent() community: CommunityType, @Ctx() ctx: GqlContext): Promise<PrivacyAttentionType[]> {
    if (!ctx.user) return [];
    const { access } = await this.access.toCommunity(ctx.user, community.id, 'community.read');
    if (!can(access, 'community.settings')) return [];
    return this.privacy.attention(community.id);
  }

  @Mutation(() => CommunityType, { description: 'Set the bewaartermijn for cases (facilitators)' })
  async setRetention(@Viewer() viewer: AuthUser, @Args('input') input: SetRetentionInput): Promise<CommunityType> {
    await this.privacy.setRetention(viewer, input);
    return this.communities.get(viewer, input.communityId);
  }
}
