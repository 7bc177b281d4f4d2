// Every catalogue item and bundle (code, name), loaded once per visit: the knowledge-base form picks
// targets from it and the table shows target names instead of bare codes.
import { useEffect, useMemo, useState } from 'react';
import { api } from '../../../lib/api.ts';
import type { Bundle, ItemSummary, SearchResultKind } from '../../../lib/types.ts';

export interface CatalogueEntry {
  code: string;
  kind: SearchResultKind;
  name: string;
  departmentName: string;
}

const PAGE_SIZE = 100; // the server's maximum
let cache: Promise<CatalogueEntry[]> | null = null;

async function loadAll(): Promise<CatalogueEntry[]> {
  const [bundles, items] = await Promise.all([
    api.get<{ bundles: Bundle[] }>('/api/bundles'),
    (async () => {
      const all: ItemSummary[] = [];
      for (let page = 1; page < 100; page++) {
        const r = await api.get<{ items: ItemSummary[]; total: number }>(`/api/items?page=${page}&pageSize=${PAGE_SIZE}`);
        all.push(...r.items);
        if (!r.items.length || all.length >= r.total) break;
      }
      return all;
    })(),
  ]);
  return [
    ...bundles.bundles.map((b) => ({ code: b.code, kind: 'bundle' as const, name: b.name, departmentName: '' })),
    ...items.map((i) => ({ code: i.code, kind: 'item' as const, name: i.name, departmentName: i.departmentName })),
  ];
}

export interface CatalogueState {
  entries: CatalogueEntry[];
  byCode: Map<string, CatalogueEntry>;
  loading: boolean;
  error: unknown;
  reload: () => void;
}

export function useCatalogue(): CatalogueState {
  const [entries, setEntries] = useState<CatalogueEntry[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let live = true;
    setLoading(true);
    setError(null);
    cache ??= loadAll();
    cache.then(
      (list) => {
        if (!live) return;
        setEntries(list);
        setLoading(false);
      },
      (e) => {
        cache = null;
        if (!live) return;
        setError(e);
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [tick]);

  const byCode = useMemo(() => new Map(entries.map((e) => [e.code, e])), [entries]);

  return { entries, byCode, loading, error, reload: () => setTick((t) => t + 1) };
}
