import { graphql } from '../../shared/api/graphql';
import { useAction, useQuery } from '../../shared/api/use-query';
import { navigate } from '../../shared/router/router';
import { useMessages } from '../../shared/i18n/language';
import { ErrorMessage } from '../../shared/ui/error-message';
import { useCommunities } from './communities-provider';
import { ACCEPT_INVITATION, DECLINE_INVITATION, Invitation, MY_INVITATIONS } from './community-queries';
import { communityMessages } from './messages';

/** "Uitnodigingen": the open invitations to the signed-in person, to accept or decline. Nothing when there are none. */
export function MyInvitations() {
  const m = useMessages(communityMessages);
  const { reload: reloadCommunities } = useCommunities();
  const { data, reload } = useQuery(MY_INVITATIONS, {});
  const { run, busy, error } = useAction();
  const invitations = data?.myInvitations ?? [];
  if (!invitations.length && !error) return null;

  const accept = async (invitation: Invitation) => {
    const result = await run(() => graphql(ACCEPT_INVITATION, { id: invitation.id }));
    if (!result) return;
    reloadCommunities();
    navigate(`/c/${result.acceptInvitation.id}`);
  };
  const decline = async (invitation: Invitation) => {
    if (await run(() => graphql(DECLINE_INVITATION, { id: invitation.id }))) reload();
  };

  return (
    <section className="panel" aria-labelledby="my-invitations-heading">
      <h2 id="my-invitations-heading">{m.myInvitations}</h2>
      <ul className="link-list">
        {invitations.map((invitation) => (
          <li key={invitation.id}>
            <p>
              {m.invitationTo(
                invitation.community.name,
                invitation.invitedBy?.displayName ?? null,
                m.roles[invitation.role],
              )}
            </p>
            <button type="button" className="button-primary" disabled={busy} onClick={() => void accept(invitation)}>
              {m.accept}
            </button>{' '}
            <button type="button" className="button-secondary" disabled={busy} onClick={() => void decline(invitation)}>
              {m.decline}
            </button>
          </li>
        ))}
      </ul>
      <ErrorMessage error={error} />
    </section>
  );
}
