import { useLanguage, useMessages } from '../../shared/i18n/language';
import { formatDateTime } from '../../shared/ui/format';
import { LinkedText } from '../../shared/ui/linked-text';
import type { ItemDetail } from './item-queries';
import { itemMessages } from './messages';
import './items.css';

/** Every move through the spiral, newest first: these records are the spiral itself. */
export function StageHistory({ history }: { history: ItemDetail['stageHistory'] }) {
  const m = useMessages(itemMessages);
  const { language } = useLanguage();
  const newestFirst = [...history].reverse();
  return (
    <>
      <h3>{m.history}</h3>
      <ol className="history">
        {newestFirst.map((change, i) => (
          <li key={`${change.at}-${i}`}>
            <p className="history-move">
              {change.from
                ? m.historyMove(m.stages[change.from], m.stages[change.to])
                : m.historyStart(m.stages[change.to])}
            </p>
            <p className="history-meta">
              {m.by(change.by?.displayName ?? m.unknownPerson)},{' '}
              <time dateTime={change.at}>{formatDateTime(change.at, language)}</time>
            </p>
            {change.reason && (
              <blockquote className="history-reason">
                <LinkedText text={change.reason} />
              </blockquote>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
