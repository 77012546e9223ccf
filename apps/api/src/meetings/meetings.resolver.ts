import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../common/request-context';
import { CommentType } from '../comments/comment.types';
import { CommentsService } from '../comments/comments.service';
import { Ctx, Viewer } from '../common/request-context';
import type { GqlContext } from '../common/request-context';
import { CommunityType } from '../communities/community.types';
import { ItemType } from '../items/item.types';
import { loadUser } from '../users/user.type';
import {
  AddAgendaItemInput,
  AgendaItemType,
  AgendaSuggestionType,
  CreateMeetingInput,
  MeetingType,
} from './meeting.types';
import { MeetingsService } from './meetings.service';

/** Bijeenkomsten. Field resolvers run only for meetings a query returned through the access check. */
@Resolver(() => MeetingType)
export class MeetingsResolver {
  constructor(
    private readonly service: MeetingsService,
    private readonly comments: CommentsService,
  ) {}

  @Query(() => [MeetingType], { description: 'Bijeenkomsten of a community, latest date first' })
  meetings(
    @Viewer() viewer: AuthUser,
    @Args('communityId', { type: () => ID }) communityId: string,
  ): Promise<MeetingType[]> {
    return this.service.list(viewer, communityId);
  }

  @Query(() => MeetingType)
  meeting(@Viewer() viewer: AuthUser, @Args('id', { type: () => ID }) id: string): Promise<MeetingType> {
    return this.service.get(viewer, id);
  }

  @Mutation(() => MeetingType, {
    description: 'Plan a bijeenkomst (facilitators and members); its verslag is a new item',
  })
  createMeeting(@Viewer() viewer: AuthUser, @Args('input') input: CreateMeetingInput): Promise<MeetingType> {
    return this.service.create(viewer, input);
  }

  @Mutation(() => MeetingType, { description: 'Put an item, a klankbord question or a note on the agenda' })
  addAgendaItem(@Viewer() viewer: AuthUser, @Args('input') input: AddAgendaItemInput): Promise<MeetingType> {
    return this.service.addAgendaItem(viewer, input);
  }

  @ResolveField(() => CommunityType)
  async community(@Parent() meeting: MeetingType, @Ctx() ctx: GqlContext): Promise<CommunityType> {
    return (await ctx.loaders.community.load(meeting.communityId))!;
  }

  @ResolveField(() => ItemType, { nullable: true })
  report(@Parent() meeting: MeetingType, @Ctx() ctx: GqlContext): Promise<ItemType | null> {
    return meeting.reportItemId ? ctx.loaders.item.load(meeting.reportItemId) : Promise.resolve(null);
  }

  @ResolveField(() => [AgendaItemType])
  async agenda(@Parent() meeting: MeetingType, @Ctx() ctx: GqlContext): Promise<AgendaItemType[]> {
    const rows = await this.service.agenda(meeting.id);
    return Promise.all(
      rows.map(async (row) => ({
        ...row,
        item: row.itemId ? await ctx.loaders.item.load(row.itemId) : null,
        comment: row.commentId ? await this.comments.find(row.commentId) : null,
        addedBy: await loadUser(ctx, row.addedById),
      })),
    );
  }

  @ResolveField(() => [AgendaSuggestionType])
  async agendaSuggestions(@Parent() meeting: MeetingType, @Ctx() ctx: GqlContext): Promise<AgendaSuggestionType[]> {
    const rows = await this.service.suggestions(meeting.communityId);
    const found = await Promise.all(
      rows.map(async (row): Promise<AgendaSuggestionType[]> => {
        const item = await ctx.loaders.item.load(row.itemId);
        const comment: CommentType | null = row.commentId ? await this.comments.find(row.commentId) : null;
        return item ? [{ reason: row.reason, item, comment }] : [];
      }),
    );
    return found.flat();
  }
}
