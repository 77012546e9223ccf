import { useId } from 'react';
import { useMessages } from '../../shared/i18n/language';
import type { GuidelineSummary } from '../../entities/items/item-queries';
import { Link } from '../../shared/ui/link';
import { GuidelineStatusBadge } from '../../entities/items/guideline-status-badge';
import { guidelineMessages } from './messages';
import './guidelines.css';

/** "Afgeleid in richtlijnen": the guidelines this item is a source of. Nothing when there are none. */
export function DerivedGuidelines({ guidelines }: { guidelines: GuidelineSummary[] }) {
  const m = useMessages(guidelineMessages);
  const id = useId();
  if (!guidelines.length) return null;
  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{m.derivedSection}</h2>
      <p className="hint">{m.derivedHint}</p>
      <ul className="link-rows">
        {guidelines.map((guideline) => (
          <li key={guideline.id}>
            <Link href={`/items/${guideline.id}`}>{guideline.title}</Link>
            {guideline.guidelineStatus && <GuidelineStatusBadge status={guideline.guidelineStatus} />}
          </li>
        ))}
      </ul>
    </section>
  );
}
