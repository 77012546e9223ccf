import { useState } from 'react';
import { useQuery } from '../shared/api/use-query';
import { may } from '../shared/permissions/permissions';
import { useCurrentCommunity } from '../entities/communities/communities-provider';
import { useMessages } from '../shared/i18n/language';
import { ErrorMessage } from '../shared/ui/error-message';
import { Loading } from '../shared/ui/loading';
import { PageHeading } from '../shared/ui/page-heading';
import { MeetingList } from '../features/meetings/meeting-list';
import { MEETINGS_QUERY } from '../features/meetings/meeting-queries';
import { meetingMessages } from '../features/meetings/messages';
import { NewMeetingDialog } from '../features/meetings/new-meeting-dialog';

/** `/c/<id>/bijeenkomsten`: the community's meetings, upcoming first (soonest on top), then earlier ones. */
export function MeetingsPage({ communityId }: { communityId: string }) {
  const m = useMessages(meetingMessages);
  useCurrentCommunity(communityId);
  const { data, error } = useQuery(MEETINGS_QUERY, { communityId });
  const [creating, setCreating] = useState(false);

  if (!data && error) {
    return (
      <>
        <PageHeading>{m.title}</PageHeading>
        <ErrorMessage error={error} />
      </>
    );
  }
  if (!data || data.community.id !== communityId) return <Loading />;
  const now = Date.now();
  const upcoming = data.meetings.filter((meeting) => new Date(meeting.date).getTime() >= now).reverse();
  const past = data.meetings.filter((meeting) => new Date(meeting.date).getTime() < now);

  return (
    <>
      <div className="page-header">
        <div>
          <p className="eyebrow">{data.community.name}</p>
          <PageHeading documentTitle={m.titleOf(data.community.name)}>{m.title}</PageHeading>
          <p className="muted">{m.intro}</p>
        </div>
        {may(data.community.myRole, 'meeting.manage') && (
          <button type="button" className="button-primary" onClick={() => setCreating(true)}>
            <span aria-hidden="true">+ </span>
            {m.newMeeting}
          </button>
        )}
      </div>
      {data.meetings.length === 0 ? (
        <p className="empty">{m.noMeetings}</p>
      ) : (
        <>
          <section aria-labelledby="meetings-upcoming">
            <h2 id="meetings-upcoming">{m.upcoming}</h2>
            {upcoming.length ? <MeetingList meetings={upcoming} /> : <p className="muted">{m.noUpcoming}</p>}
          </section>
          {past.length > 0 && (
            <section aria-labelledby="meetings-past">
              <h2 id="meetings-past">{m.past}</h2>
              <MeetingList meetings={past} />
            </section>
          )}
        </>
      )}
      {creating && <NewMeetingDialog communityId={communityId} onClose={() => setCreating(false)} />}
    </>
  );
}
