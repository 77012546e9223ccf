import type { MailDelivery, NotificationKind } from '@spiraal/domain';

export interface NotificationNode {
  id: string;
  kind: NotificationKind;
  createdAt: string;
  readAt: string | null;
  excerpt: string;
  summary: string;
  commentId: string | null;
  item: { id: string; title: string } | null;
  community: { id: string; name: string };
}

export interface InboxAnswer {
  notifications: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: NotificationNode }[] };
  unreadNotificationCount: number;
}

export const INBOX_QUERY = `query Inbox($first: Int, $after: String, $unreadOnly: Boolean) {
  notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id kind createdAt readAt excerpt summary commentId item { id title } community { id name } } }
  }
  unreadNotificationCount
}`;

export const UNREAD_COUNT = `query UnreadCount { unreadNotificationCount }`;
export const MARK_READ = `mutation MarkRead($ids: [ID!]!) { markNotificationsRead(ids: $ids) }`;
export const MARK_ALL_READ = `mutation MarkAllRead { markAllNotificationsRead }`;

export interface Preference {
  kind: NotificationKind;
  delivery: MailDelivery;
}
export const PREFERENCES_QUERY = `query Preferences { notificationPreferences { kind delivery } }`;
export const UPDATE_PREFERENCES = `mutation UpdatePreferences($input: UpdateNotificationPreferencesInput!) { updateNotificationPreferences(input: $input) { kind delivery } }`;

export const FOLLOW = `mutation Follow($id: ID!) { follow(targetId: $id) }`;
export const UNFOLLOW = `mutation Unfollow($id: ID!) { unfollow(targetId: $id) }`;

/** Where a notification leads: the comment on its item, the item, or the community. */
export function notificationHref(n: NotificationNode): string {
  if (n.item) return `/items/${n.item.id}${n.commentId ? `#comment-${n.commentId}` : ''}`;
  return `/c/${n.community.id}`;
}
