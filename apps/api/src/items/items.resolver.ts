import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../common/request-context';
import { CommunityType } from '../communities/community.types';
import { Ctx, Viewer } from '../common/request-context';
import type { GqlContext } from '../common/request-context';
import { loadUser, toUserType, UserType } from '../users/user.type';
import {
  AddStageReasonInput,
  CreateItemInput,
  ItemConnection,
  ItemFilter,
  ItemType,
  SetItemStageInput,
  StageChangeType,
  UpdateItemInput,
} from './item.types';
import { ItemsService } from './items.service';

/**
 * Knowledge items. Field resolvers below run only for items that a
 * query already returned through the access check.
 */
@Resolver(() => ItemType)
export class ItemsResolver {
  constructor(private readonly service: ItemsService) {}

  @Query(() => ItemConnection, { description: 'Items of a community, newest first' })
  async items(
    @Viewer() viewer: AuthUser,
    @Args('communityId', { type: () => ID }) communityId: string,
    @Args('filter', { type: () => ItemFilter, nullable: true }) filter: ItemFilter | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<ItemConnection> {
    const page = await this.service.list(viewer, communityId, filter ?? {}, first, after);
    const edges = page.items.map((node) => ({ node, cursor: this.service.cursorOf(node) }));
    return {
      edges,
      totalCount: page.totalCount,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }

  @Query(() => ItemType)
  item(@Viewer() viewer: AuthUser, @Args('id', { type: () => ID }) id: string): Promise<ItemType> {
    return this.service.get(viewer, id);
  }

  @Mutation(() => ItemType, { description: 'Create an item; `body` is Markdown' })
  createItem(@Viewer() viewer: AuthUser, @Args('input') input: CreateItemInput): Promise<ItemType> {
    return this.service.create(viewer, input);
  }

  @Mutation(() => ItemType, { description: 'Change title and/or tags' })
  updateItem(@Viewer() viewer: AuthUser, @Args('input') input: UpdateItemInput): Promise<ItemType> {
    return this.service.update(viewer, input);
  }

  @Mutation(() => ItemType, { description: 'Move an item to another SECI stage; the move is recorded' })
  setItemStage(@Viewer() viewer: AuthUser, @Args('input') input: SetItemStageInput): Promise<ItemType> {
    return this.service.setStage(viewer, input);
  }

  @Mutation(() => ItemType, {
    description: 'Add a forgotten reason to the last stage change, without moving the item again',
  })
  addStageReason(@Viewer() viewer: AuthUser, @Args('input') input: AddStageReasonInput): Promise<ItemType> {
    return this.service.addStageReason(viewer, input);
  }

  @Mutation(() => ItemType)
  archiveItem(@Viewer() viewer: AuthUser, @Args('id', { type: () => ID }) id: string): Promise<ItemType> {
    return this.service.archive(viewer, id);
  }

  @ResolveField(() => String, { description: 'The body exported as Markdown' })
  markdown(@Parent() item: ItemType): Promise<string> {
    return this.service.markdown(item.id);
  }

  @ResolveField(() => CommunityType)
  async community(@Parent() item: ItemType, @Ctx() ctx: GqlContext): Promise<CommunityType> {
    return (await ctx.loaders.community.load(item.communityId))!;
  }

  @ResolveField(() => [StageChangeType])
  async stageHistory(@Parent() item: ItemType, @Ctx() ctx: GqlContext): Promise<StageChangeType[]> {
    const changes = await ctx.loaders.stageHistory.load(item.id);
    const users = await ctx.loaders.user.loadMany(
      changes.map((c) => c.changedBy).filter((id): id is string => id !== null),
    );
    const byId = new Map(users.flatMap((u) => (u && !(u instanceof Error) ? [[u.id, u] as const] : [])));
    return changes.map((c) => {
      const by = c.changedBy ? byId.get(c.changedBy) : undefined;
      return {
        from: c.fromStage,
        to: c.toStage,
        reason: c.reason,
        at: c.changedAt,
        by: by ? toUserType(by, ctx.user?.id ?? null) : null,
      };
    });
  }

  @ResolveField(() => UserType, { nullable: true, description: 'Who started the item' })
  async createdBy(@Parent() item: ItemType, @Ctx() ctx: GqlContext): Promise<UserType | null> {
    return loadUser(ctx, item.createdBy);
  }

  @ResolveField(() => [UserType], { description: 'Everyone who contributed to the body' })
  async authors(@Parent() item: ItemType, @Ctx() ctx: GqlContext): Promise<UserType[]> {
    return (await ctx.loaders.authors.load(item.id)).map((u) => toUserType(u, ctx.user?.id ?? null));
  }
}
