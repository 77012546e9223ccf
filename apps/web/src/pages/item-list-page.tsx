import { useEffect, useMemo, useState } from 'react';
import { graphql } from '../shared/api/graphql';
import { useAction, useQuery } from '../shared/api/use-query';
import { may } from '../shared/permissions/permissions';
import { useCurrentCommunity } from '../entities/communities/communities-provider';
import { PromoteButton } from '../features/guidelines/promote-button';
import { useMessages } from '../shared/i18n/language';
import { ErrorMessage } from '../shared/ui/error-message';
import { Loading } from '../shared/ui/loading';
import { PageHeading } from '../shared/ui/page-heading';
import { apiFilter, Filters, filtersFromSearch, ItemFilters, searchFromFilters } from '../entities/items/item-filters';
import { ItemList } from '../entities/items/item-list';
import { ItemPage, ITEMS_QUERY, ItemSummary } from '../entities/items/item-queries';
import { itemMessages } from '../entities/items/messages';
import { NewItemDialog } from '../entities/items/new-item-dialog';
import { canEdit } from '../entities/items/vocabulary';

/** Filters follow the address, also when it changes by a link or the back button. */
function useFiltersInAddress(): [Filters, (filters: Filters) => void] {
  const [filters, setFilters] = useState(() => filtersFromSearch(window.location.search));
  useEffect(() => {
    const update = () => setFilters(filtersFromSearch(window.location.search));
    window.addEventListener('popstate', update);
    return () => window.removeEventListener('popstate', update);
  }, []);
  const change = (next: Filters) => {
    setFilters(next);
    window.history.replaceState(null, '', window.location.pathname + searchFromFilters(next));
  };
  return [filters, change];
}

/** `/c/<id>/items`: the community's knowledge base, filtered by kind, stage and tag. */
export function ItemListPage({ communityId }: { communityId: string }) {
  const m = useMessages(itemMessages);
  useCurrentCommunity(communityId);
  const [filters, setFilters] = useFiltersInAddress();
  const [creating, setCreating] = useState(false);
  const { data, error, loading } = useQuery(ITEMS_QUERY, { communityId, filter: apiFilter(filters) });
  // Further pages, appended below the first; reset whenever the first page changes.
  const [more, setMore] = useState<{ items: ItemSummary[]; pageInfo: ItemPage['pageInfo'] } | null>(null);
  const loadMore = useAction();
  useEffect(() => setMore(null), [data]);

  const items = useMemo(() => [...(data?.items.edges.map((e) => e.node) ?? []), ...(more?.items ?? [])], [data, more]);
  const pageInfo = more?.pageInfo ?? data?.items.pageInfo;
  const knownTags = useMemo(() => [...new Set(items.flatMap((item) => item.tags))].sort(), [items]);

  const fetchMore = async () => {
    const result = await loadMore.run(() =>
      graphql(ITEMS_QUERY, { communityId, filter: apiFilter(filters), after: pageInfo?.endCursor }),
    );
    if (result)
      setMore({
        items: [...(more?.items ?? []), ...result.items.edges.map((e) => e.node)],
        pageInfo: result.items.pageInfo,
      });
  };

  if (!data && error) {
    return (
      <>
        <PageHeading>{m.listTitle}</PageHeading>
        <ErrorMessage error={error} />
      </>
    );
  }
  if (!data) return <Loading />;
  const noFilters = !filters.kind && !filters.stage && !filters.tag && !filters.archived;

  return (
    <>
      <div className="page-header">
        <div>
          <p className="eyebrow">{data.community.name}</p>
          <PageHeading documentTitle={m.listTitleOf(data.community.name)}>{m.listTitle}</PageHeading>
        </div>
        {(canEdit(data.community.myRole) || may(data.community.myRole, 'guideline.create')) && (
          <div className="actions">
            {canEdit(data.community.myRole) && (
              <button type="button" className="button-primary" onClick={() => setCreating(true)}>
                <span aria-hidden="true">+ </span>
                {m.newItem}
              </button>
            )}
            {may(data.community.myRole, 'guideline.create') && <PromoteButton communityId={communityId} />}
          </div>
        )}
      </div>
      <ItemFilters filters={filters} onChange={setFilters} knownTags={knownTags} />
      <ErrorMessage error={error ?? loadMore.error} />
      <section aria-busy={loading}>
        <p className="result-count" role="status">
          {m.count(data.items.totalCount)}
        </p>
        {items.length > 0 ? (
          <ItemList items={items} onTag={(tag) => setFilters({ ...filters, tag })} />
        ) : (
          <p className="empty">{noFilters ? m.emptyAll : m.empty}</p>
        )}
        {pageInfo?.hasNextPage && (
          <button
            type="button"
            className="button-secondary load-more"
            onClick={() => void fetchMore()}
            disabled={loadMore.busy}
          >
            {m.more}
          </button>
        )}
      </section>
      {creating && (
        <NewItemDialog communityId={communityId} role={data.community.myRole} onClose={() => setCreating(false)} />
      )}
    </>
  );
}
