import { createContext, ReactNode, useContext, useEffect, useState } from 'react';
import { useQuery } from '../../shared/api/use-query';
import { useSession } from '../../shared/api/session';
import { COMMUNITIES_QUERY, CommunitySummary } from './community-queries';

interface Communities {
  /** undefined while the first list loads */
  list: CommunitySummary[] | undefined;
  error: unknown;
  reload(): void;
  /** The leernetwerk the user is in now (from the address, or the item they are reading). */
  currentId: string | null;
  setCurrentId(id: string | null): void;
}

const CommunitiesContext = createContext<Communities>({
  list: undefined,
  error: undefined,
  reload: () => undefined,
  currentId: null,
  setCurrentId: () => undefined,
});

const LAST_KEY = 'spiraal.lastCommunity';

/** The signed-in user's leernetwerken, shared by the header switcher and the pages. */
export function CommunitiesProvider({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const { data, error, reload } = useQuery(COMMUNITIES_QUERY, {}, { skip: !user, key: user?.id });
  const [currentId, setCurrentId] = useState<string | null>(null);
  useEffect(() => {
    if (currentId) localStorage.setItem(LAST_KEY, currentId);
  }, [currentId]);
  const list = user ? data?.communities : undefined;
  return (
    <CommunitiesContext.Provider value={{ list, error, reload, currentId, setCurrentId }}>
      {children}
    </CommunitiesContext.Provider>
  );
}

export function useCommunities(): Communities {
  return useContext(CommunitiesContext);
}

/** Marks a leernetwerk as the current one while the page showing it is open. */
export function useCurrentCommunity(id: string | null | undefined): void {
  const { setCurrentId } = useCommunities();
  useEffect(() => {
    if (id) setCurrentId(id);
  }, [id, setCurrentId]);
}

/** Where `/` leads: the leernetwerk visited last, else the first one the user belongs to. */
export function startCommunity(list: CommunitySummary[]): CommunitySummary | undefined {
  const mine = list.filter((c) => c.myRole);
  const last = localStorage.getItem(LAST_KEY);
  return mine.find((c) => c.id === last) ?? mine[0];
}
