import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { LIMITS } from '@spiraal/domain';
import type { AuthUser } from '../common/request-context';
import { Viewer } from '../common/request-context';
import { toUserType, UserType } from '../users/user.type';
import {
  ChangeMemberRoleInput,
  CommunityType,
  CreateCommunityInput,
  JoinRequestType,
  MemberType,
  RemoveMemberInput,
  SetMemberPerspectiveInput,
} from './community.types';
import { CommunitiesService, CommunityView, MemberView } from './communities.service';
import { JoinRequestsService } from './join-requests.service';

/** A community as the directory shows it: its facilitators and whether the viewer asked to join, loaded for all at once. */
type DirectoryView = CommunityView & { facilitatorList?: UserType[]; joinRequested?: boolean };

function toMemberType(member: MemberView, viewer: AuthUser): MemberType {
  return {
    user: toUserType(member.user, viewer.id),
    role: member.role,
    perspective: member.perspective,
    email: member.email,
    joinedAt: member.joinedAt,
  };
}

@Resolver(() => CommunityType)
export class CommunitiesResolver {
  constructor(
    private readonly service: CommunitiesService,
    private readonly requests: JoinRequestsService,
  ) {}

  @Query(() => [CommunityType], {
    description: 'De gids: every NETWORK and LISTED community and your own, with name, description and facilitators',
  })
  async communityDirectory(@Viewer() viewer: AuthUser): Promise<DirectoryView[]> {
    const communities = await this.service.directory(viewer);
    const ids = communities.map((c) => c.id);
    const [facilitators, pending] = await Promise.all([
      this.service.facilitators(ids),
      this.requests.pendingFor(viewer.id, ids),
    ]);
    return communities.map((c) => ({
      ...c,
      facilitatorList: (facilitators.get(c.id) ?? []).map((u) => toUserType(u, viewer.id)),
      joinRequested: pending.has(c.id),
    }));
  }

  @ResolveField(() => [UserType], {
    description: 'Who runs the community; visible to whoever may see it (the directory)',
  })
  async facilitators(@Viewer() viewer: AuthUser, @Parent() community: DirectoryView): Promise<UserType[]> {
    if (community.facilitatorList) return community.facilitatorList;
    return ((await this.service.facilitators([community.id])).get(community.id) ?? []).map((u) =>
      toUserType(u, viewer.id),
    );
  }

  @ResolveField(() => Boolean, { description: 'You asked to join and no facilitator has answered yet' })
  async joinRequested(@Viewer() viewer: AuthUser, @Parent() community: DirectoryView): Promise<boolean> {
    return community.joinRequested ?? (await this.requests.pendingFor(viewer.id, [community.id])).has(community.id);
  }

  @Mutation(() => Boolean, {
    description: 'Vraag om lid te worden of a LISTED or NETWORK community; its facilitators answer',
  })
  async requestToJoin(
    @Viewer() viewer: AuthUser,
    @Args('communityId', { type: () => ID }) communityId: string,
    @Args('message', { type: () => String, nullable: true, description: `At most ${LIMITS.reasonMax} characters` })
    message?: string | null,
  ): Promise<boolean> {
    await this.requests.request(viewer, communityId, message);
    return true;
  }

  @Query(() => [JoinRequestType], { description: 'Open requests to join, oldest first (facilitators)' })
  async joinRequests(
    @Viewer() viewer: AuthUser,
    @Args('communityId', { type: () => ID }) communityId: string,
  ): Promise<JoinRequestType[]> {
    return (await this.requests.open(viewer, communityId)).map((r) => ({ ...r, user: toUserType(r.user, viewer.id) }));
  }

  @Mutation(() => Boolean, {
    description: 'Accept (the asker becomes a member) or decline a request to join (facilitators)',
  })
  async answerJoinRequest(
    @Viewer() viewer: AuthUser,
    @Args('id', { type: () => ID }) id: string,
    @Args('accept', { type: () => Boolean }) accept: boolean,
  ): Promise<boolean> {
    await this.requests.answer(viewer, id, accept);
    return true;
  }

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

  @Mutation(() => MemberType, {
    description: 'Change the perspective a member brings (facilitators, or the member themselves)',
  })
  async setMemberPerspective(
    @Viewer() viewer: AuthUser,
    @Args('input') input: SetMemberPerspectiveInput,
  ): Promise<MemberType> {
    return toMemberType(await this.service.setMemberPerspective(viewer, input), viewer);
  }

  @Mutation(() => Boolean, { description: 'Remove a member (facilitators), or leave yourself' })
  removeMember(@Viewer() viewer: AuthUser, @Args('input') input: RemoveMemberInput): Promise<boolean> {
    return this.service.removeMember(viewer, input);
  }
}
