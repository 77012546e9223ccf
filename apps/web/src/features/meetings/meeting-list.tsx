import { MEETING_KIND_LABELS } from '@spiraal/domain';
import { useLanguage, useMessages } from '../../shared/i18n/language';
import { useLabel } from '../../shared/i18n/use-label';
import { formatDateTime } from '../../shared/ui/format';
import { Link } from '../../shared/ui/link';
import { VisuallyHidden } from '../../shared/ui/visually-hidden';
import type { MeetingSummary } from './meeting-queries';
import { meetingMessages } from './messages';
import './meetings.css';

/** Meetings as cards: title (a link), kind and date. */
export function MeetingList({ meetings }: { meetings: MeetingSummary[] }) {
  const m = useMessages(meetingMessages);
  const { language } = useLanguage();
  const label = useLabel();
  return (
    <ul className="item-list">
      {meetings.map((meeting) => (
        <li key={meeting.id} className="item-card">
          <div className="item-card-meta">
            <span className="item-kind">
              <VisuallyHidden>{m.kindPrefix}</VisuallyHidden>
              {label(MEETING_KIND_LABELS[meeting.kind])}
            </span>
            <time dateTime={meeting.date}>{formatDateTime(meeting.date, language)}</time>
          </div>
          <Link className="item-card-title" href={`/bijeenkomsten/${meeting.id}`}>
            {meeting.title}
          </Link>
        </li>
      ))}
    </ul>
  );
}
