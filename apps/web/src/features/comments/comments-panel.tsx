import { useEffect, useId, useState, useSyncExternalStore } from 'react';
import { may } from '../../shared/permissions/permissions';
import { useQuery } from '../../shared/api/use-query';
import { useLiveEvent } from '../../shared/api/live-channel';
import { useSession } from '../../shared/api/session';
import { useMessages } from '../../shared/i18n/language';
import { ErrorMessage } from '../../shared/ui/error-message';
import { Loading } from '../../shared/ui/loading';
import { commentAnchorsStore } from '../../entities/comments/comment-anchors-store';
import { COMMENTS_QUERY } from '../../entities/comments/comment-queries';
import { CommentForm } from './comment-form';
import { CommentThreadView } from './comment-thread';
import { commentMessages } from './messages';
import './comments.css';

/**
 * Klankbord on an item: threads in the order the server gives them
 * (questions first, suggestions last: "uitstellen van oordeel"), each with
 * the passage it is about and its replies, and a form for whoever may
 * respond (facilitators, members and readers). Changes by others arrive on
 * the live channel; the open anchored threads are highlighted in the editor.
 */
export function CommentsPanel({ itemId }: { itemId: string }) {
  const m = useMessages(commentMessages);
  const { user } = useSession();
  const filterId = useId();
  const [openOnly, setOpenOnly] = useState(false);
  const { data, error, reload } = useQuery(COMMENTS_QUERY, { id: itemId });
  const item = data?.item.id === itemId ? data.item : undefined;
  const role = item?.community.myRole ?? null;
  const store = commentAnchorsStore(itemId);
  const { active } = useSyncExternalStore(store.subscribe, store.getSnapshot);

  useLiveEvent('comment', (event) => {
    if (event.itemId === itemId) reload();
  });
  // Missed events while the stream was away: load again.
  useLiveEvent('ready', () => reload());
  useEffect(() => {
    if (item) store.setLoaded(item.comments, reload, item.community.myRole ?? null, !!item.archivedAt);
  }, [item, store, reload]);

  const shown = item ? item.comments.filter((c) => !openOnly || !c.resolvedAt) : [];
  return (
    <section className="panel klankbord" aria-labelledby={`klankbord-${itemId}`}>
      <h2 id={`klankbord-${itemId}`}>
        {m.section}
        {item && <span className="muted heading-count"> ({m.count(item.comments.length)})</span>}
      </h2>
      <p className="hint">{m.intro}</p>
      <ErrorMessage error={error} />
      {!item && !error && <Loading />}
      {item && user && (
        <>
          {item.comments.length > 0 && (
            <p className="choice comment-filter">
              <input
                id={filterId}
                type="checkbox"
                checked={openOnly}
                onChange={(event) => setOpenOnly(event.target.checked)}
              />
              <label htmlFor={filterId}>{m.openOnly}</label>
            </p>
          )}
          {item.comments.length === 0 ? (
            <p className="muted">{m.empty}</p>
          ) : (
            <ol className="comments">
              {shown.map((thread) => (
                <li key={thread.id}>
                  <CommentThreadView
                    itemId={itemId}
                    communityId={item.community.id}
                    thread={thread}
                    role={role}
                    viewerId={user.id}
                    archived={!!item.archivedAt}
                    active={thread.id === active}
                    onChanged={reload}
                  />
                </li>
              ))}
            </ol>
          )}
          {item.archivedAt ? (
            <p className="muted">{m.archivedNote}</p>
          ) : may(role, 'comment.create') ? (
            <CommentForm itemId={itemId} communityId={item.community.id} onPosted={reload} />
          ) : (
            <p className="muted">{m.visitorNote}</p>
          )}
        </>
      )}
    </section>
  );
}
