import type { ReactNode } from 'react';
import { useMessages } from '../../shared/i18n/language';
import { Link } from '../../shared/ui/link';
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
  /** 0: the viewer may read no community yet, so nothing was searched. */
  readableCommunities?: number;
}

/**
 * No hits: with filters, a button per filter to search without it (and one
 * for all of them); without filters, a few tips for the words themselves.
 */
export function NothingFound({
  query,
  closeWords,
  filters,
  facets,
  onDrop,
  onDropAll,
  readableCommunities,
}: NothingFoundProps) {
  const m = useMessages(searchMessages);
  const { facetName, valueLabel } = useFilterLabels(facets);
  if (readableCommunities === 0) {
    // Spelling tips would mislead: there is nothing to search yet.
    return (
      <div className="search-empty">
        <h3>{m.nothingToSearch}</h3>
        <p>
          {m.nothingToSearchText} <Link href="/leernetwerken">{m.browseCommunities}</Link>
        </p>
      </div>
    );
  }
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
