import { useEffect, useRef, useState } from 'react';
import { ApiError, graphql } from '../../shared/api/graphql';
import { useSession } from '../../shared/api/session';
import { SEARCH_HITS_QUERY, SearchHitsResult } from './search-queries';

export interface LiveSearch {
  /** The latest answer and the query it answers; kept while the next one loads, so the list does not flash. */
  answer: { query: string; result: SearchHitsResult } | undefined;
  error: { query: string; error: ApiError } | undefined;
  loading: boolean;
}

/**
 * Search as you type: waits `delay` ms after the last keystroke, then asks for
 * `limit` hits. Answers that arrive after a newer query was started are
 * dropped, so a slow answer to "interv" never replaces the one to "intervisie".
 */
export function useLiveSearch(query: string, { delay = 150, limit = 6 } = {}): LiveSearch {
  const { user, refresh } = useSession();
  const signedIn = useRef(false);
  signedIn.current = !!user;
  const latest = useRef(0);
  const [state, setState] = useState<LiveSearch>({ answer: undefined, error: undefined, loading: false });

  useEffect(() => {
    const id = ++latest.current;
    if (!query.trim()) {
      setState({ answer: undefined, error: undefined, loading: false });
      return;
    }
    setState((previous) => ({ ...previous, loading: true }));
    const timer = setTimeout(() => {
      graphql(SEARCH_HITS_QUERY, { input: { query, limit } }).then(
        (data) => {
          if (id !== latest.current) return;
          setState({ answer: { query, result: data.search }, error: undefined, loading: false });
        },
        (failure: unknown) => {
          if (id !== latest.current) return;
          const error = failure instanceof ApiError ? failure : new ApiError('INTERNAL_SERVER_ERROR', String(failure));
          setState({ answer: undefined, error: { query, error }, loading: false });
          if (error.code === 'UNAUTHENTICATED' && signedIn.current) void refresh();
        },
      );
    }, delay);
    return () => clearTimeout(timer);
  }, [query, delay, limit, refresh]);

  return state;
}
