import { graphql } from '../../shared/api/graphql';
import { useAction } from '../../shared/api/use-query';
import { useLanguage, useMessages } from '../../shared/i18n/language';
import { ErrorMessage } from '../../shared/ui/error-message';
import { Invitation, WITHDRAW_INVITATION } from './community-queries';
import { communityMessages } from './messages';

/** The acceptance link of an invitation, for a facilitator to pass on when the server mails nothing (README, "Leden uitnodigen"). */
function invitationLink(token: string): string {
  return `${window.location.origin}/uitnodiging?token=${encodeURIComponent(token)}`;
}

/** The community's open invitations, for facilitators, each of which can be withdrawn. */
export function PendingInvitations({ invitations, onChanged }: { invitations: Invitation[]; onChanged(): void }) {
  const m = useMessages(communityMessages);
  const { language } = useLanguage();
  const { run, busy, error } = useAction();
  if (!invitations.length) return null;
  const withdraw = async (invitation: Invitation) => {
    if (await run(() => graphql(WITHDRAW_INVITATION, { id: invitation.id }))) onChanged();
  };
  return (
    <section aria-labelledby="pending-invitations-heading">
      <h2 id="pending-invitations-heading">{m.pendingInvitations}</h2>
      <ul className="link-list">
        {invitations.map((invitation) => (
          <li key={invitation.id}>
            {invitation.email} · {m.roles[invitation.role]} ·{' '}
            {m.expires(new Date(invitation.expiresAt).toLocaleDateString(language === 'en' ? 'en-GB' : 'nl-NL'))}{' '}
            <button
              type="button"
              className="button-secondary"
              disabled={busy}
              onClick={() => void withdraw(invitation)}
              aria-label={m.withdrawOf(invitation.email)}
            >
              {m.withdraw}
            </button>
            {invitation.linkToken ? (
              <p className="hint">
                {m.passLinkOn}{' '}
                <input
                  readOnly
                  aria-label={m.linkFor(invitation.email)}
                  value={invitationLink(invitation.linkToken)}
                  onFocus={(event) => event.currentTarget.select()}
                />
              </p>
            ) : null}
          </li>
        ))}
      </ul>
      <ErrorMessage error={error} />
    </section>
  );
}
