import './search-page.css';
import { QUERY_MAX_CHARS } from '@spiraal/search';
import { FormEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { graphql } from '../shared/api/graphql';
import { useAction, useQuery } from '../shared/api/use-query';
import { navigate, useLocationSearch } from '../shared/router/router';
import { useMessages } from '../shared/i18n/language';
import { ErrorMessage } from '../shared/ui/error-message';
import { Loading } from '../shared/ui/loading';
import { PageHeading } from '../shared/ui/page-heading';
import { searchMessages } from '../features/search/messages';
import { NothingFound } from '../features/search/nothing-found';
import {
  activeFilters,
  addressFor,
  FacetName,
  searchFromAddress,
  searchInput,
  SearchState,
  toggleFilter,
  withoutFilters,
} from '../features/search/search-address';
import { SearchFacets } from '../features/search/search-facets';
import { SearchHitList } from '../features/search/search-hit-list';
import { CloseWords, QueryFeedback } from '../features/search/query-feedback';
import { SEARCH_HITS_QUERY, SEARCH_QUERY, SearchHit } from '../features/search/search-queries';

const PAGE_SIZE = 20;
/** The API pages no further than this offset. */
const OFFSET_MAX = 1_000;

/**
 * `/zoeken?q=…&stage=…&kind=…&tag=…&community=…`: everything the user may
 * read, narrowed by facets. The address holds the whole search, so the back
 * button, a reload and a shared link all show the same results.
 */
export function SearchPage() {
  const m = useMessages(searchMessages);
  const id = useId();
  const address = useLocationSearch();
  const state = useMemo(() => searchFromAddress(address), [address]);
  const query = state.q.trim();
  const filters = activeFilters(state);
  const { data, error, loading } = useQuery(
    SEARCH_QUERY,
    { input: searchInput(state, { limit: PAGE_SIZE }) },
    { skip: !query },
  );

  // The field follows the address (a link, the back button), and changes it on submit.
  const [text, setText] = useState(state.q);
  useEffect(() => setText(state.q), [state.q]);

  // Further pages, appended below the first; reset whenever the first page changes.
  const [more, setMore] = useState<SearchHit[]>([]);
  const loadMore = useAction();
  const firstPage = useRef(data);
  firstPage.current = data;
  useEffect(() => setMore([]), [data]);
  const hits = useMemo(() => {
    const first = data?.search.hits ?? [];
    const seen = new Set(first.map((hit) => hit.item.id));
    return [...first, ...more.filter((hit) => !seen.has(hit.item.id))];
  }, [data, more]);
  const total = data?.search.totalHits ?? 0;

  // After "Meer resultaten", focus goes to the first new result; after dropping a filter, to the results.
  const list = useRef<HTMLOListElement>(null);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const focusHit = useRef<number | null>(null);
  useEffect(() => {
    if (focusHit.current === null) return;
    list.current?.querySelectorAll<HTMLElement>('.search-hit-title a')[focusHit.current]?.focus();
    focusHit.current = null;
  }, [more]);

  const change = (next: SearchState) => navigate(addressFor(next), { replace: true });
  const toggle = (facet: FacetName, value: string) => change(toggleFilter(state, facet, value));
  const drop = (next: SearchState) => {
    change(next);
    resultsHeading.current?.focus();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(addressFor({ ...state, q: text }));
  };
  const fetchMore = async () => {
    const before = data;
    const offset = hits.length;
    const result = await loadMore.run(() =>
      graphql(SEARCH_HITS_QUERY, { input: searchInput(state, { limit: PAGE_SIZE, offset }) }),
    );
    if (!result || firstPage.current !== before) return; // the search changed meanwhile
    focusHit.current = offset;
    setMore([...more, ...result.search.hits]);
  };

  const tooLong = query.length > QUERY_MAX_CHARS;
  const showFacets = !!data && !error;

  return (
    <>
      <PageHeading>{m.title}</PageHeading>
      <form role="search" aria-label={m.pageLandmark} className="search-form" onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-query`}>{m.queryLabel}</label>
          <div className="input-with-button">
            <input
              id={`${id}-query`}
              type="search"
              value={text}
              onChange={(event) => setText(event.target.value)}
              autoComplete="off"
              enterKeyHint="search"
            />
            <button type="submit" className="button-primary">
              {m.submit}
            </button>
          </div>
        </div>
      </form>
      {!query ? (
        <p className="lead">{m.intro}</p>
      ) : !data && !error ? (
        <Loading label={m.searching} />
      ) : (
        <div className={showFacets ? 'search-layout' : 'search-layout search-layout-single'}>
          {showFacets && (
            <SearchFacets
              facets={data.search.facets}
              state={state}
              onToggle={toggle}
              onClear={() => change(withoutFilters(state))}
            />
          )}
          <section className="search-results" aria-busy={loading} aria-labelledby={`${id}-results`}>
            <h2 id={`${id}-results`} ref={resultsHeading} tabIndex={-1} className="visually-hidden">
              {m.results}
            </h2>
            <p className="result-count" role="status">
              {loading ? m.searching : error ? '' : m.count(total)}
            </p>
            {data && !error && (
              <QueryFeedback missingWords={data.search.missingWords} didYouMean={data.search.didYouMean} />
            )}
            {error ? (
              <ErrorMessage
                error={error}
                overrides={tooLong ? { BAD_USER_INPUT: m.tooLong(QUERY_MAX_CHARS) } : undefined}
              />
            ) : hits.length > 0 ? (
              <>
                <SearchHitList hits={hits} ref={list} />
                <ErrorMessage error={loadMore.error} />
                {hits.length < total && hits.length <= OFFSET_MAX && (
                  <button
                    type="button"
                    className="button-secondary load-more"
                    onClick={() => void fetchMore()}
                    disabled={loadMore.busy}
                  >
                    {m.more}
                  </button>
                )}
              </>
            ) : (
              !loading && (
                <NothingFound
                  closeWords={<CloseWords words={data?.search.suggestions ?? []} />}
                  query={query}
                  filters={filters}
                  facets={data?.search.facets}
                  readableCommunities={data?.search.readableCommunities}
                  onDrop={(facet, value) => drop(toggleFilter(state, facet, value))}
                  onDropAll={() => drop(withoutFilters(state))}
                />
              )
            )}
          </section>
        </div>
      )}
    </>
  );
}
