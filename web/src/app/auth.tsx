// Who is logged in, from GET /api/auth/me. The session itself is an httpOnly cookie.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api } from '../lib/api.ts';
import type { User } from '../lib/types.ts';

interface AuthContextValue {
  user: User | null;
  loading: boolean;
  refresh: () => Promise<User | null>;
  logout: () => Promise<void>;
}

const AuthContext = createContext<AuthContextValue>({
  user: null,
  loading: true,
  refresh: async () => null,
  logout: async () => {},
});

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [loading, setLoading] = useState(true);

  const refresh = useCallback(async () => {
    try {
      const res = await api.get<{ user: User }>('/api/auth/me');
      setUser(res.user);
      return res.user;
    } catch {
      setUser(null);
      return null;
    } finally {
      setLoading(false);
    }
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.post('/api/auth/logout');
    } catch {
      /* the session is gone either way for this page */
    }
    setUser(null);
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const value = useMemo(() => ({ user, loading, refresh, logout }), [user, loading, refresh, logout]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

/** {user, loading, refresh, logout}. user is null when not logged in. */
export function useAuth(): AuthContextValue {
  return useContext(AuthContext);
}

export const STAFF_ROLE_NAMES = ['clerk', 'reviewer'] as const;
export const APPLICANT_ROLE_NAMES = ['citizen', 'enterprise'] as const;

export function hasRole(user: User | null, ...roles: string[]): boolean {
  return !!user && user.roles.some((r) => roles.includes(r));
}
export const isStaff = (u: User | null) => hasRole(u, ...STAFF_ROLE_NAMES);
export const isAdmin = (u: User | null) => hasRole(u, 'admin');
export const isApplicant = (u: User | null) => hasRole(u, ...APPLICANT_ROLE_NAMES);
