import { useId } from 'react';
import { useMessages } from '../../shared/i18n/language';
import { ItemList } from '../../entities/items/item-list';
import type { ItemSummary } from '../../entities/items/item-queries';
import { guidelineMessages } from './messages';

/** Bronnen: what the guideline was made from (provenance), each a link. */
export function GuidelineSources({ sources }: { sources: ItemSummary[] }) {
  const m = useMessages(guidelineMessages);
  const id = useId();
  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{m.sourcesSection}</h2>
      {sources.length ? <ItemList items={sources} compact /> : <p className="muted">{m.sourcesEmpty}</p>}
    </section>
  );
}
