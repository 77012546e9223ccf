import { useCommunities } from '../../entities/communities/communities-provider';
import { useMessages } from '../../shared/i18n/language';
import { itemMessages } from '../../entities/items/messages';
import { isItemKind, isSeciStage } from '../../entities/items/vocabulary';
import { searchMessages } from './messages';
import type { FacetName } from './search-address';
import type { SearchFacets } from './search-queries';

/** Words for facets and their values: stage and kind in the current language, a leernetwerk by its name. */
export function useFilterLabels(facets: SearchFacets | undefined) {
  const m = useMessages(searchMessages);
  const im = useMessages(itemMessages);
  const { list } = useCommunities();
  const names: Record<FacetName, string> = {
    stage: m.facetStage,
    kind: m.facetKind,
    tag: m.facetTag,
    community: m.facetCommunity,
  };
  return {
    facetName: (facet: FacetName) => names[facet],
    valueLabel: (facet: FacetName, value: string): string => {
      if (facet === 'stage' && isSeciStage(value)) return im.stages[value];
      if (facet === 'kind' && isItemKind(value)) return im.kinds[value];
      if (facet === 'community')
        return (
          facets?.communities.find((c) => c.value === value)?.label ?? list?.find((c) => c.id === value)?.name ?? value
        );
      return value;
    },
  };
}
