import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import type { AuthUser } from '../common/request-context';
import { Ctx, Viewer } from '../common/request-context';
import type { GqlContext } from '../common/request-context';
import { ItemType } from '../items/item.types';
import { loadUser, UserType } from '../users/user.type';
import { AddCommentInput, CommentType } from './comment.types';
import { CommentRow, CommentsService } from './comments.service';

/** Klankbord. `Item.comments` runs only for items a query returned through the access check. */
@Resolver(() => CommentType)
export class CommentsResolver {
  /** One batch loader per request, so a list of items costs one query for all their comments. */
  private readonly loaders = new WeakMap<GqlContext, DataLoader<string, CommentRow[]>>();

  constructor(private readonly service: CommentsService) {}

  @Mutation(() => CommentType, {
    description: 'Klankbord: a question, reaction, summary or suggestion on an item (members and readers)',
  })
  addComment(@Viewer() viewer: AuthUser, @Args('input') input: AddCommentInput): Promise<CommentType> {
    return this.service.add(viewer, input);
  }

  @Mutation(() => CommentType, { description: 'Mark a comment as dealt with (its author or a facilitator)' })
  resolveComment(@Viewer() viewer: AuthUser, @Args('id', { type: () => ID }) id: string): Promise<CommentType> {
    return this.service.resolve(viewer, id);
  }

  @ResolveField(() => UserType, { nullable: true })
  async author(@Parent() comment: CommentType, @Ctx() ctx: GqlContext): Promise<UserType | null> {
    return loadUser(ctx, comment.authorId);
  }

  commentsOf(itemId: string, ctx: GqlContext): Promise<CommentRow[]> {
    let loader = this.loaders.get(ctx);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const groups = await this.service.forItems(ids);
        return ids.map((id) => groups.get(id) ?? []);
      });
      this.loaders.set(ctx, loader);
    }
    return loader.load(itemId);
  }
}

@Resolver(() => ItemType)
export class ItemCommentsResolver {
  constructor(private readonly klankbord: CommentsResolver) {}

  @ResolveField(() => [CommentType], {
    description: 'Klankbord: questions first, suggestions last ("uitstellen van oordeel")',
  })
  comments(@Parent() item: ItemType, @Ctx() ctx: GqlContext): Promise<CommentType[]> {
    return this.klankbord.commentsOf(item.id, ctx);
  }
}
