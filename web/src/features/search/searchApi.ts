// Small helpers the search pages share: where a result leads, and the fire-and-forget click record.
import { api } from '../../lib/api.ts';
import type { SearchResultKind } from '../../lib/types.ts';

/** The page of an item (办事指南) or a bundle (一件事). */
export function resultLink(kind: SearchResultKind, code: string): string {
  return kind === 'bundle' ? `/bundles/${encodeURIComponent(code)}` : `/items/${encodeURIComponent(code)}`;
}

export function searchLink(q: string): string {
  return `/search?q=${encodeURIComponent(q)}`;
}

/** Tells the search log which result was opened (rank 1 = first). Never blocks or fails the navigation. */
export function recordClick(logId: string | null, code: string, rank: number): void {
  if (!logId) return;
  api.post('/api/search/click', { logId, code, rank }).catch(() => undefined);
}

export const KIND_LABEL: Record<SearchResultKind | 'query', string> = { item: '事项', bundle: '一件事', query: '搜索' };
