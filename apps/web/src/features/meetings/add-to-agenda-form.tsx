import { labelled } from '@spiraal/domain';
import { LIMITS } from '@spiraal/domain';
import { FormEvent, useId, useState } from 'react';
import { graphql } from '../../shared/api/graphql';
import { useAction, useQuery } from '../../shared/api/use-query';
import { useMessages } from '../../shared/i18n/language';
import { itemMessages } from '../../entities/items/messages';
import { ErrorMessage } from '../../shared/ui/error-message';
import { ADD_AGENDA_ITEM, AGENDA_ITEMS_QUERY } from './meeting-queries';
import { meetingMessages } from './messages';
import './meetings.css';

interface AddToAgendaFormProps {
  meetingId: string;
  communityId: string;
  onAdded(what: string): void;
}

/** An item from the knowledge base, a point of one's own, or both. */
export function AddToAgendaForm({ meetingId, communityId, onAdded }: AddToAgendaFormProps) {
  const m = useMessages(meetingMessages);
  const im = useMessages(itemMessages);
  const id = useId();
  const { data } = useQuery(AGENDA_ITEMS_QUERY, { communityId });
  const [itemId, setItemId] = useState('');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const { run, busy, error } = useAction();
  const items = data?.items.edges.map((e) => e.node) ?? [];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!itemId && !note.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    if (
      !(await run(() =>
        graphql(ADD_AGENDA_ITEM, { input: { meetingId, itemId: itemId || null, note: note.trim() || null } }),
      ))
    )
      return;
    const what = items.find((item) => item.id === itemId)?.title ?? note.trim();
    setItemId('');
    setNote('');
    onAdded(what);
  };

  return (
    <form
      className="form add-to-agenda"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-labelledby={`${id}-title`}
    >
      <h3 id={`${id}-title`}>{m.addToAgenda}</h3>
      <div className="field">
        <label htmlFor={`${id}-item`}>{m.chooseItem}</label>
        <select id={`${id}-item`} value={itemId} onChange={(e) => setItemId(e.target.value)}>
          <option value="">{m.noItem}</option>
          {items.map((item) => (
            <option key={item.id} value={item.id}>
              {labelled(im.kinds[item.kind], item.title)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`}>{m.note}</label>
        <textarea
          id={`${id}-note`}
          rows={2}
          maxLength={LIMITS.agendaNoteMax}
          value={note}
          aria-describedby={missing ? `${id}-hint ${id}-problem` : `${id}-hint`}
          onChange={(e) => setNote(e.target.value)}
        />
        <p id={`${id}-hint`} className="hint">
          {m.noteHint}
        </p>
        {missing && (
          <p id={`${id}-problem`} role="alert" className="field-error">
            {m.addRequired}
          </p>
        )}
      </div>
      <ErrorMessage error={error} />
      <button type="submit" className="button-secondary" disabled={busy}>
        {busy ? m.adding : m.add}
      </button>
    </form>
  );
}
