import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../common/request-context';
import { Ctx, Viewer } from '../common/request-context';
import type { GqlContext } from '../common/request-context';
import { toUserType, UserType } from '../users/user.type';
import { RevisionType } from './revision.types';
import { RevisionsService } from './revisions.service';

/** Reading saved versions; restoring one edits the live document (collab/revision-restore.resolver.ts). */
@Resolver(() => RevisionType)
export class RevisionsResolver {
  constructor(
    private readonly access: AccessService,
    private readonly revisions: RevisionsService,
  ) {}

  @Query(() => [RevisionType], { description: 'Saved versions of an item’s body, newest first' })
  async itemRevisions(
    @Viewer() viewer: AuthUser,
    @Args('itemId', { type: () => ID }) itemId: string,
  ): Promise<Omit<RevisionType, 'authors'>[]> {
    await this.access.toItem(viewer, itemId, 'community.read');
    return this.revisions.list(itemId);
  }

  @Query(() => RevisionType, { description: 'One saved version; ask for its text and markdown' })
  async revision(
    @Viewer() viewer: AuthUser,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<Omit<RevisionType, 'authors'>> {
    await this.access.toItem(viewer, await this.revisions.itemOf(id), 'community.read', 'Deze versie');
    return this.revisions.get(id);
  }

  @ResolveField(() => String, { description: 'The body as plain text' })
  async text(@Parent() revision: RevisionType): Promise<string> {
    return (await this.revisions.get(revision.id)).text;
  }

  @ResolveField(() => String, { description: 'The body as Markdown' })
  async markdown(@Parent() revision: RevisionType): Promise<string> {
    return RevisionsService.bodyOf((await this.revisions.get(revision.id)).state).markdown;
  }

  @ResolveField(() => [UserType])
  async authors(@Parent() revision: RevisionType, @Ctx() ctx: GqlContext): Promise<UserType[]> {
    const users = await ctx.loaders.user.loadMany(revision.authorIds);
    return users.flatMap((u) => (u && !(u instanceof Error) ? [toUserType(u, ctx.user?.id ?? null)] : []));
  }
}
