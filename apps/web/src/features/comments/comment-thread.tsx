import { LIMITS } from '@spiraal/domain';
import { FormEvent, useId, useState } from 'react';
import { graphql } from '../../shared/api/graphql';
import { useAction } from '../../shared/api/use-query';
import { may } from '../../shared/permissions/permissions';
import { useMessages } from '../../shared/i18n/language';
import { ErrorMessage } from '../../shared/ui/error-message';
import { commentAnchorsStore } from '../../entities/comments/comment-anchors-store';
import { CommentThread, REPLY_TO_COMMENT } from '../../entities/comments/comment-queries';
import { mentionMessages } from '../../entities/communities/mention-messages';
import { Member, mentionedIds, MentionTextarea } from '../../entities/communities/mention-textarea';
import { CommentCard } from './comment-card';
import { commentMessages } from './messages';
import './comments.css';

interface CommentThreadProps {
  itemId: string;
  communityId: string;
  thread: CommentThread;
  role: string | null;
  viewerId: string;
  archived: boolean;
  active?: boolean;
  onChanged(): void;
}

/**
 * A klankbord thread: the passage it is about (or "tekst verwijderd" with the
 * quote it had), the response, its replies and a reply form.
 */
export function CommentThreadView({
  itemId,
  communityId,
  thread,
  role,
  viewerId,
  archived,
  active = false,
  onChanged,
}: CommentThreadProps) {
  const m = useMessages(commentMessages);
  const anchor = thread.anchor;
  return (
    <div className={active ? 'comment-thread comment-thread--active' : 'comment-thread'} data-thread-id={thread.id}>
      {anchor && (
        <blockquote className={anchor.orphaned ? 'comment-quote comment-quote--orphaned' : 'comment-quote'}>
          {anchor.orphaned ? (
            <span className="tag tag-muted">{m.textDeleted}</span>
          ) : (
            <span className="comment-quote-label">{m.about}</span>
          )}{' '}
          <q>{anchor.exact}</q>
          {!anchor.orphaned && !thread.resolvedAt && (
            <button
              type="button"
              className="button-quiet button-small"
              onClick={() => {
                commentAnchorsStore(itemId).setActive(thread.id);
                // The passage in the editor, brought into view.
                document
                  .querySelector(`.comment-highlight[data-comment-id="${CSS.escape(thread.id)}"]`)
                  ?.scrollIntoView({ block: 'center' });
              }}
            >
              {m.showInText}
            </button>
          )}
        </blockquote>
      )}
      <CommentCard comment={thread} role={role} viewerId={viewerId} onResolved={onChanged} />
      {thread.replies.length > 0 && (
        <ol className="comment-replies" aria-label={m.replies(thread.replies.length)}>
          {thread.replies.map((reply) => (
            <li key={reply.id}>
              <CommentCard comment={reply} role={role} viewerId={viewerId} isReply onResolved={onChanged} />
            </li>
          ))}
        </ol>
      )}
      {!archived && may(role, 'comment.create') && (
        <ReplyForm threadId={thread.id} communityId={communityId} onPosted={onChanged} />
      )}
    </div>
  );
}

function ReplyForm({ threadId, communityId, onPosted }: { threadId: string; communityId: string; onPosted(): void }) {
  const m = useMessages(commentMessages);
  const nm = useMessages(mentionMessages);
  const id = useId();
  const [body, setBody] = useState('');
  const [chosen, setChosen] = useState<Member[]>([]);
  const { run, busy, error } = useAction();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) return;
    const input = { commentId: threadId, body: body.trim(), mentions: mentionedIds(body, chosen) };
    if (!(await run(() => graphql(REPLY_TO_COMMENT, { input })))) return;
    setBody('');
    setChosen([]);
    onPosted();
  };

  return (
    <form className="comment-reply-form" onSubmit={(event) => void submit(event)} noValidate>
      <label htmlFor={`${id}-reply`}>{m.replyLabel}</label>
      <MentionTextarea
        id={`${id}-reply`}
        communityId={communityId}
        rows={2}
        maxLength={LIMITS.commentMax}
        value={body}
        aria-describedby={`${id}-hint`}
        onChange={setBody}
        onMention={(member) => setChosen((list) => [...list, member])}
      />
      <p id={`${id}-hint`} className="hint">
        {nm.mentionHint}
      </p>
      <ErrorMessage error={error} />
      <button type="submit" className="button-small" disabled={busy || !body.trim()}>
        {busy ? m.replying : m.reply}
      </button>
    </form>
  );
}
