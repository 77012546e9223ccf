import type { ReactNode } from 'react';
import { useMessages } from '../../shared/i18n/language';
import { searchMessages } from './messages';
import { ActiveFilter, FacetName } from './search-address';
import type { SearchFacets } from './search-queries';
import { useFilterLabels } from './use-filter-labels';
import './search.css';

interface NothingFoundProps {
  query: string;
  /** The closest words the network uses, shown before the tips. */
  closeWords?: ReactNode;
  filters: ActiveFilter[];
  facets: SearchFacets | undefined;
  onDrop(facet: FacetName, value: string): void;
  onDropAll(): void;
}

/**
 * No hits: with filters, a button per filter to search without it (and one
 * for all of them); without filters, a few tips for the words themselves.
 */
export function NothingFound({ query, closeWords, filters, facets, onDrop, onDropAll }: NothingFoundProps) {
  const m = useMessages(searchMessages);
  const { facetName, valueLabel } = useFilterLabels(facets);
  return (
    <div className="search-empty">
      <h3>{m.nothingFound(query)}</h3>
      {closeWords}
      {filters.length > 0 ? (
        <>
          <p>{m.withFilters}</p>
          <ul className="search-suggestions">
            {filters.map(({ facet, value }) => (
              <li key={`${facet}:${value}`}>
                <button type="button" className="button-secondary" onClick={() => onDrop(facet, value)}>
                  {m.withoutFilter(facetName(facet), valueLabel(facet, value))}
                </button>
              </li>
            ))}
            {filters.length > 1 && (
              <li>
                <button type="button" className="button-secondary" onClick={onDropAll}>
                  {m.withoutAllFilters}
                </button>
              </li>
            )}
          </ul>
        </>
      ) : (
        <>
          <p>{m.tipsIntro}</p>
          <ul>
            {m.tips.map((tip) => (
              <li key={tip}>{tip}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
