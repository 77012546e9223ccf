// The notifications' operations live in notification-queries.graphql; types generated from the API schema.
import type { InboxQuery, NotificationPreferencesQuery } from '../../shared/api/generated/graphql';

export {
  FollowDocument as FOLLOW,
  InboxDocument as INBOX_QUERY,
  MarkAllNotificationsReadDocument as MARK_ALL_READ,
  MarkNotificationsReadDocument as MARK_READ,
  NotificationPreferencesDocument as PREFERENCES_QUERY,
  UnfollowDocument as UNFOLLOW,
  UnreadCountDocument as UNREAD_COUNT,
  UpdateNotificationPreferencesDocument as UPDATE_PREFERENCES,
} from '../../shared/api/generated/graphql';

export type InboxAnswer = InboxQuery;
export type NotificationNode = InboxQuery['notifications']['edges'][number]['node'];
export type Preference = NotificationPreferencesQuery['notificationPreferences'][number];

/** Where a notification leads: the comment on its item, the item, or the community. */
export function notificationHref(n: NotificationNode): string {
  if (n.item) return `/items/${n.item.id}${n.commentId ? `#comment-${n.commentId}` : ''}`;
  return `/c/${n.community.id}`;
}
