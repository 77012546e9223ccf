import { FormEvent, useId, useState } from 'react';
import { LIMITS } from '@spiraal/domain';
import { graphql } from '../../shared/api/graphql';
import { useAction } from '../../shared/api/use-query';
import { useMessages } from '../../shared/i18n/language';
import { ErrorMessage } from '../../shared/ui/error-message';
import { REQUEST_TO_JOIN } from './directory-queries';
import { directoryMessages } from './messages';

/** "Vraag om lid te worden", with an optional message to the facilitators. */
export function JoinForm({ communityId, onAsked }: { communityId: string; onAsked(): void }) {
  const m = useMessages(directoryMessages);
  const id = useId();
  const [message, setMessage] = useState('');
  const { run, busy, error } = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await run(() => graphql(REQUEST_TO_JOIN, { communityId, message: message.trim() || null }));
    if (result) onAsked();
  };
  return (
    <form className="form" onSubmit={(e) => void submit(e)}>
      <div className="field">
        <label htmlFor={`${id}-message`}>{m.message}</label>
        <textarea
          id={`${id}-message`}
          rows={2}
          maxLength={LIMITS.reasonMax}
          value={message}
          onChange={(e) => setMessage(e.target.value)}
        />
      </div>
      <ErrorMessage error={error} />
      <button type="submit" className="button-primary" disabled={busy}>
        {busy ? m.asking : m.ask}
      </button>
    </form>
  );
}
