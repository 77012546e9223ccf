import { LIMITS, MEETING_KIND_LABELS, MEETING_KINDS, MeetingKind } from '@spiraal/domain';
import { FormEvent, useId, useState } from 'react';
import { graphql } from '../../shared/api/graphql';
import { useAction } from '../../shared/api/use-query';
import { navigate } from '../../shared/router/router';
import { useMessages } from '../../shared/i18n/language';
import { useLabel } from '../../shared/i18n/use-label';
import { Dialog } from '../../shared/ui/dialog';
import { ErrorMessage } from '../../shared/ui/error-message';
import { TextField } from '../../shared/ui/text-field';
import { CREATE_MEETING } from './meeting-queries';
import { meetingMessages } from './messages';

/** Plan a bijeenkomst: title, date and kind; the server starts its verslag, and the meeting opens. */
export function NewMeetingDialog({ communityId, onClose }: { communityId: string; onClose(): void }) {
  const m = useMessages(meetingMessages);
  const label = useLabel();
  const id = useId();
  const [title, setTitle] = useState('');
  const [date, setDate] = useState('');
  const [kind, setKind] = useState<MeetingKind>('INTERVISIE');
  const [problems, setProblems] = useState<{ title?: string; date?: string }>({});
  const { run, busy, error } = useAction();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // A datetime-local value is the user's own clock time.
    const when = date ? new Date(date) : null;
    const next = {
      title: title.trim() ? undefined : m.titleRequired,
      date: when && !Number.isNaN(when.getTime()) ? undefined : m.dateRequired,
    };
    setProblems(next);
    if (next.title || next.date) return;
    const result = await run(() =>
      graphql(CREATE_MEETING, { input: { communityId, title: title.trim(), date: when!.toISOString(), kind } }),
    );
    if (!result) return;
    onClose();
    navigate(`/bijeenkomsten/${result.createMeeting.id}`);
  };

  return (
    <Dialog title={m.newMeeting} onClose={onClose}>
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          label={m.meetingTitle}
          hint={m.meetingTitleHint}
          value={title}
          maxLength={LIMITS.titleMax}
          required
          problem={problems.title}
          data-autofocus
          onChange={(e) => setTitle(e.target.value)}
        />
        <TextField
          label={m.date}
          type="datetime-local"
          value={date}
          required
          problem={problems.date}
          onChange={(e) => setDate(e.target.value)}
        />
        <fieldset className="field">
          <legend>{m.kind}</legend>
          <div className="kind-choices">
            {MEETING_KINDS.map((k) => (
              <label key={k} className="choice">
                <input type="radio" name={`${id}-kind`} value={k} checked={kind === k} onChange={() => setKind(k)} />
                <span className="choice-title">{label(MEETING_KIND_LABELS[k])}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <p className="note">{m.createHint}</p>
        <ErrorMessage error={error} />
        <div className="actions">
          <button type="submit" className="button-primary" disabled={busy}>
            {busy ? m.creating : m.create}
          </button>
          <button type="button" className="button-secondary" onClick={onClose}>
            {m.cancel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
