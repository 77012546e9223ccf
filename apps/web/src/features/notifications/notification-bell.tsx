import './notifications.css';
import { useCallback, useEffect, useState } from 'react';
import { graphql } from '../../shared/api/graphql';
import { usePath } from '../../shared/router/router';
import { useMessages } from '../../shared/i18n/language';
import { useLiveEvent } from '../../shared/api/live-channel';
import { Link } from '../../shared/ui/link';
import { notificationMessages } from './messages';
import { UNREAD_COUNT } from './notification-queries';

/** The bell in the header: the unread count, kept current through the live channel without a reload. */
export function NotificationBell() {
  const m = useMessages(notificationMessages);
  const path = usePath();
  const [count, setCount] = useState<number | null>(null);
  const [announced, setAnnounced] = useState('');

  const fetchCount = useCallback(() => {
    graphql(UNREAD_COUNT).then(
      (data) => setCount(data.unreadNotificationCount),
      () => undefined,
    );
  }, []);
  useEffect(fetchCount, [fetchCount]);
  // After a (re)connect whatever happened meanwhile is fetched; then every change arrives as an event.
  useLiveEvent('ready', fetchCount);
  useLiveEvent('notification', (data) => {
    setCount((previous) => {
      if (previous !== null && data.unreadCount > previous) setAnnounced(m.announce(data.unreadCount));
      return data.unreadCount;
    });
  });

  const unread = count ?? 0;
  return (
    <>
      <Link
        href="/meldingen"
        className="notification-bell"
        aria-label={m.bell(unread)}
        aria-current={path === '/meldingen' ? 'page' : undefined}
        data-unread={unread}
      >
        <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
          <path
            d="M12 3a6 6 0 0 0-6 6v4l-2 3h16l-2-3V9a6 6 0 0 0-6-6zm-2 15a2 2 0 0 0 4 0"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinejoin="round"
          />
        </svg>
        {unread > 0 && (
          <span className="notification-count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </Link>
      <span className="visually-hidden" role="status" aria-live="polite">
        {announced}
      </span>
    </>
  );
}
