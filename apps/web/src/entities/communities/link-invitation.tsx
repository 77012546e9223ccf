import { useState } from 'react';
import { graphql } from '../../shared/api/graphql';
import { useAction } from '../../shared/api/use-query';
import { navigate } from '../../shared/router/router';
import { useMessages } from '../../shared/i18n/language';
import { ErrorMessage } from '../../shared/ui/error-message';
import { useCommunities } from './communities-provider';
import { ACCEPT_INVITATION, DECLINE_INVITATION } from './community-queries';
import { communityMessages } from './messages';

/**
 * An invitation opened through its link by someone signed in: the link's
 * token proves the address is theirs, so they can answer it even when the
 * address is not verified (README, "Leden uitnodigen").
 */
export function LinkInvitation({ token }: { token: string }) {
  const m = useMessages(communityMessages);
  const { reload: reloadCommunities } = useCommunities();
  const { run, busy, error } = useAction();
  const [declined, setDeclined] = useState(false);
  const id = token.split('.')[0] ?? '';

  const accept = async () => {
    const result = await run(() => graphql(ACCEPT_INVITATION, { id, token }));
    if (!result) return;
    reloadCommunities();
    navigate(`/c/${result.acceptInvitation.id}`, { replace: true });
  };
  const decline = async () => {
    if (await run(() => graphql(DECLINE_INVITATION, { id, token }))) setDeclined(true);
  };

  if (declined) return <p>{m.linkInvitationDeclined}</p>;
  return (
    <section className="panel" aria-labelledby="link-invitation-heading">
      <h2 id="link-invitation-heading">{m.linkInvitationTitle}</h2>
      <p>{m.linkInvitationText}</p>
      <button type="button" className="button-primary" disabled={busy} onClick={() => void accept()}>
        {m.accept}
      </button>{' '}
      <button type="button" className="button-secondary" disabled={busy} onClick={() => void decline()}>
        {m.decline}
      </button>
      <ErrorMessage error={error} />
    </section>
  );
}
