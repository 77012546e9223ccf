import { COMMENT_KIND_LABELS } from '@spiraal/domain';
import { useMessages } from '../../shared/i18n/language';
import { useLabel } from '../../shared/i18n/use-label';
import { itemMessages } from '../../entities/items/messages';
import { StageBadge } from '../../entities/items/stage-badge';
import { Link } from '../../shared/ui/link';
import { LinkedText } from '../../shared/ui/linked-text';
import type { AgendaEntry } from './meeting-queries';
import { meetingMessages } from './messages';
import './meetings.css';

/** The agenda in order: items and questions as links to where they live, notes as text. */
export function AgendaList({ agenda }: { agenda: AgendaEntry[] }) {
  const m = useMessages(meetingMessages);
  const im = useMessages(itemMessages);
  const label = useLabel();
  return (
    <ol className="agenda">
      {agenda.map((entry) => (
        <li key={entry.id} className="agenda-entry">
          {entry.comment && entry.item ? (
            <>
              <p className="agenda-what">
                <span className="item-kind">{label(COMMENT_KIND_LABELS[entry.comment.kind])}</span> {m.questionOn}{' '}
                <Link href={`/items/${entry.item.id}`}>{entry.item.title}</Link>
              </p>
              <blockquote className="agenda-quote">
                <LinkedText text={entry.comment.body} />
              </blockquote>
            </>
          ) : entry.item ? (
            <p className="agenda-what">
              <span className="item-kind">{im.kinds[entry.item.kind]}</span> <StageBadge stage={entry.item.stage} />{' '}
              <Link href={`/items/${entry.item.id}`}>{entry.item.title}</Link>
            </p>
          ) : (
            <p className="agenda-what">
              <span className="item-kind">{m.noteLabel}</span>
            </p>
          )}
          {entry.note && (
            <p className="agenda-note">
              <LinkedText text={entry.note} />
            </p>
          )}
          {entry.addedBy && <p className="agenda-meta">{m.addedBy(entry.addedBy.displayName)}</p>}
        </li>
      ))}
    </ol>
  );
}
