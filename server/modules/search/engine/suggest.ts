// Typeahead: item and bundle names, knowledge-base phrases and hot words that start with (or,
// for Chinese, contain) what has been typed, or whose pinyin / pinyin initials start with it.
import { normalizeText } from './normalize.ts';
import { fullKey, initialsKey, syllables } from './pinyin.ts';
import type { DocKind, SearchDoc, Suggestion } from './types.ts';
import type { CompiledKnowledge } from './vocabulary.ts';

interface Entry {
  text: string;
  key: string;
  full: string;
  initials: string;
  code: string | null;
  name: string | null;
  kind: DocKind | 'query';
  /** Lower sorts first: names before phrases. */
  rank: number;
}

export class Suggester {
  private readonly entries: Entry[] = [];

  constructor(docs: SearchDoc[], knowledge: CompiledKnowledge) {
    const seen = new Set<string>();
    const add = (text: string, code: string | null, kind: DocKind | 'query', rank: number, name: string | null = null) => {
      const key = normalizeText(text).replace(/ /g, '');
      if (!key || seen.has(key)) return;
      seen.add(key);
      const s = syllables(key);
      this.entries.push({ text, key, full: fullKey(s), initials: initialsKey(s), code, name, kind, rank });
    };
    for (const d of docs) add(d.name, d.code, d.kind, d.kind === 'bundle' ? 0 : 1);
    for (const w of knowledge.hotwords) add(w, null, 'query', 2);
    const names = new Map(docs.map((d) => [d.code, d]));
    for (const [phrase, targets] of knowledge.aliases.entries()) {
      if (targets.size !== 1) continue;
      const [code] = [...targets.keys()];
      const doc = code ? names.get(code) : undefined;
      if (doc && phrase.length >= 2) add(phrase, doc.code, doc.kind, 3, doc.name);
    }
  }

  suggest(query: string, limit: number): Suggestion[] {
    const q = normalizeText(query).replace(/ /g, '');
    if (!q) return [];
    const latin = /^[a-z]+$/.test(q);
    const scored: [number, Entry][] = [];
    for (const e of this.entries) {
      let s = -1;
      if (latin) {
        if (e.initials.startsWith(q)) s = 0;
        else if (e.full.startsWith(q)) s = 1;
      } else if (e.key.startsWith(q)) s = 0;
      else if (q.length >= 2 && e.key.includes(q)) s = 2;
      if (s >= 0) scored.push([s * 10 + e.rank, e]);
    }
    scored.sort((a, b) => a[0] - b[0] || a[1].text.length - b[1].text.length);
    const out: Suggestion[] = [];
    const codes = new Set<string>();
    for (const [, e] of scored) {
      // One suggestion per item: its name, or the phrase that led to it.
      if (e.code && codes.has(e.code)) continue;
      if (e.code) codes.add(e.code);
      out.push({ text: e.text, code: e.code, name: e.name, kind: e.kind });
      if (out.length >= limit) break;
    }
    return out;
  }
}
