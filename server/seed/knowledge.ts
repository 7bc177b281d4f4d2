// The shipped knowledge base (data/knowledge/): loaded into an empty search_knowledge table, so admin
// edits and deletions survive restarts. General vocabulary (synonyms, English, stopwords, out-of-scope
// topics, hot words) fits any catalogue; aliases and scenarios are kept only where their items exist.
// Entries with the same kind and term are merged.
import type { Db } from '../platform/db/index.ts';
import { loadKnowledgeFiles } from '../modules/search/index.ts';

export async function seedKnowledge(db: Db): Promise<number> {
  const has = await db.selectFrom('searchKnowledge').select('id').limit(1).executeTakeFirst();
  if (has) return 0;
  const [items, bundles] = await Promise.all([db.selectFrom('items').select('code').execute(), db.selectFrom('bundles').select('code').execute()]);
  const known = new Set([...items.map((i) => i.code), ...bundles.map((b) => b.code)]);
  const merged = new Map<string, { kind: string; term: string; targets: Set<string>; expansion: Set<string> }>();
  for (const e of loadKnowledgeFiles()) {
    const term = e.term.trim();
    const targets = e.targets.filter((t) => known.has(t));
    if (!term || term.length > 100 || (e.targets.length > 0 && targets.length === 0)) continue;
    const key = `${e.kind}\u0000${term}`;
    const m = merged.get(key) ?? { kind: e.kind, term, targets: new Set(), expansion: new Set() };
    targets.forEach((t) => m.targets.add(t));
    e.expansion.forEach((x) => m.expansion.add(x));
    merged.set(key, m);
  }
  const rows = [...merged.values()].map((m) => ({ kind: m.kind, term: m.term, targets: [...m.targets], expansion: [...m.expansion], source: 'seed' }));
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('searchKnowledge').values(rows.slice(i, i + 500)).execute();
  return rows.length;
}
