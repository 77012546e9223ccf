import { useState } from 'react';
import { graphql } from '../../shared/api/graphql';
import { useAction, useQuery } from '../../shared/api/use-query';
import { useMessages } from '../../shared/i18n/language';
import { ErrorMessage } from '../../shared/ui/error-message';
import { ANSWER_JOIN_REQUEST, JOIN_REQUESTS } from './directory-queries';
import { directoryMessages } from './messages';

/** Facilitators: who asked to join, with their message; accept or decline. */
export function JoinRequestsPanel({ communityId, onAnswered }: { communityId: string; onAnswered(): void }) {
  const m = useMessages(directoryMessages);
  const { data, error, reload } = useQuery(JOIN_REQUESTS, { communityId });
  const { run, busy, error: answerError } = useAction();
  const [done, setDone] = useState('');
  const answer = async (id: string, name: string, accept: boolean) => {
    const result = await run(() => graphql(ANSWER_JOIN_REQUEST, { id, accept }));
    if (!result) return;
    setDone(accept ? m.accepted(name) : m.declined(name));
    reload();
    onAnswered();
  };
  return (
    <section className="panel" aria-labelledby="join-requests-heading">
      <h2 id="join-requests-heading">{m.requestsTitle}</h2>
      <ErrorMessage error={error ?? answerError} />
      {data && data.joinRequests.length === 0 && <p className="muted">{m.noRequests}</p>}
      <ul className="join-requests">
        {data?.joinRequests.map((r) => (
          <li key={r.id}>
            <p>
              <strong>{r.user.displayName}</strong>
              {r.message && <> — {r.message}</>}
            </p>
            <button
              type="button"
              className="button-primary"
              disabled={busy}
              onClick={() => void answer(r.id, r.user.displayName, true)}
            >
              {m.accept}
            </button>{' '}
            <button
              type="button"
              className="button-secondary"
              disabled={busy}
              onClick={() => void answer(r.id, r.user.displayName, false)}
            >
              {m.decline}
            </button>
          </li>
        ))}
      </ul>
      <p role="status" className="message message-success" hidden={!done}>
        {done}
      </p>
    </section>
  );
}
