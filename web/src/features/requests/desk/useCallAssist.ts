// While the operator types, classify the text and look it up in the service knowledge (debounced), so the
// proposal and possible on-the-spot answers are ready when the caller finishes. Late answers are dropped.
import { useEffect, useRef, useState } from 'react';
import { api } from '../../../lib/api.ts';
import type { SearchResponse } from '../../../lib/types.ts';
import type { Classification } from '../shared/index.ts';

const DEBOUNCE_MS = 400;
/** The classifier needs a few words; the intake needs at least five characters too. */
const MIN_CHARS = 5;
const SEARCH_MAX = 200;

export interface CallAssist {
  classification: Classification | null;
  search: SearchResponse | null;
  loading: boolean;
  error: unknown;
}

export function useCallAssist(text: string): CallAssist {
  const [state, setState] = useState<CallAssist>({ classification: null, search: null, loading: false, error: null });
  const seq = useRef(0);

  useEffect(() => {
    const t = text.trim();
    const mine = ++seq.current;
    if (t.length < MIN_CHARS) {
      setState({ classification: null, search: null, loading: false, error: null });
      return;
    }
    setState((s) => ({ ...s, loading: true }));
    const timer = setTimeout(() => {
      Promise.all([
        api.post<Classification>('/api/requests/classify', { text: t }),
        api.get<SearchResponse>(`/api/search?q=${encodeURIComponent(t.slice(0, SEARCH_MAX))}&limit=5`).catch(() => null),
      ])
        .then(([classification, search]) => {
          if (mine === seq.current) setState({ classification, search, loading: false, error: null });
        })
        .catch((error) => {
          if (mine === seq.current) setState((s) => ({ ...s, loading: false, error }));
        });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  return state;
}
