// 长辈版 (elderly mode): large print, big targets, simple navigation, no pop-ups. Persisted in localStorage.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

const STORAGE_KEY = 'tongban.elderly';

interface ElderlyContextValue {
  elderly: boolean;
  setElderly: (on: boolean) => void;
}

const ElderlyContext = createContext<ElderlyContextValue>({ elderly: false, setElderly: () => {} });

function readStored(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) === '1';
  } catch {
    return false;
  }
}

export function ElderlyProvider({ children }: { children: ReactNode }) {
  const [elderly, setState] = useState<boolean>(readStored);

  const setElderly = useCallback((on: boolean) => {
    setState(on);
    try {
      localStorage.setItem(STORAGE_KEY, on ? '1' : '0');
    } catch {
      /* private mode: the switch still works for this visit */
    }
  }, []);

  useEffect(() => {
    // A class on <html> lets plain CSS enlarge targets everywhere, including in pages other helpers write.
    document.documentElement.classList.toggle('elderly', elderly);
    document.body.classList.toggle('elderly', elderly);
  }, [elderly]);

  const value = useMemo(() => ({ elderly, setElderly }), [elderly, setElderly]);
  return <ElderlyContext.Provider value={value}>{children}</ElderlyContext.Provider>;
}

/** {elderly, setElderly}. In elderly mode avoid Modal/Popover/Tooltip/Drawer: show inline content instead. */
export function useElderly(): ElderlyContextValue {
  return useContext(ElderlyContext);
}
