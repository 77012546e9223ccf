import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { isUuid } from '@spiraal/domain';
import type { AuthUser } from '../common/request-context';
import { Ctx, Viewer } from '../common/request-context';
import type { GqlContext } from '../common/request-context';
import { GuidelineVersionType } from '../guidelines/guideline.types';
import { ItemType } from '../items/item.types';
import { loadUser, UserType } from '../users/user.type';
import { DecideProposalsInput, ProposalType } from './proposal.types';
import { ProposalsService } from './proposals.service';

/** Voorstellen: listed with the item, decided by its author or a facilitator. */
@Resolver(() => ItemType)
export class ProposalsResolver {
  constructor(private readonly service: ProposalsService) {}

  @Query(() => [ProposalType], { description: 'The open voorstellen (proposals) in an item’s live text' })
  async proposals(
    @Viewer() viewer: AuthUser,
    @Args('itemId', { type: () => ID }) itemId: string,
    @Ctx() ctx: GqlContext,
  ): Promise<ProposalType[]> {
    const proposals = await this.service.list(viewer, itemId);
    return Promise.all(
      proposals.map(async (p) => ({
        id: p.id,
        author: isUuid(p.authorId) ? await loadUser(ctx, p.authorId) : null,
        authorName: p.authorName,
        createdAt: p.createdAt,
        inserted: p.inserted,
        deleted: p.deleted,
      })),
    );
  }

  @Mutation(() => ItemType, {
    description:
      'Accept voorstellen (the item’s author or a facilitator): inserted text stays, deleted text goes. On an adopted guideline this makes its next version',
  })
  acceptProposals(@Viewer() viewer: AuthUser, @Args('input') input: DecideProposalsInput): Promise<ItemType> {
    return this.service.decide(viewer, input, 'accept');
  }

  @Mutation(() => ItemType, {
    description: 'Reject voorstellen (the item’s author or a facilitator): the text stays as it was',
  })
  rejectProposals(@Viewer() viewer: AuthUser, @Args('input') input: DecideProposalsInput): Promise<ItemType> {
    return this.service.decide(viewer, input, 'reject');
  }
}

@Resolver(() => GuidelineVersionType)
export class GuidelineVersionProposersResolver {
  constructor(private readonly service: ProposalsService) {}

  @ResolveField(() => [UserType], {
    description: 'Provenance: who proposed the voorstellen accepted into this version',
  })
  async proposedBy(@Parent() version: GuidelineVersionType, @Ctx() ctx: GqlContext): Promise<UserType[]> {
    const ids = await this.service.proposersOf(version.guidelineId, version.number);
    const users = await Promise.all(ids.map((id) => loadUser(ctx, id)));
    return users.filter((u): u is UserType => u !== null);
  }
}
