import '../features/notifications/notifications.css';
import { useState } from 'react';
import { graphql } from '../shared/api/graphql';
import { useAction, useQuery } from '../shared/api/use-query';
import { useLanguage, useMessages } from '../shared/i18n/language';
import { useLiveEvent } from '../shared/api/live-channel';
import { ErrorMessage } from '../shared/ui/error-message';
import { formatDateTime } from '../shared/ui/format';
import { Link } from '../shared/ui/link';
import { Loading } from '../shared/ui/loading';
import { PageHeading } from '../shared/ui/page-heading';
import { notificationMessages } from '../features/notifications/messages';
import {
  INBOX_QUERY,
  MARK_ALL_READ,
  MARK_READ,
  NotificationNode,
  notificationHref,
} from '../features/notifications/notification-queries';

const PAGE = 30;

/** The inbox (/meldingen): newest first, links to the item or comment; opening one marks it read. */
export function InboxPage() {
  const m = useMessages(notificationMessages);
  const { language } = useLanguage();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [first, setFirst] = useState(PAGE);
  const { data, error, reload } = useQuery(INBOX_QUERY, { first, unreadOnly });
  const { run, busy, error: actionError } = useAction();
  useLiveEvent('notification', reload);

  const markRead = async (ids: string[]) => {
    if (ids.length && (await run(() => graphql(MARK_READ, { ids })))) reload();
  };
  const markAll = async () => {
    if (await run(() => graphql(MARK_ALL_READ))) reload();
  };

  const edges = data?.notifications.edges ?? [];
  return (
    <>
      <PageHeading>{m.inbox}</PageHeading>
      <p className="hint">{m.inboxIntro}</p>
      <div className="actions">
        <label className="choice-inline">
          <input type="checkbox" checked={unreadOnly} onChange={(e) => setUnreadOnly(e.target.checked)} />{' '}
          {m.unreadOnly}
        </label>
        <button
          type="button"
          className="button-quiet"
          onClick={() => void markAll()}
          disabled={busy || !data?.unreadNotificationCount}
        >
          {m.markAll}
        </button>
        <Link href="/meldingen/instellingen">{m.settings}</Link>
      </div>
      <ErrorMessage error={error ?? actionError} />
      {!data && !error && <Loading />}
      {data && edges.length === 0 && <p className="muted">{m.empty}</p>}
      {edges.length > 0 && (
        <ol className="notifications">
          {edges.map(({ node }) => (
            <NotificationEntry
              key={node.id}
              node={node}
              language={language}
              onOpen={() => void markRead(node.readAt ? [] : [node.id])}
            />
          ))}
        </ol>
      )}
      {data?.notifications.pageInfo.hasNextPage && (
        <button type="button" className="button-quiet" onClick={() => setFirst((n) => Math.min(n + PAGE, 100))}>
          {m.more}
        </button>
      )}
    </>
  );
}

function NotificationEntry({
  node,
  language,
  onOpen,
}: {
  node: NotificationNode;
  language: 'nl' | 'en';
  onOpen(): void;
}) {
  const m = useMessages(notificationMessages);
  return (
    <li className={node.readAt ? 'notification' : 'notification notification-unread'}>
      {!node.readAt && <span className="tag">{m.unread}</span>}{' '}
      <Link href={notificationHref(node)} onClick={onOpen}>
        {node.summary}
        {node.item ? `: ${node.item.title}` : ''}
      </Link>
      {node.excerpt && <p className="notification-excerpt">{node.excerpt}</p>}
      <p className="muted">
        {node.community.name} · <time dateTime={node.createdAt}>{formatDateTime(node.createdAt, language)}</time>
      </p>
    </li>
  );
}
