import { COMMENT_KIND_LABELS, LIMITS } from '@spiraal/domain';
import { useId, useRef, useState } from 'react';
import { graphql } from '../../shared/api/graphql';
import { useAction } from '../../shared/api/use-query';
import { may } from '../../shared/permissions/permissions';
import { communityMessages } from '../../entities/communities/messages';
import { useLanguage, useMessages } from '../../shared/i18n/language';
import { useLabel } from '../../shared/i18n/use-label';
import { ErrorMessage } from '../../shared/ui/error-message';
import { formatDateTime } from '../../shared/ui/format';
import { LinkedText } from '../../shared/ui/linked-text';
import { VisuallyHidden } from '../../shared/ui/visually-hidden';
import {
  Comment,
  DELETE_COMMENT,
  EDIT_COMMENT,
  REOPEN_COMMENT,
  RESOLVE_COMMENT,
} from '../../entities/comments/comment-queries';
import { commentMessages } from './messages';
import './comments.css';

interface CommentCardProps {
  comment: Comment;
  role: string | null;
  viewerId: string;
  /** A reply in a thread: no kind, not resolved on its own. */
  isReply?: boolean;
  onResolved(): void;
}

/**
 * One response: its kind, the text, who wrote it from which perspective and
 * when, and whether it was dealt with. Its author edits or deletes it; a
 * deleted one that still has replies shows "verwijderd".
 */
export function CommentCard({ comment, role, viewerId, isReply = false, onResolved }: CommentCardProps) {
  const m = useMessages(commentMessages);
  const cm = useMessages(communityMessages);
  const { language } = useLanguage();
  const label = useLabel();
  const { run, busy, error } = useAction();
  const card = useRef<HTMLElement>(null);
  const id = useId();
  const [editing, setEditing] = useState<string | null>(null);
  const kind = label(COMMENT_KIND_LABELS[comment.kind]);
  const name = comment.author?.displayName ?? m.unknownPerson;
  const own = comment.author?.id === viewerId;
  const deleted = !!comment.deletedAt;
  const mayResolve = !isReply && may(role, 'comment.resolve', { ownedByActor: own });
  const mayChange = !deleted && may(role, 'comment.edit', { ownedByActor: own });

  const act = async (action: () => Promise<unknown>) => {
    if (!(await run(action))) return;
    // A button may go away: the keyboard stays on this response.
    card.current?.focus();
    onResolved();
  };
  const save = async () => {
    if (!editing?.trim()) return;
    await act(() => graphql(EDIT_COMMENT, { input: { id: comment.id, body: editing.trim() } }));
    setEditing(null);
  };

  return (
    <article
      ref={card}
      id={`comment-${comment.id}`}
      tabIndex={-1}
      className={['comment', comment.resolvedAt && 'comment-resolved', isReply && 'comment-reply']
        .filter(Boolean)
        .join(' ')}
      aria-label={isReply ? name : `${kind}, ${name}`}
    >
      {!isReply && (
        <div className="comment-meta">
          <span className={`comment-kind comment-kind-${comment.kind.toLowerCase()}`}>
            <VisuallyHidden>{m.kindPrefix}</VisuallyHidden>
            {kind}
          </span>
          {comment.resolvedAt && <span className="tag tag-muted">{m.resolved}</span>}
        </div>
      )}
      {deleted ? (
        <p className="comment-body comment-deleted">{m.deleted}</p>
      ) : editing !== null ? (
        <div className="field">
          <label htmlFor={`${id}-edit`}>{m.editLabel}</label>
          <textarea
            id={`${id}-edit`}
            rows={3}
            maxLength={LIMITS.commentMax}
            value={editing}
            onChange={(event) => setEditing(event.target.value)}
          />
        </div>
      ) : (
        <p className="comment-body">
          <LinkedText text={comment.body} />
        </p>
      )}
      {!deleted && (
        <p className="comment-byline">
          <span className="comment-author">{name}</span>
          {comment.authorPerspective && (
            <span className="comment-perspective">{cm.perspectives[comment.authorPerspective]}</span>
          )}
          <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt, language)}</time>
          {comment.editedAt && <span>({m.edited})</span>}
        </p>
      )}
      <div className="comment-actions">
        {editing !== null ? (
          <>
            <button type="button" className="button-small" disabled={busy} onClick={() => void save()}>
              {m.save}
            </button>
            <button type="button" className="button-quiet button-small" onClick={() => setEditing(null)}>
              {m.cancel}
            </button>
          </>
        ) : (
          <>
            {mayResolve && !comment.resolvedAt && (
              <button
                type="button"
                className="button-quiet button-small"
                aria-label={m.resolveOf(kind, name)}
                disabled={busy}
                onClick={() => void act(() => graphql(RESOLVE_COMMENT, { id: comment.id }))}
              >
                {m.resolve}
              </button>
            )}
            {mayResolve && comment.resolvedAt && (
              <button
                type="button"
                className="button-quiet button-small"
                disabled={busy}
                onClick={() => void act(() => graphql(REOPEN_COMMENT, { id: comment.id }))}
              >
                {m.reopen}
              </button>
            )}
            {mayChange && (
              <button type="button" className="button-quiet button-small" onClick={() => setEditing(comment.body)}>
                {m.edit}
              </button>
            )}
            {mayChange && (
              <button
                type="button"
                className="button-quiet button-small"
                disabled={busy}
                onClick={() => void act(() => graphql(DELETE_COMMENT, { id: comment.id }))}
              >
                {m.remove}
              </button>
            )}
          </>
        )}
      </div>
      <ErrorMessage error={error} />
    </article>
  );
}
