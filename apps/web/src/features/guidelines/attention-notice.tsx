import { useLanguage, useMessages } from '../../shared/i18n/language';
import type { ItemDetail } from '../../entities/items/item-queries';
import { formatDate } from '../../shared/ui/format';
import { Link } from '../../shared/ui/link';
import { serverText } from '../../shared/ui/error-message';
import { guidelineMessages } from './messages';
import './guidelines.css';

/** Why a guideline asks to be looked at again: its review date passed, or a source changed after adoption. */
export function AttentionNotice({ item }: { item: ItemDetail }) {
  const m = useMessages(guidelineMessages);
  const { language } = useLanguage();
  if (!item.attention?.needed) return null;
  return (
    <section className="message message-warning attention" aria-labelledby={`attention-${item.id}`}>
      <h2 id={`attention-${item.id}`} className="attention-title">
        {m.attentionTitle}
      </h2>
      <ul>
        {item.attention.reasons.map((reason, i) => (
          <li key={`${reason.code}-${reason.item?.id ?? i}`}>
            {reason.code === 'REVIEW_DATE_PASSED' && item.reviewDate ? (
              m.reviewDatePassed(formatDate(item.reviewDate, language))
            ) : reason.code === 'SOURCE_CHANGED' && reason.item ? (
              <>
                {m.sourceChanged} <Link href={`/items/${reason.item.id}`}>{reason.item.title}</Link>
              </>
            ) : (
              serverText(reason.message, language)
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
