import { useId, useState } from 'react';
import { useMessages } from '../../shared/i18n/language';
import { ITEM_KINDS, SECI_STAGES } from '../../entities/items/vocabulary';
import { searchMessages } from './messages';
import { activeFilters, FacetName, FACETS, isChosen, SearchState } from './search-address';
import type { FacetCount, SearchFacets as Facets } from './search-queries';
import { useFilterLabels } from './use-filter-labels';
import { useMediaQuery } from './use-media-query';
import './search.css';

/** Tags beyond this many hide behind a "show all" button. */
const TAGS_SHOWN = 8;

const FACET_OF: Record<FacetName, keyof Facets> = {
  stage: 'stages',
  kind: 'kinds',
  tag: 'tags',
  community: 'communities',
};

/**
 * The counts of one facet, plus chosen values the answer has no count for
 * (so a chosen filter can always be unticked). Stages and kinds in their own
 * order (the spiral), tags and leernetwerken by count as the server sends them.
 */
function facetValues(facet: FacetName, counts: FacetCount[], state: SearchState): FacetCount[] {
  const chosen = FACETS.find((f) => f.name === facet)!.key;
  const values = counts.filter((c) => c.count > 0 || isChosen(state, facet, c.value));
  for (const value of state[chosen] as string[])
    if (!values.some((c) => c.value === value)) values.push({ value, count: 0, label: null });
  const order: readonly string[] | null = facet === 'stage' ? SECI_STAGES : facet === 'kind' ? ITEM_KINDS : null;
  return order ? values.sort((a, b) => order.indexOf(a.value) - order.indexOf(b.value)) : values;
}

interface SearchFacetsProps {
  facets: Facets;
  state: SearchState;
  onToggle(facet: FacetName, value: string): void;
  onClear(): void;
}

/**
 * Narrowing by stage, kind, leernetwerk and tag: checkboxes with counts. A
 * facet's counts leave out its own choice, so the other values stay in view.
 * On a narrow screen the facets fold away behind their heading (a disclosure),
 * so the results are not pushed below the fold.
 */
export function SearchFacets({ facets, state, onToggle, onClear }: SearchFacetsProps) {
  const m = useMessages(searchMessages);
  const { facetName, valueLabel } = useFilterLabels(facets);
  const [allTags, setAllTags] = useState(false);
  const headingId = useId();
  const panelId = useId();
  const narrow = useMediaQuery('(max-width: 60rem)');
  const [unfolded, setUnfolded] = useState(false);
  const chosen = activeFilters(state).length;

  const group = (facet: FacetName) => {
    let values = facetValues(facet, facets[FACET_OF[facet]], state);
    // One leernetwerk to choose from narrows nothing.
    if (facet === 'community' && values.length < 2 && state.communities.length === 0) return null;
    if (values.length === 0) return null;
    const hiddenTags = facet === 'tag' && !allTags ? Math.max(0, values.length - TAGS_SHOWN) : 0;
    if (hiddenTags) values = values.filter((v, i) => i < TAGS_SHOWN || isChosen(state, facet, v.value));
    return (
      <fieldset key={facet} className="facet">
        <legend>{facetName(facet)}</legend>
        <ul>
          {values.map((v) => (
            <li key={v.value}>
              <label className="checkbox facet-choice">
                <input
                  type="checkbox"
                  checked={isChosen(state, facet, v.value)}
                  onChange={() => onToggle(facet, v.value)}
                />
                <span className="facet-label">{valueLabel(facet, v.value)}</span>
                <span className="facet-count">({v.count})</span>
              </label>
            </li>
          ))}
        </ul>
        {facet === 'tag' && (hiddenTags > 0 || allTags) && facets.tags.length > TAGS_SHOWN && (
          <button
            type="button"
            className="button-quiet button-small"
            aria-expanded={allTags}
            onClick={() => setAllTags(!allTags)}
          >
            {allTags ? m.fewerTags : m.moreTags(facets.tags.length)}
          </button>
        )}
      </fieldset>
    );
  };

  return (
    <section className="search-facets" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {narrow ? (
          <button
            type="button"
            className="facets-toggle"
            aria-expanded={unfolded}
            aria-controls={panelId}
            onClick={() => setUnfolded(!unfolded)}
          >
            {m.refine}
            {chosen > 0 && <span className="facets-on"> · {m.filtersOn(chosen)}</span>}
            <span aria-hidden="true" className="facets-arrow">
              ▾
            </span>
          </button>
        ) : (
          m.refine
        )}
      </h2>
      <div id={panelId} className="facets-panel" hidden={narrow && !unfolded}>
        {FACETS.map(({ name }) => group(name))}
        {chosen > 0 && (
          <button type="button" className="button-quiet" onClick={onClear}>
            {m.clearFilters}
          </button>
        )}
      </div>
    </section>
  );
}
