/**
 * The events of the one live channel from server to browser (server-sent
 * events on `/events`, docs/decisions/live-channel.md). Each is sent as
 * `event: <type>` with `data: <JSON of data>`; clients ignore types they do
 * not know, so new types can be added without breaking older pages.
 */
export interface LiveEventMap {
  /** The unread count changed (a new notification, or some were read, perhaps in another tab). */
  notification: { unreadCount: number; notificationId: string | null };
  /** A klankbord comment or reply on an item the user may read changed (for live comment lists and highlights). */
  comment: { itemId: string; commentId: string; threadId: string; change: CommentChange };
  /** The user's access to a community changed: pages should re-check what they show (role null: no longer a member). */
  permissions: { communityId: string; role: string | null };
  /** An item's stage, guideline status or editability changed: pages showing it fetch it again. */
  item: { itemId: string; communityId: string };
}

export const COMMENT_CHANGES = ['added', 'replied', 'edited', 'deleted', 'resolved', 'reopened'] as const;
export type CommentChange = (typeof COMMENT_CHANGES)[number];

export type LiveEventType = keyof LiveEventMap;

export type LiveEvent = { [K in LiveEventType]: { type: K; data: LiveEventMap[K] } }[LiveEventType];

export const LIVE_EVENT_TYPES: readonly LiveEventType[] = ['notification', 'comment', 'permissions', 'item'];
