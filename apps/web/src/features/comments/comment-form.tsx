import { COMMENT_KIND_LABELS, COMMENT_KINDS, CommentKind, LIMITS } from '@spiraal/domain';
import { FormEvent, useEffect, useId, useState, useSyncExternalStore } from 'react';
import { graphql } from '../../shared/api/graphql';
import { useAction } from '../../shared/api/use-query';
import { useMessages } from '../../shared/i18n/language';
import { useLabel } from '../../shared/i18n/use-label';
import { ErrorMessage } from '../../shared/ui/error-message';
import { ADD_COMMENT } from '../../entities/comments/comment-queries';
import { commentAnchorsStore } from '../../entities/comments/comment-anchors-store';
import { mentionMessages } from '../../entities/communities/mention-messages';
import { Member, mentionedIds, MentionTextarea } from '../../entities/communities/mention-textarea';
import { commentMessages } from './messages';
import './comments.css';

/**
 * A new response: first its kind (a question is the default), then the text.
 * Chosen from a selection in the editor ("Reageer op deze tekst"), it is
 * about that passage: the quote goes along as its anchor.
 */
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
  const [mentioned, setMentioned] = useState<Member[]>([]);
  const m = useMessages(commentMessages);
  const label = useLabel();
  const id = useId();
  const [kind, setKind] = useState<CommentKind>('QUESTION');
  const [body, setBody] = useState('');
  const [missing, setMissing] = useState(false);
  const [done, setDone] = useState('');
  const { run, busy, error } = useAction();
  const store = commentAnchorsStore(itemId);
  const { chosen, chosenAt } = useSyncExternalStore(store.subscribe, store.getSnapshot);

  // Chosen from the editor: the writing starts here.
  useEffect(() => {
    if (chosenAt) document.getElementById(`${id}-body`)?.focus();
  }, [chosenAt, id]);

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
        graphql(ADD_COMMENT, {
          input: {
            itemId,
            kind,
            body: body.trim(),
            mentions: mentionedIds(body, mentioned),
            anchor: chosen ?? undefined,
          },
        }),
      ))
    )
      return;
    setBody('');
    setMentioned([]);
    store.choose(null);
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
      {chosen && (
        <div className="comment-chosen">
          <p className="comment-quote">
            <span className="comment-quote-label">{m.aboutChosen}</span> <q>{chosen.exact}</q>
          </p>
          <button type="button" className="button-quiet button-small" onClick={() => store.choose(null)}>
            {m.unlink}
          </button>
        </div>
      )}
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
          onMention={(member) => setMentioned((list) => [...list, member])}
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
