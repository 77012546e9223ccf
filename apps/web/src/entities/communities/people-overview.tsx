import { useQuery } from '../../shared/api/use-query';
import { useMessages } from '../../shared/i18n/language';
import { ErrorMessage } from '../../shared/ui/error-message';
import { Link } from '../../shared/ui/link';
import { Loading } from '../../shared/ui/loading';
import { PERSPECTIVES_QUERY } from './community-queries';
import { communityMessages } from './messages';
import { PERSPECTIVES } from './vocabulary';
import './communities.css';

/** How many people bring each perspective, and which voices are still missing. */
export function PeopleOverview({ communityId }: { communityId: string }) {
  const m = useMessages(communityMessages);
  const { data, error } = useQuery(PERSPECTIVES_QUERY, { id: communityId });
  if (error) return <ErrorMessage error={error} />;
  if (!data) return <Loading />;
  const members = data.community.members;
  const counts = PERSPECTIVES.map((p) => [p, members.filter((member) => member.perspective === p).length] as const);
  const present = counts.filter(([, n]) => n > 0);
  const missing = counts.filter(([p, n]) => n === 0 && p !== 'OTHER');
  return (
    <div className="people">
      <p>{m.peopleCount(members.length)}</p>
      <ul className="perspective-counts">
        {present.map(([p, n]) => (
          <li key={p}>
            <span className="perspective-count">{n}</span> {m.perspectives[p]}
          </li>
        ))}
      </ul>
      {missing.length > 0 && (
        <p className="muted">
          {m.missing} {missing.map(([p]) => m.perspectives[p]).join(', ')}
        </p>
      )}
      <p>
        <Link href={`/c/${communityId}/members`}>{m.seeMembers}</Link>
      </p>
    </div>
  );
}
