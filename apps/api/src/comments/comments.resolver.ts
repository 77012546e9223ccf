import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import type { AuthUser } from '../common/request-context';
import { Ctx, Viewer } from '../common/request-context';
import type { GqlContext } from '../common/request-context';
import { groupBy } from '../common/loaders';
import { ItemType } from '../items/item.types';
import { loadUser, UserType } from '../users/user.type';
import {
  AddCommentInput,
  CommentAnchorType,
  CommentType,
  EditCommentInput,
  ReplyToCommentInput,
} from './comment.types';
import { CommentRow, CommentsService } from './comments.service';

interface Loaders {
  threads: DataLoader<string, CommentRow[]>;
  replies: DataLoader<string, CommentRow[]>;
  anchors: DataLoader<CommentRow, CommentAnchorType | null, string>;
}

/** Klankbord. `Item.comments` runs only for items a query returned through the access check. */
@Resolver(() => CommentType)
export class CommentsResolver {
  /** Batch loaders per request, so a list of items costs one query for all their comments. */
  private readonly loaders = new WeakMap<GqlContext, Loaders>();

  constructor(private readonly service: CommentsService) {}

  @Mutation(() => CommentType, {
    description:
      'Klankbord: a question, reaction, summary or suggestion on an item, optionally about a passage of its text (members and readers)',
  })
  addComment(@Viewer() viewer: AuthUser, @Args('input') input: AddCommentInput): Promise<CommentType> {
    return this.service.add(viewer, input);
  }

  @Mutation(() => CommentType, { description: "A reply in a comment's thread (whoever may respond)" })
  replyToComment(@Viewer() viewer: AuthUser, @Args('input') input: ReplyToCommentInput): Promise<CommentType> {
    return this.service.reply(viewer, input);
  }

  @Mutation(() => CommentType, { description: 'Change the text of your own comment or reply' })
  editComment(@Viewer() viewer: AuthUser, @Args('input') input: EditCommentInput): Promise<CommentType> {
    return this.service.edit(viewer, input);
  }

  @Mutation(() => Boolean, {
    description: 'Delete your own comment or reply; one with replies stays as "verwijderd" so its thread stays',
  })
  deleteComment(@Viewer() viewer: AuthUser, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.service.delete(viewer, id);
  }

  @Mutation(() => CommentType, { description: 'Mark a thread as dealt with (its author or a facilitator)' })
  resolveComment(@Viewer() viewer: AuthUser, @Args('id', { type: () => ID }) id: string): Promise<CommentType> {
    return this.service.resolve(viewer, id);
  }

  @Mutation(() => CommentType, { description: 'Open a resolved thread again (its author or a facilitator)' })
  reopenComment(@Viewer() viewer: AuthUser, @Args('id', { type: () => ID }) id: string): Promise<CommentType> {
    return this.service.reopen(viewer, id);
  }

  @ResolveField(() => UserType, { nullable: true })
  async author(@Parent() comment: CommentType, @Ctx() ctx: GqlContext): Promise<UserType | null> {
    return loadUser(ctx, comment.authorId);
  }

  @ResolveField(() => CommentAnchorType, {
    nullable: true,
    description: 'The passage of the text this thread is about (null: about the item as a whole)',
  })
  anchor(@Parent() comment: CommentRow, @Ctx() ctx: GqlContext): Promise<CommentAnchorType | null> | null {
    if (!comment.anchorStart) return null;
    return this.loadersOf(ctx).anchors.load(comment);
  }

  @ResolveField(() => [CommentType], { description: 'Replies in this thread, oldest first (empty for a reply)' })
  replies(@Parent() comment: CommentRow, @Ctx() ctx: GqlContext): Promise<CommentRow[]> | CommentRow[] {
    if (comment.parentId) return [];
    return this.loadersOf(ctx).replies.load(comment.id);
  }

  commentsOf(itemId: string, ctx: GqlContext): Promise<CommentRow[]> {
    return this.loadersOf(ctx).threads.load(itemId);
  }

  private loadersOf(ctx: GqlContext): Loaders {
    let loaders = this.loaders.get(ctx);
    if (!loaders) {
      loaders = {
        threads: new DataLoader(async (ids) => {
          const groups = await this.service.forItems(ids);
          return ids.map((id) => groups.get(id) ?? []);
        }),
        replies: new DataLoader(async (ids) => {
          const groups = await this.service.repliesOf(ids);
          return ids.map((id) => groups.get(id) ?? []);
        }),
        // One read of each item's document for all its comments.
        anchors: new DataLoader(
          async (comments) => {
            const read = new Map<string, CommentAnchorType>();
            for (const [itemId, list] of groupBy([...comments], (c) => c.itemId))
              for (const [id, anchor] of await this.service.anchorsOf(itemId, list)) read.set(id, anchor);
            return comments.map((c) => read.get(c.id) ?? null);
          },
          { cacheKeyFn: (comment) => comment.id },
        ),
      };
      this.loaders.set(ctx, loaders);
    }
    return loaders;
  }
}

@Resolver(() => ItemType)
export class ItemCommentsResolver {
  constructor(private readonly klankbord: CommentsResolver) {}

  @ResolveField(() => [CommentType], {
    description: 'Klankbord threads: questions first, suggestions last ("uitstellen van oordeel"); replies inside each',
  })
  async comments(
    @Parent() item: ItemType,
    @Ctx() ctx: GqlContext,
    @Args('open', { type: () => Boolean, nullable: true, description: 'true: only threads not yet resolved' })
    open?: boolean | null,
  ): Promise<CommentType[]> {
    const threads = await this.klankbord.commentsOf(item.id, ctx);
    return open ? threads.filter((c) => !c.resolvedAt) : threads;
  }
}
