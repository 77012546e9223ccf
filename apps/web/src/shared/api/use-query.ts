import { useCallback, useEffect, useRef, useState } from 'react';
import { useSession } from './session';
import type { TypedDocumentString } from './generated/graphql';
import { ApiError, graphql, type VariablesArgument } from './graphql';

export interface QueryState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload(): void;
}

function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError('INTERNAL_SERVER_ERROR', String(error));
}

/**
 * Runs a query when the variables change. The previous data stays while the
 * next answer loads, so lists do not flash empty. An expired session sends
 * the user back to the login page.
 */
export function useQuery<T, V>(
  query: TypedDocumentString<T, V>,
  variables: V,
  options: { skip?: boolean; /** also reload when this changes */ key?: string } = {},
): QueryState<T> {
  const { user, refresh } = useSession();
  const signedIn = useRef(false);
  signedIn.current = !!user;
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(!options.skip);
  const [version, setVersion] = useState(0);
  const key = JSON.stringify(variables) + (options.key ?? '');
  const variablesRef = useRef(variables);
  variablesRef.current = variables;

  useEffect(() => {
    if (options.skip) return;
    let current = true;
    setLoading(true);
    graphql(query, ...([variablesRef.current] as VariablesArgument<V>)).then(
      (result) => {
        if (!current) return;
        setData(result);
        setError(undefined);
        setLoading(false);
      },
      (failure: unknown) => {
        if (!current) return;
        const apiError = asApiError(failure);
        setError(apiError);
        setLoading(false);
        if (apiError.code === 'UNAUTHENTICATED' && signedIn.current) void refresh();
      },
    );
    return () => {
      current = false;
    };
  }, [query, key, version, options.skip, refresh]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, error, loading, reload };
}

/**
 * For buttons and forms: runs a mutation, tracks busy and the error.
 * Returns the result, or undefined when it failed (the error is in state).
 */
export function useAction() {
  const { user, refresh } = useSession();
  const signedIn = !!user;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const run = useCallback(
    async <T>(action: () => Promise<T>): Promise<T | undefined> => {
      setBusy(true);
      setError(undefined);
      try {
        return await action();
      } catch (failure) {
        const apiError = asApiError(failure);
        setError(apiError);
        // A session that ran out: back to the login page. (Signing in itself fails with this code too.)
        if (apiError.code === 'UNAUTHENTICATED' && signedIn) void refresh();
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [refresh, signedIn],
  );
  return { run, busy, error, clearError: () => setError(undefined) };
}
