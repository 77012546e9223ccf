import './meeting-page.css';
import { MEETING_KIND_LABELS } from '@spiraal/domain';
import { useRef, useState } from 'react';
import { useQuery } from '../shared/api/use-query';
import { may } from '../shared/permissions/permissions';
import { useCurrentCommunity } from '../entities/communities/communities-provider';
import { useLanguage, useMessages } from '../shared/i18n/language';
import { useLabel } from '../shared/i18n/use-label';
import { ErrorMessage } from '../shared/ui/error-message';
import { formatDateTime } from '../shared/ui/format';
import { Link } from '../shared/ui/link';
import { Loading } from '../shared/ui/loading';
import { PageHeading } from '../shared/ui/page-heading';
import { AddToAgendaForm } from '../features/meetings/add-to-agenda-form';
import { AgendaList } from '../features/meetings/agenda-list';
import { AgendaSuggestions } from '../features/meetings/agenda-suggestions';
import { MEETING_QUERY } from '../features/meetings/meeting-queries';
import { meetingMessages } from '../features/meetings/messages';

/**
 * `/bijeenkomsten/<id>`: a meeting's agenda, what has not been discussed yet
 * (one click puts it on the agenda), and its verslag.
 */
export function MeetingPage({ meetingId }: { meetingId: string }) {
  const m = useMessages(meetingMessages);
  const { language } = useLanguage();
  const label = useLabel();
  const { data, error, reload } = useQuery(MEETING_QUERY, { id: meetingId });
  const meeting = data?.meeting.id === meetingId ? data.meeting : undefined;
  useCurrentCommunity(meeting?.community.id);
  const agendaHeading = useRef<HTMLHeadingElement>(null);
  const [done, setDone] = useState('');

  if (!meeting && error) {
    return (
      <>
        <PageHeading>{m.notFound}</PageHeading>
        <ErrorMessage error={error} />
      </>
    );
  }
  if (!meeting) return <Loading />;
  const manage = may(meeting.community.myRole, 'meeting.manage');
  const meetingsHref = `/c/${meeting.community.id}/bijeenkomsten`;

  /** Something went on the agenda: say so, and take the keyboard to the agenda (the pressed button may be gone). */
  const added = (what: string) => {
    setDone(what ? m.addedItem(what) : m.added);
    reload();
    agendaHeading.current?.focus();
  };

  return (
    <>
      <nav aria-label={m.breadcrumb} className="breadcrumb">
        <ol>
          <li>
            <Link href={`/c/${meeting.community.id}`}>{meeting.community.name}</Link>
          </li>
          <li>
            <Link href={meetingsHref}>{m.title}</Link>
          </li>
          <li aria-current="page">{meeting.title}</li>
        </ol>
      </nav>
      <div className="page-header">
        <div>
          <p className="item-card-meta">
            <span className="item-kind">{label(MEETING_KIND_LABELS[meeting.kind])}</span>
            <time dateTime={meeting.date}>{formatDateTime(meeting.date, language)}</time>
          </p>
          <PageHeading>{meeting.title}</PageHeading>
        </div>
        {meeting.report ? (
          <Link className="button-secondary" href={`/items/${meeting.report.id}`}>
            {m.toReport}
          </Link>
        ) : (
          <p className="muted">{m.noReport}</p>
        )}
      </div>
      <div className="meeting-layout">
        <section className="panel" aria-labelledby="meeting-agenda">
          <h2 id="meeting-agenda" ref={agendaHeading} tabIndex={-1}>
            {m.agenda}
          </h2>
          <p role="status" className="message message-success" hidden={!done}>
            {done}
          </p>
          {meeting.agenda.length ? <AgendaList agenda={meeting.agenda} /> : <p className="muted">{m.agendaEmpty}</p>}
          {manage ? (
            <AddToAgendaForm meetingId={meeting.id} communityId={meeting.community.id} onAdded={added} />
          ) : (
            <p className="muted">{m.readOnly}</p>
          )}
        </section>
        <section className="panel" aria-labelledby="meeting-suggestions">
          <h2 id="meeting-suggestions">{m.suggestions}</h2>
          <p className="hint">{m.suggestionsIntro}</p>
          <AgendaSuggestions
            meetingId={meeting.id}
            suggestions={meeting.agendaSuggestions}
            manage={manage}
            onAdded={added}
          />
        </section>
      </div>
    </>
  );
}
