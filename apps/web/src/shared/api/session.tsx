import { createContext, ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { LogoutDocument, MeDocument, type SessionUserFragment } from './generated/graphql';
import { graphql } from './graphql';

export type SessionUser = SessionUserFragment;

interface Session {
  /** undefined while loading, null when signed out */
  user: SessionUser | null | undefined;
  refresh(): Promise<void>;
  signedIn(user: SessionUser): void;
  signOut(): Promise<void>;
}

const SessionContext = createContext<Session>({
  user: undefined,
  refresh: async () => undefined,
  signedIn: () => undefined,
  signOut: async () => undefined,
});

/** Who is signed in. The session itself is an httpOnly cookie the server sets at login. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null | undefined>(undefined);
  const refresh = useCallback(async () => {
    try {
      setUser((await graphql(MeDocument)).me);
    } catch {
      setUser(null);
    }
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const signOut = useCallback(async () => {
    await graphql(LogoutDocument).catch(() => undefined);
    setUser(null);
  }, []);
  return (
    <SessionContext.Provider value={{ user, refresh, signedIn: setUser, signOut }}>{children}</SessionContext.Provider>
  );
}

export function useSession(): Session {
  return useContext(SessionContext);
}
