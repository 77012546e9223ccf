import { COMMENT_KIND_LABELS } from '@spiraal/domain';
import { useRef } from 'react';
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
import { Comment, RESOLVE_COMMENT } from '../../entities/comments/comment-queries';
import { commentMessages } from './messages';
import './comments.css';

interface CommentCardProps {
  comment: Comment;
  role: string | null;
  viewerId: string;
  onResolved(): void;
}

/** One response: its kind, the text, who wrote it from which perspective and when, and whether it was dealt with. */
export function CommentCard({ comment, role, viewerId, onResolved }: CommentCardProps) {
  const m = useMessages(commentMessages);
  const cm = useMessages(communityMessages);
  const { language } = useLanguage();
  const label = useLabel();
  const { run, busy, error } = useAction();
  const card = useRef<HTMLElement>(null);
  const kind = label(COMMENT_KIND_LABELS[comment.kind]);
  const name = comment.author?.displayName ?? m.unknownPerson;
  const canResolve = !comment.resolvedAt && may(role, 'comment.resolve', { ownedByActor: comment.author?.id === viewerId });

  const resolve = async () => {
    if (!(await run(() => graphql(RESOLVE_COMMENT, { id: comment.id })))) return;
    // The button goes away: the keyboard stays on this response.
    card.current?.focus();
    onResolved();
  };

  return (
    <article ref={card} tabIndex={-1} className={comment.resolvedAt ? 'comment comment-resolved' : 'comment'} aria-label={`${kind}, ${name}`}>
      <div className="comment-meta">
        <span className={`comment-kind comment-kind-${comment.kind.toLowerCase()}`}>
          <VisuallyHidden>{m.kindPrefix}</VisuallyHidden>
          {kind}
        </span>
        {comment.resolvedAt && <span className="tag tag-muted">{m.resolved}</span>}
      </div>
      <p className="comment-body">
        <LinkedText text={comment.body} />
      </p>
      <p className="comment-byline">
        <span className="comment-author">{name}</span>
        {comment.authorPerspective && <span className="comment-perspective">{cm.perspectives[comment.authorPerspective]}</span>}
        <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt, language)}</time>
      </p>
      {canResolve && (
        <button type="button" className="button-quiet button-small" aria-label={m.resolveOf(kind, name)} disabled={busy} onClick={resolve}>
          {m.resolve}
        </button>
      )}
      <ErrorMessage error={error} />
    </article>
  );
}
