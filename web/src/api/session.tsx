import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useEffect, useMemo } from 'react';
import { ApiError, api, setCsrfToken, setUnauthorizedHandler, unwrap } from './client';

export type Role = 'admin' | 'editor' | 'reporter' | 'counsel';

export interface Session {
  user: { id: string; email: string; name: string; role: Role };
  organization: { id: string; name: string };
  csrfToken: string;
  expiresAt: string;
}

interface SessionState {
  session: Session | null;
  loading: boolean;
  /** Roles that may write: counsel reads everything and changes nothing. */
  canWrite: boolean;
  isEditor: boolean;
  isAdmin: boolean;
}

const SessionContext = createContext<SessionState>({ session: null, loading: true, canWrite: false, isEditor: false, isAdmin: false });

export const SESSION_KEY = ['session'] as const;

async function readSession(): Promise<Session | null> {
  try {
    return (await unwrap(api.GET('/v1/auth/session'))) as Session;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: SESSION_KEY, queryFn: readSession, staleTime: 60_000, retry: false });
  const session = query.data ?? null;

  useEffect(() => {
    setCsrfToken(session?.csrfToken ?? null);
  }, [session]);

  useEffect(() => {
    // A 401 from a signed-in page means the session ended (signed out elsewhere, expired, deactivated).
    setUnauthorizedHandler(() => {
      queryClient.setQueryData(SESSION_KEY, null);
    });
    return () => setUnauthorizedHandler(null);
  }, [queryClient]);

  const value = useMemo<SessionState>(() => {
    const role = session?.user.role;
    return {
      session,
      loading: query.isPending,
      canWrite: role === 'admin' || role === 'editor' || role === 'reporter',
      isEditor: role === 'admin' || role === 'editor',
      isAdmin: role === 'admin',
    };
  }, [session, query.isPending]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  return useContext(SessionContext);
}
