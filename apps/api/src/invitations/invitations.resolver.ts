import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthPayload } from '../auth/auth.types';
import { setSessionCookie } from '../auth/auth.resolver';
import { SessionService } from '../auth/session.service';
import type { AuthUser } from '../common/request-context';
import { Ctx, Viewer } from '../common/request-context';
import type { GqlContext } from '../common/request-context';
import { CommunitiesService, CommunityView } from '../communities/communities.service';
import { CommunityType } from '../communities/community.types';
import { toUserType } from '../users/user.type';
import { AcceptInvitationLinkInput, InvitationType, InviteMemberInput } from './invitation.types';
import { InvitationsService } from './invitations.service';

const LINK_TOKEN = {
  type: () => String,
  nullable: true,
  description: 'The token of the invitation link (/uitnodiging?token=…); not needed once your address is verified',
} as const;

/** Null for a missing token; bounded, so a long string costs nothing. */
function linkToken(token: string | null | undefined): string | null {
  return token === null || token === undefined ? null : String(token).slice(0, 200);
}

@Resolver(() => InvitationType)
export class InvitationsResolver {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly communities: CommunitiesService,
    private readonly sessions: SessionService,
  ) {}

  @Mutation(() => InvitationType, {
    description:
      'Uitnodigen: invite an e-mail address to the community (facilitators); the answer is the same whether or not it has an account',
  })
  inviteMember(@Viewer() viewer: AuthUser, @Args('input') input: InviteMemberInput): Promise<InvitationType> {
    return this.invitations.invite(viewer, input);
  }

  @Query(() => [InvitationType], { description: 'Open invitations to your own e-mail address' })
  myInvitations(@Viewer() viewer: AuthUser): Promise<InvitationType[]> {
    return this.invitations.mine(viewer);
  }

  @Query(() => [InvitationType], { description: 'Open invitations of a community (facilitators)' })
  communityInvitations(
    @Viewer() viewer: AuthUser,
    @Args('communityId', { type: () => ID }) communityId: string,
  ): Promise<InvitationType[]> {
    return this.invitations.ofCommunity(viewer, communityId);
  }

  @Mutation(() => CommunityType, {
    description:
      'Accept an invitation to your address: you become a member. Prove the address is yours with the token of the invitation link, or have it verified',
  })
  async acceptInvitation(
    @Viewer() viewer: AuthUser,
    @Args('id', { type: () => ID }) id: string,
    @Args('token', { ...LINK_TOKEN }) token: string | null,
  ): Promise<CommunityView> {
    return this.communities.get(viewer, await this.invitations.accept(viewer, id, linkToken(token)));
  }

  @Mutation(() => Boolean, {
    description: 'Decline an invitation to your address (proved as for acceptInvitation)',
  })
  declineInvitation(
    @Viewer() viewer: AuthUser,
    @Args('id', { type: () => ID }) id: string,
    @Args('token', { ...LINK_TOKEN }) token: string | null,
  ): Promise<boolean> {
    return this.invitations.decline(viewer, id, linkToken(token));
  }

  @Mutation(() => Boolean, { description: 'Withdraw an open invitation (facilitators of its community)' })
  withdrawInvitation(@Viewer() viewer: AuthUser, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.invitations.withdraw(viewer, id);
  }

  @Mutation(() => AuthPayload, {
    description:
      'Accept through the link in the invitation mail, creating your account (for an address without one); signs you in',
  })
  async acceptInvitationLink(
    @Args('input') input: AcceptInvitationLinkInput,
    @Ctx() ctx: GqlContext,
  ): Promise<AuthPayload> {
    const { user } = await this.invitations.acceptWithNewAccount(input, ctx.req.ip ?? 'unknown');
    const session = await this.sessions.issue(user.id);
    setSessionCookie(ctx.res, session.token, session.expiresAt, ctx.req.secure);
    return { token: session.token, user: toUserType(user, user.id) };
  }
}
