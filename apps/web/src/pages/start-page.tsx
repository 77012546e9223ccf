import { useEffect, useState } from 'react';
import { navigate } from '../shared/router/router';
import { useMessages } from '../shared/i18n/language';
import { ErrorMessage } from '../shared/ui/error-message';
import { Link } from '../shared/ui/link';
import { Loading } from '../shared/ui/loading';
import { PageHeading } from '../shared/ui/page-heading';
import { startCommunity, useCommunities } from '../entities/communities/communities-provider';
import { communityMessages } from '../entities/communities/messages';
import { MyInvitations } from '../entities/communities/my-invitations';
import { NewCommunityDialog } from '../entities/communities/new-community-dialog';
import { directoryMessages } from '../features/directory/messages';

/** `/`: straight on to the user's leernetwerk, or a calm empty state to start one. */
export function StartPage() {
  const m = useMessages(communityMessages);
  const dm = useMessages(directoryMessages);
  const { list, error } = useCommunities();
  const [creating, setCreating] = useState(false);
  const start = list && startCommunity(list);
  useEffect(() => {
    if (start) navigate(`/c/${start.id}`, { replace: true });
  }, [start]);

  if (!list && error) return <ErrorMessage error={error} />;
  if (!list || start) return <Loading />;
  const open = list.filter((c) => !c.myRole);

  return (
    <div className="empty-state">
      <PageHeading>{m.welcome}</PageHeading>
      <p className="lead">{m.welcomeText}</p>
      <MyInvitations />
      <p>{m.noCommunities}</p>
      <p>
        <Link href="/leernetwerken">{dm.browse}</Link>
      </p>
      <button type="button" className="button-primary" onClick={() => setCreating(true)}>
        {m.createFirst}
      </button>
      {open.length > 0 && (
        <>
          <p>{m.browseOpen}</p>
          <ul className="link-list">
            {open.map((c) => (
              <li key={c.id}>
                <Link href={`/c/${c.id}`}>{c.name}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
      {creating && <NewCommunityDialog onClose={() => setCreating(false)} />}
    </div>
  );
}
