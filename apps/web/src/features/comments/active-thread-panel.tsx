import { useEffect, useRef, useSyncExternalStore } from 'react';
import { useSession } from '../../shared/api/session';
import { useMessages } from '../../shared/i18n/language';
import { commentAnchorsStore } from '../../entities/comments/comment-anchors-store';
import { CommentThreadView } from './comment-thread';
import { commentMessages } from './messages';
import './comments.css';

/**
 * The thread whose highlight was clicked, beside the text: read, reply,
 * resolve without scrolling to the klankbord below.
 */
export function ActiveThreadPanel({ itemId, communityId }: { itemId: string; communityId: string }) {
  const m = useMessages(commentMessages);
  const { user } = useSession();
  const store = commentAnchorsStore(itemId);
  const { active, loaded, reload, role, archived } = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const heading = useRef<HTMLHeadingElement>(null);
  const thread = loaded.find((t) => t.id === active);

  useEffect(() => {
    if (active) heading.current?.focus();
  }, [active]);

  if (!thread || !user) return null;
  return (
    <section className="panel comment-active-thread" aria-labelledby={`thread-${thread.id}`}>
      <div className="comment-active-thread__head">
        <h2 id={`thread-${thread.id}`} ref={heading} tabIndex={-1}>
          {m.thread}
        </h2>
        <button type="button" className="button-quiet button-small" onClick={() => store.setActive(null)}>
          {m.close}
        </button>
      </div>
      <CommentThreadView
        itemId={itemId}
        communityId={communityId}
        thread={thread}
        role={role}
        viewerId={user.id}
        archived={archived}
        onChanged={reload}
      />
    </section>
  );
}
