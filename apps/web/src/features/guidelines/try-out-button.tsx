import { FormEvent, useId, useState } from 'react';
import { KIND_LABELS, labelled, LIMITS } from '@spiraal/domain';
import { graphql } from '../../shared/api/graphql';
import { useAction } from '../../shared/api/use-query';
import { navigate } from '../../shared/router/router';
import { useMessages } from '../../shared/i18n/language';
import { Dialog } from '../../shared/ui/dialog';
import { ErrorMessage } from '../../shared/ui/error-message';
import { TextField } from '../../shared/ui/text-field';
import { RECORD_APPLICATION } from './guideline-queries';
import { guidelineMessages } from './messages';
import './guidelines.css';

/**
 * Uitproberen in de praktijk: a short dialog (title, what you will try, when
 * you look back) records a practice reflection on the version in use and
 * opens it to write; one click no longer makes an empty reflection.
 */
export function TryOutButton({ guidelineId, guidelineTitle }: { guidelineId: string; guidelineTitle: string }) {
  const m = useMessages(guidelineMessages);
  const id = useId();
  const [opened, setOpened] = useState(false);
  return (
    <div className="try-out">
      <button type="button" className="button-primary" aria-describedby={`${id}-hint`} onClick={() => setOpened(true)}>
        {m.tryOut}
      </button>
      <p id={`${id}-hint`} className="hint">
        {m.tryOutHint}
      </p>
      {opened && (
        <TryOutDialog guidelineId={guidelineId} guidelineTitle={guidelineTitle} onClose={() => setOpened(false)} />
      )}
    </div>
  );
}

function TryOutDialog({
  guidelineId,
  guidelineTitle,
  onClose,
}: {
  guidelineId: string;
  guidelineTitle: string;
  onClose(): void;
}) {
  const m = useMessages(guidelineMessages);
  const id = useId();
  const [title, setTitle] = useState(labelled(KIND_LABELS.REFLECTION.nl, guidelineTitle).slice(0, LIMITS.titleMax));
  const [intention, setIntention] = useState('');
  const [lookBackOn, setLookBackOn] = useState('');
  const [problems, setProblems] = useState<{ title?: string; intention?: string }>({});
  const { run, busy, error } = useAction();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = {
      title: title.trim() ? undefined : m.tryOutTitleRequired,
      intention: intention.trim() ? undefined : m.tryOutIntentionRequired,
    };
    setProblems(found);
    if (found.title || found.intention) return;
    const input = {
      guidelineId,
      title: title.trim(),
      intention: intention.trim(),
      lookBackOn: lookBackOn ? new Date(`${lookBackOn}T00:00:00Z`).toISOString() : null,
    };
    const result = await run(() => graphql(RECORD_APPLICATION, { input }));
    if (!result) return;
    onClose();
    navigate(`/items/${result.recordApplication.id}`);
  };

  return (
    <Dialog title={m.tryOut} onClose={onClose}>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          label={m.tryOutTitle}
          value={title}
          maxLength={LIMITS.titleMax}
          problem={problems.title}
          onChange={(e) => setTitle(e.target.value)}
          data-autofocus
        />
        <div className="field">
          <label htmlFor={`${id}-intention`}>{m.tryOutIntention}</label>
          <textarea
            id={`${id}-intention`}
            rows={3}
            maxLength={LIMITS.reasonMax}
            value={intention}
            aria-invalid={problems.intention ? true : undefined}
            aria-describedby={problems.intention ? `${id}-intention-problem` : undefined}
            onChange={(e) => setIntention(e.target.value)}
          />
          {problems.intention && (
            <p id={`${id}-intention-problem`} role="alert" className="field-error">
              {problems.intention}
            </p>
          )}
        </div>
        <TextField
          label={m.tryOutLookBack}
          hint={m.tryOutLookBackHint}
          type="date"
          value={lookBackOn}
          onChange={(e) => setLookBackOn(e.target.value)}
        />
        <ErrorMessage error={error} />
        <div className="actions">
          <button type="submit" className="button-primary" disabled={busy}>
            {busy ? m.tryingOut : m.tryOutStart}
          </button>
          <button type="button" className="button-secondary" onClick={onClose}>
            {m.cancel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
