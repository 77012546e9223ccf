import { useId } from 'react';
import { useLanguage, useMessages } from '../../shared/i18n/language';
import type { ItemDetail } from '../../entities/items/item-queries';
import { formatDate } from '../../shared/ui/format';
import { Link } from '../../shared/ui/link';
import { guidelineMessages } from './messages';
import './guidelines.css';

/** Toepassingen: the practice reflections on this guideline, newest first. */
export function GuidelineApplications({ applications }: { applications: ItemDetail['applications'] }) {
  const m = useMessages(guidelineMessages);
  const { language } = useLanguage();
  const id = useId();
  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>
        {m.applicationsSection} <span className="muted heading-count">({applications.length})</span>
      </h2>
      {applications.length ? (
        <ul className="link-rows">
          {applications.map((application) => (
            <li key={application.id}>
              <Link href={`/items/${application.id}`}>{application.title}</Link>
              <span className="muted">
                {m.applicationBy(
                  application.authors.map((a) => a.displayName).join(', ') || m.unknownPerson,
                  formatDate(application.createdAt, language),
                )}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{m.applicationsEmpty}</p>
      )}
    </section>
  );
}
