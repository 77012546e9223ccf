import { useId } from 'react';
import { useLanguage, useMessages } from '../../shared/i18n/language';
import type { GuidelineVersion } from '../../entities/items/item-queries';
import { formatDate } from '../../shared/ui/format';
import { guidelineMessages } from './messages';
import './guidelines.css';

/** Who proposed the voorstellen a version took over (its provenance), Dutch first. */
const provenanceMessages = {
  nl: { proposedBy: 'Voorstellen van' },
  en: { proposedBy: 'Proposals by' },
};

/** Versies: every adopted version, newest first, each readable as it was adopted. */
export function GuidelineVersions({ versions }: { versions: GuidelineVersion[] }) {
  const m = useMessages(guidelineMessages);
  const pm = useMessages(provenanceMessages);
  const { language } = useLanguage();
  const id = useId();
  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{m.versionsSection}</h2>
      {versions.length === 0 ? (
        <p className="muted">{m.versionsEmpty}</p>
      ) : (
        <ol className="versions" reversed>
          {versions.map((version) => (
            <li key={version.number}>
              <h3>{m.versionTitle(version.number)}</h3>
              <dl className="facts">
                <dt>{m.adoptedBy}</dt>
                <dd>{version.adoptedBy?.displayName ?? m.unknownPerson}</dd>
                <dt>{m.adoptedAt}</dt>
                <dd>
                  <time dateTime={version.adoptedAt}>{formatDate(version.adoptedAt, language)}</time>
                </dd>
                {version.proposedBy.length > 0 && (
                  <>
                    <dt>{pm.proposedBy}</dt>
                    <dd>{version.proposedBy.map((p) => p.displayName).join(', ')}</dd>
                  </>
                )}
                {version.reviewDate && (
                  <>
                    <dt>{m.versionReview}</dt>
                    <dd>
                      <time dateTime={version.reviewDate}>{formatDate(version.reviewDate, language)}</time>
                    </dd>
                  </>
                )}
              </dl>
              <details className="version-text">
                <summary>{m.versionText(version.number)}</summary>
                {/* Focusable, so keyboard users can scroll a long version. */}
                <div className="revision-text" tabIndex={0} role="document" aria-label={m.versionText(version.number)}>
                  {version.text || m.versionEmpty}
                </div>
              </details>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
