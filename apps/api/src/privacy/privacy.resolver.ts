import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../common/request-context';
import { Ctx, Viewer } from '../common/request-context';
import type { GqlContext } from '../common/request-context';
import { ItemType } from '../items/item.types';
import { DismissPrivacyFindingInput, PrivacyFindingType, PseudonymiseInput } from './privacy.types';
import { PrivacyService } from './privacy.service';

@Resolver(() => ItemType)
export class PrivacyResolver {
  constructor(private readonly privacy: PrivacyService) {}

  @ResolveField(() => [PrivacyFindingType], {
    description:
      'Open privacy findings in the current text (for those who may edit the item; an empty list for other readers)',
  })
  privacyFindings(@Parent() item: ItemType, @Ctx() ctx: GqlContext): Promise<PrivacyFindingType[]> {
    return this.privacy.visibleFindings(ctx.user, item.id);
  }

  @Mutation(() => ItemType, {
    description: 'Pseudonimiseren: replace findings (all open ones when findingIds is absent) in the live document',
  })
  pseudonymise(@Viewer() viewer: AuthUser, @Args('input') input: PseudonymiseInput): Promise<ItemType> {
    return this.privacy.pseudonymise(viewer, input);
  }

  @Mutation(() => ItemType, {
    description: 'Negeren: record that a finding is not personal data (or may stay), and why',
  })
  dismissPrivacyFinding(
    @Viewer() viewer: AuthUser,
    @Args('input') input: DismissPrivacyFindingInput,
  ): Promise<ItemType> {
    return this.privacy.dismiss(viewer, input);
  }
}
