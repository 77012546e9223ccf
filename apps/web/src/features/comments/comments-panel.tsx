import { may } from '../../shared/permissions/permissions';
import { useQuery } from '../../shared/api/use-query';
import { useSession } from '../../shared/api/session';
import { useMessages } from '../../shared/i18n/language';
import { ErrorMessage } from '../../shared/ui/error-message';
import { Loading } from '../../shared/ui/loading';
import { CommentCard } from './comment-card';
import { CommentForm } from './comment-form';
import { COMMENTS_QUERY } from '../../entities/comments/comment-queries';
import { commentMessages } from './messages';
import './comments.css';

/**
 * Klankbord on an item: responses in the order the server gives them
 * (questions first, suggestions last: "uitstellen van oordeel"), and a form
 * for whoever may respond (facilitators, members and readers).
 */
export function CommentsPanel({ itemId }: { itemId: string }) {
  const m = useMessages(commentMessages);
  const { user } = useSession();
  const { data, error, reload } = useQuery(COMMENTS_QUERY, { id: itemId });
  const item = data?.item.id === itemId ? data.item : undefined;
  const role = item?.community.myRole ?? null;

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
          {item.comments.length === 0 ? (
            <p className="muted">{m.empty}</p>
          ) : (
            <ol className="comments">
              {item.comments.map((comment) => (
                <li key={comment.id}>
                  <CommentCard comment={comment} role={role} viewerId={user.id} onResolved={reload} />
                </li>
              ))}
            </ol>
          )}
          {item.archivedAt ? (
            <p className="muted">{m.archivedNote}</p>
          ) : may(role, 'comment.create') ? (
            <CommentForm itemId={itemId} onPosted={reload} />
          ) : (
            <p className="muted">{m.visitorNote}</p>
          )}
        </>
      )}
    </section>
  );
}
