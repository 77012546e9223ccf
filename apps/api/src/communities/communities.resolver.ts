import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../auth/session.service';
import { Viewer } from '../common/request-context';
import { toUserType } from '../users/user.type';
import {
  ChangeMemberRoleInput,
  CommunityType,
  CreateCommunityInput,
  MemberType,
  RemoveMemberInput,
  SetMemberPerspectiveInput,
} from './community.types';
import { CommunitiesService, CommunityView, MemberView } from './communities.service';

function toMemberType(member: MemberView, viewer: AuthUser): MemberType {
  return { user: toUserType(member.user, viewer.id), role: member.role, perspective: member.perspective, email: member.email, joinedAt: member.joinedAt };
}

@Resolver(() => CommunityType)
export class CommunitiesResolver {
  constructor(private readonly service: CommunitiesService) {}

  @Query(() => [CommunityType], { description: 'Your leernetwerken and every NETWORK-visible one' })
  communities(@Viewer() viewer: AuthUser): Promise<CommunityView[]> {
    return this.service.list(viewer);
  }

  @Query(() => CommunityType)
  community(@Viewer() viewer: AuthUser, @Args('id', { type: () => ID }) id: string): Promise<CommunityView> {
    return this.service.get(viewer, id);
  }

  @ResolveField(() => [MemberType], { description: 'Visible to members of the community' })
  async members(@Viewer() viewer: AuthUser, @Parent() community: CommunityView): Promise<MemberType[]> {
    return (await this.service.members(viewer, community.id)).map((m) => toMemberType(m, viewer));
  }

  @Mutation(() => CommunityType, { description: 'Start a leernetwerk; you become its facilitator' })
  createCommunity(@Viewer() viewer: AuthUser, @Args('input') input: CreateCommunityInput): Promise<CommunityView> {
    return this.service.create(viewer, input);
  }

  @Mutation(() => MemberType, { description: 'Change a member’s role (facilitators)' })
  async changeMemberRole(@Viewer() viewer: AuthUser, @Args('input') input: ChangeMemberRoleInput): Promise<MemberType> {
    return toMemberType(await this.service.changeMemberRole(viewer, input), viewer);
  }

  @Mutation(() => MemberType, { description: 'Change the perspective a member brings (facilitators, or the member themselves)' })
  async setMemberPerspective(@Viewer() viewer: AuthUser, @Args('input') input: SetMemberPerspectiveInput): Promise<MemberType> {
    return toMemberType(await this.service.setMemberPerspective(viewer, input), viewer);
  }

  @Mutation(() => Boolean, { description: 'Remove a member (facilitators), or leave yourself' })
  removeMember(@Viewer() viewer: AuthUser, @Args('input') input: RemoveMemberInput): Promise<boolean> {
    return this.service.removeMember(viewer, input);
  }
}
