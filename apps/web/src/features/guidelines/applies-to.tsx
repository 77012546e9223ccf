import { useMessages } from '../../shared/i18n/language';
import type { ItemDetail } from '../../entities/items/item-queries';
import { Link } from '../../shared/ui/link';
import { guidelineMessages } from './messages';
import './guidelines.css';

/** For a practice reflection: "Toepassing van <richtlijn> versie N". */
export function AppliesTo({ appliesTo }: { appliesTo: NonNullable<ItemDetail['appliesTo']> }) {
  const m = useMessages(guidelineMessages);
  return (
    <p className="applies-to">
      {m.appliesTo} <Link href={`/items/${appliesTo.guideline.id}`}>{appliesTo.guideline.title}</Link>{' '}
      {m.appliesToVersion(appliesTo.version)}
    </p>
  );
}
