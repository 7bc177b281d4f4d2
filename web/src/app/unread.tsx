// Unread 站内信 count for the header badge; pages call refreshUnread() after marking messages read.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useLocation } from 'react-router-dom';
import { api } from '../lib/api.ts';
import { useAuth } from './auth.tsx';

const UnreadContext = createContext<{ unread: number; refreshUnread: () => void }>({ unread: 0, refreshUnread: () => {} });

export function UnreadProvider({ children }: { children: ReactNode }) {
  const { user } = useAuth();
  const [unread, setUnread] = useState(0);
  const location = useLocation();

  const refreshUnread = useCallback(() => {
    if (!user) {
      setUnread(0);
      return;
    }
    api
      .get<{ unread: number }>('/api/notifications?unread=true&pageSize=1')
      .then((r) => setUnread(r.unread ?? 0))
      .catch(() => {});
  }, [user]);

  // Re-check on every page change: cheap, and keeps the badge honest without a socket.
  useEffect(() => {
    refreshUnread();
  }, [refreshUnread, location.pathname]);

  const value = useMemo(() => ({ unread, refreshUnread }), [unread, refreshUnread]);
  return <UnreadContext.Provider value={value}>{children}</UnreadContext.Provider>;
}

export function useUnread() {
  return useContext(UnreadContext);
}
