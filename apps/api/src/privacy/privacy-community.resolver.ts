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
  async retentionMonths(@Parent() community: CommunityType, @Ctx() ctx: GqlContext): Promise<number | null> {
    return (await this.settingsAccess(community, ctx)) ? this.privacy.retentionMonths(community.id) : null;
  }

  @ResolveField(() => [PrivacyAttentionType], {
    description: 'Cases older than the bewaartermijn with open personal data (facilitators; empty for others)',
  })
  async privacyAttention(@Parent() community: CommunityType, @Ctx() ctx: GqlContext): Promise<PrivacyAttentionType[]> {
    return (await this.settingsAccess(community, ctx)) ? this.privacy.attention(community.id) : [];
  }

  /**
   * Whether the viewer may see the community's privacy settings. Never throws: the directory lists
   * communities the viewer cannot read, and one such row must not fail the whole answer.
   */
  private async settingsAccess(community: CommunityType, ctx: GqlContext): Promise<boolean> {
    if (!ctx.user) return false;
    try {
      const { access } = await this.access.toCommunity(ctx.user, community.id, 'community.read');
      return can(access, 'community.settings');
    } catch {
      return false;
    }
  }

  @Mutation(() => CommunityType, { description: 'Set the bewaartermijn for cases (facilitators)' })
  async setRetention(@Viewer() viewer: AuthUser, @Args('input') input: SetRetentionInput): Promise<CommunityType> {
    await this.privacy.setRetention(viewer, input);
    return this.communities.get(viewer, input.communityId);
  }
}
