import { useQuery } from '../shared/api/use-query';
import { useMessages } from '../shared/i18n/language';
import { ErrorMessage } from '../shared/ui/error-message';
import { Link } from '../shared/ui/link';
import { Loading } from '../shared/ui/loading';
import { PageHeading } from '../shared/ui/page-heading';
import { useCommunities } from '../entities/communities/communities-provider';
import { COMMUNITY_DIRECTORY } from '../features/directory/directory-queries';
import { JoinForm } from '../features/directory/join-button';
import { directoryMessages } from '../features/directory/messages';

/** /leernetwerken: every open or listed leernetwerk, with its facilitators; ask to join the ones you are not in. */
export function DirectoryPage() {
  const m = useMessages(directoryMessages);
  const { data, error, reload } = useQuery(COMMUNITY_DIRECTORY, {});
  const communities = useCommunities();
  if (!data && error) return <ErrorMessage error={error} />;
  if (!data) return <Loading />;
  const entries = data.communityDirectory;
  return (
    <>
      <PageHeading>{m.title}</PageHeading>
      <p className="lead">{m.intro}</p>
      {entries.length === 0 && <p className="muted">{m.empty}</p>}
      <ul className="directory-list">
        {entries.map((c) => (
          <li key={c.id} className="panel">
            <h2>{c.myRole || c.visibility === 'NETWORK' ? <Link href={`/c/${c.id}`}>{c.name}</Link> : c.name}</h2>
            {c.description && <p>{c.description}</p>}
            <p className="muted">
              {c.visibility === 'LISTED' ? m.listed : c.visibility === 'NETWORK' ? m.network : ''}
              {c.facilitators.length > 0 && (
                <> · {m.facilitators(c.facilitators.map((f) => f.displayName).join(', '))}</>
              )}
            </p>
            {c.myRole ? (
              <p>{m.yourRole}</p>
            ) : c.joinRequested ? (
              <p role="status">{m.requested}</p>
            ) : (
              <JoinForm
                communityId={c.id}
                onAsked={() => {
                  reload();
                  communities.reload();
                }}
              />
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
