import { COMMENT_KIND_LABELS, COMMENT_KINDS, CommentKind, LIMITS } from '@spiraal/domain';
import { FormEvent, useId, useState } from 'react';
import { graphql } from '../../shared/api/graphql';
import { useAction } from '../../shared/api/use-query';
import { useMessages } from '../../shared/i18n/language';
import { useLabel } from '../../shared/i18n/use-label';
import { ErrorMessage } from '../../shared/ui/error-message';
import { ADD_COMMENT } from '../../entities/comments/comment-queries';
import { mentionMessages } from '../../entities/communities/mention-messages';
import { Member, mentionedIds, MentionTextarea } from '../../entities/communities/mention-textarea';
import { commentMessages } from './messages';
import './comments.css';

/** A new response: first its kind (a question is the default), then the text. */
export function CommentForm({
  itemId,
  communityId,
  onPosted,
}: {
  itemId: string;
  communityId: string;
  onPosted(): void;
}) {
  const nm = useMessages(mentionMessages);
  const [chosen, setChosen] = useState<Member[]>([]);
  const m = useMessages(commentMessages);
  const label = useLabel();
  const id = useId();
  const [kind, setKind] = useState<CommentKind>('QUESTION');
  const [body, setBody] = useState('');
  const [missing, setMissing] = useState(false);
  const [done, setDone] = useState('');
  const { run, busy, error } = useAction();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone('');
    if (!body.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    if (
      !(await run(() =>
        graphql(ADD_COMMENT, { input: { itemId, kind, body: body.trim(), mentions: mentionedIds(body, chosen) } }),
      ))
    )
      return;
    setBody('');
    setChosen([]);
    setDone(m.posted);
    onPosted();
  };

  const described = [`${id}-hint`, missing && `${id}-problem`].filter(Boolean).join(' ');
  return (
    <form
      className="form comment-form"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-labelledby={`${id}-title`}
    >
      <h3 id={`${id}-title`}>{m.add}</h3>
      <fieldset className="field">
        <legend>{m.kind}</legend>
        <div className="comment-kinds">
          {COMMENT_KINDS.map((k) => (
            <label key={k} className="choice">
              <input type="radio" name={`${id}-kind`} value={k} checked={kind === k} onChange={() => setKind(k)} />
              <span>
                <span className="choice-title">{label(COMMENT_KIND_LABELS[k])}</span>
                <span className="hint">{m.kindHints[k]}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-body`}>{m.body}</label>
        <MentionTextarea
          id={`${id}-body`}
          communityId={communityId}
          rows={4}
          maxLength={LIMITS.commentMax}
          value={body}
          required
          aria-invalid={missing || undefined}
          aria-describedby={described}
          onChange={setBody}
          onMention={(member) => setChosen((list) => [...list, member])}
        />
        <p id={`${id}-hint`} className="hint">
          {m.bodyHint} {nm.mentionHint}
        </p>
        {missing && (
          <p id={`${id}-problem`} role="alert" className="field-error">
            {m.bodyRequired}
          </p>
        )}
      </div>
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="submit" className="button-primary" disabled={busy}>
          {busy ? m.posting : m.post}
        </button>
      </div>
      <p role="status" className="message message-success" hidden={!done}>
        {done}
      </p>
    </form>
  );
}
