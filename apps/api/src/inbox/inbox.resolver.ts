import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { notificationSummary } from '@spiraal/domain';
import type { AuthUser } from '../common/request-context';
import { Ctx, Viewer } from '../common/request-context';
import type { GqlContext } from '../common/request-context';
import { CommunityType } from '../communities/community.types';
import { ItemType } from '../items/item.types';
import { loadUser, UserType } from '../users/user.type';
import { FollowsService } from '../notifications/follows.service';
import {
  NotificationConnection,
  NotificationPreferenceType,
  NotificationType,
  UpdateNotificationPreferencesInput,
} from './notification.types';
import { NotificationsService } from '../notifications/notifications.service';
import { PreferencesService } from '../notifications/preferences.service';

/** The inbox, following and mail preferences. Every read is limited to what the viewer may read now. */
@Resolver(() => NotificationType)
export class NotificationsResolver {
  constructor(
    private readonly inbox: NotificationsService,
    private readonly follows: FollowsService,
    private readonly preferences: PreferencesService,
  ) {}

  @Query(() => NotificationConnection, {
    description: 'Your notifications, newest first; what you may no longer read is left out',
  })
  async notifications(
    @Viewer() viewer: AuthUser,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
    @Args('unreadOnly', { type: () => Boolean, nullable: true }) unreadOnly?: boolean | null,
  ): Promise<NotificationConnection> {
    const page = await this.inbox.list(viewer, first, after, unreadOnly === true);
    const edges = page.rows.map((node) => ({ node, cursor: this.inbox.cursorOf(node) }));
    return {
      edges,
      totalCount: page.totalCount,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }

  @Query(() => Int, { description: 'How many of your notifications are unread' })
  unreadNotificationCount(@Viewer() viewer: AuthUser): Promise<number> {
    return this.inbox.unreadCount(viewer);
  }

  @Mutation(() => Int, { description: 'Mark these notifications of yours read; how many changed' })
  markNotificationsRead(@Viewer() viewer: AuthUser, @Args('ids', { type: () => [ID] }) ids: string[]): Promise<number> {
    return this.inbox.markRead(viewer, ids);
  }

  @Mutation(() => Int, { description: 'Mark all your notifications read; how many changed' })
  markAllNotificationsRead(@Viewer() viewer: AuthUser): Promise<number> {
    return this.inbox.markAllRead(viewer);
  }

  @Mutation(() => Boolean, { description: 'Follow (volgen) an item, guideline or community you may read' })
  follow(@Viewer() viewer: AuthUser, @Args('targetId', { type: () => ID }) targetId: string): Promise<boolean> {
    return this.follows.follow(viewer, targetId);
  }

  @Mutation(() => Boolean, { description: 'Stop following; writing or commenting again does not follow it anew' })
  unfollow(@Viewer() viewer: AuthUser, @Args('targetId', { type: () => ID }) targetId: string): Promise<boolean> {
    return this.follows.unfollow(viewer, targetId);
  }

  @Query(() => [NotificationPreferenceType], {
    description: 'For each kind of notification: e-mail at once, daily, weekly or never',
  })
  notificationPreferences(@Viewer() viewer: AuthUser): Promise<NotificationPreferenceType[]> {
    return this.preferences.list(viewer.id);
  }

  @Mutation(() => [NotificationPreferenceType], {
    description: 'Change how notifications reach you by e-mail (only the kinds given)',
  })
  updateNotificationPreferences(
    @Viewer() viewer: AuthUser,
    @Args('input') input: UpdateNotificationPreferencesInput,
  ): Promise<NotificationPreferenceType[]> {
    return this.preferences.update(viewer, input.preferences);
  }

  @ResolveField(() => UserType, { nullable: true })
  actor(@Parent() notification: NotificationType, @Ctx() ctx: GqlContext): Promise<UserType | null> {
    return loadUser(ctx, notification.actorId);
  }

  @ResolveField(() => ItemType, {
    nullable: true,
    description: 'The item it is about (its community was checked when the inbox was read)',
  })
  async item(@Parent() notification: NotificationType, @Ctx() ctx: GqlContext): Promise<ItemType | null> {
    return notification.itemId ? ctx.loaders.item.load(notification.itemId) : null;
  }

  @ResolveField(() => CommunityType)
  async community(@Parent() notification: NotificationType, @Ctx() ctx: GqlContext): Promise<CommunityType | null> {
    return ctx.loaders.community.load(notification.communityId);
  }

  @ResolveField(() => String, { description: 'One line in Dutch, e.g. "Bram en 2 anderen reageerden"' })
  async summary(@Parent() notification: NotificationType, @Ctx() ctx: GqlContext): Promise<string> {
    const actor = notification.actorId ? await ctx.loaders.user.load(notification.actorId) : null;
    return notificationSummary(notification.kind, actor?.displayName ?? null, notification.actorCount);
  }
}

/** `followedByMe` on items and communities. */
@Resolver(() => ItemType)
export class ItemFollowResolver {
  constructor(private readonly follows: FollowsService) {}

  @ResolveField(() => Boolean, { description: 'Whether you follow (volgen) this item' })
  async followedByMe(@Parent() item: ItemType, @Viewer() viewer: AuthUser): Promise<boolean> {
    return (await this.follows.followed(viewer.id, [item.id])).has(item.id);
  }
}

@Resolver(() => CommunityType)
export class CommunityFollowResolver {
  constructor(private readonly follows: FollowsService) {}

  @ResolveField(() => Boolean, { description: 'Whether you follow (volgen) this community' })
  async followedByMe(@Parent() community: CommunityType, @Viewer() viewer: AuthUser): Promise<boolean> {
    return (await this.follows.followed(viewer.id, [community.id])).has(community.id);
  }
}
