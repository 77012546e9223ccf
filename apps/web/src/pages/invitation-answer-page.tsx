import { useLocationSearch } from '../shared/router/router';
import { LinkInvitation } from '../entities/communities/link-invitation';

/** /uitnodiging?token=… when signed in: answer the invitation of the link. */
export function InvitationAnswerPage() {
  const token = new URLSearchParams(useLocationSearch()).get('token') ?? '';
  return (
    <div className="empty-state">
      <LinkInvitation token={token} />
    </div>
  );
}
