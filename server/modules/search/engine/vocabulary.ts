// The engine's vocabulary: phrase maps from the knowledge base, and pinyin keys for every term so
// pinyin queries and homophone typos can be mapped back to real words.
import { cjkRuns, normalizeText } from './normalize.ts';
import { fullKey, fuzzyKey, initialsKey, syllables } from './pinyin.ts';
import type { KnowledgeEntry } from './types.ts';

export interface PhraseSpan<V> {
  start: number;
  end: number;
  phrase: string;
  value: V;
}

/** Phrase → value lookup over every substring of a text, longest phrases only where they overlap. */
export class PhraseMap<V> {
  private readonly map = new Map<string, V>();
  private maxLength = 0;

  set(phrase: string, value: V): void {
    if (phrase.length < 1) return;
    this.map.set(phrase, value);
    this.maxLength = Math.max(this.maxLength, phrase.length);
  }

  get(phrase: string): V | undefined {
    return this.map.get(phrase);
  }

  has(phrase: string): boolean {
    return this.map.has(phrase);
  }

  get size(): number {
    return this.map.size;
  }

  entries(): IterableIterator<[string, V]> {
    return this.map.entries();
  }

  /** All phrases found in `text` (minimum length `minLength`), dropping those inside a longer hit. */
  scan(text: string, minLength = 2): PhraseSpan<V>[] {
    const hits: PhraseSpan<V>[] = [];
    const n = text.length;
    for (let i = 0; i < n; i++) {
      for (let len = Math.min(this.maxLength, n - i); len >= minLength; len--) {
        const phrase = text.slice(i, i + len);
        const value = this.map.get(phrase);
        if (value !== undefined) hits.push({ start: i, end: i + len, phrase, value });
      }
    }
    return hits.filter((h) => !hits.some((o) => o !== h && o.start <= h.start && o.end >= h.end && o.end - o.start > h.end - h.start));
  }
}

/** Maps keyed by pinyin, each keeping the most popular term. */
export class PinyinVocabulary {
  private readonly popularity = new Map<string, number>();
  private readonly full = new Map<string, string>();
  private readonly fuzzy = new Map<string, string>();
  private readonly initials = new Map<string, string>();
  private maxKeyLength = 0;

  add(term: string, weight = 1): void {
    if (term.length < 2 || term.length > 8 || !/^\p{Script=Han}+$/u.test(term)) return;
    this.popularity.set(term, (this.popularity.get(term) ?? 0) + weight);
  }

  has(term: string): boolean {
    return this.popularity.has(term);
  }

  build(): void {
    const byPopularity = [...this.popularity.entries()].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length);
    for (const [term] of byPopularity) {
      const s = syllables(term);
      const full = fullKey(s);
      if (!this.full.has(full)) this.full.set(full, term);
      const fz = fuzzyKey(s);
      if (!this.fuzzy.has(fz)) this.fuzzy.set(fz, term);
      if (term.length >= 2 && term.length <= 5) {
        const ini = initialsKey(s);
        if (!this.initials.has(ini)) this.initials.set(ini, term);
      }
      this.maxKeyLength = Math.max(this.maxKeyLength, full.length);
    }
  }

  byFull(key: string): string | undefined {
    return this.full.get(key);
  }

  /** Homophone lookup for a window of syllables: exact toneless pinyin first, then the fuzzy key. */
  bySound(sylls: string[]): string | undefined {
    return this.full.get(fullKey(sylls)) ?? this.fuzzy.get(fuzzyKey(sylls));
  }

  /**
   * Reads a run of Latin letters as pinyin: full syllables of vocabulary words ("shenfenzheng",
   * "getihu") or their initials ("sfz"), split into as few words as possible.
   */
  parse(word: string): string[] | null {
    const n = word.length;
    const best: ({ cost: number; prev: number; term: string } | null)[] = new Array(n + 1).fill(null);
    best[0] = { cost: 0, prev: -1, term: '' };
    for (let i = 0; i < n; i++) {
      const from = best[i];
      if (!from) continue;
      for (let j = i + 2; j <= Math.min(n, i + this.maxKeyLength); j++) {
        const piece = word.slice(i, j);
        const fullTerm = this.full.get(piece);
        const iniTerm = piece.length <= 5 ? this.initials.get(piece) : undefined;
        const options: [string, number][] = [];
        if (fullTerm) options.push([fullTerm, 1]);
        if (iniTerm) options.push([iniTerm, 1.6]);
        for (const [term, cost] of options) {
          const total = from.cost + cost;
          if (!best[j] || best[j]!.cost > total) best[j] = { cost: total, prev: i, term };
        }
      }
    }
    if (!best[n]) return null;
    const terms: string[] = [];
    for (let at = n; at > 0; at = best[at]!.prev) terms.unshift(best[at]!.term);
    return terms;
  }
}

export interface CompiledKnowledge {
  aliases: PhraseMap<Map<string, number>>;
  synonyms: PhraseMap<string[]>;
  scenarios: PhraseMap<Map<string, number>>;
  english: PhraseMap<string[]>;
  outOfScope: PhraseMap<string>;
  stopwords: Set<string>;
  hotwords: string[];
}

function addTargets(map: PhraseMap<Map<string, number>>, phrase: string, targets: string[], weight: number): void {
  let value = map.get(phrase);
  if (!value) map.set(phrase, (value = new Map()));
  for (const code of targets) value.set(code, Math.max(value.get(code) ?? 0, weight));
}

export function compileKnowledge(entries: KnowledgeEntry[], knownCodes: Set<string>): CompiledKnowledge {
  const k: CompiledKnowledge = {
    aliases: new PhraseMap(),
    synonyms: new PhraseMap(),
    scenarios: new PhraseMap(),
    english: new PhraseMap(),
    outOfScope: new PhraseMap(),
    stopwords: new Set(),
    hotwords: [],
  };
  for (const e of entries) {
    const term = normalizeText(e.term);
    if (!term) continue;
    const targets = e.targets.filter((c) => knownCodes.has(c));
    const expansion = e.expansion.map(normalizeText).filter(Boolean);
    switch (e.kind) {
      case 'alias':
        if (targets.length) addTargets(k.aliases, term.replace(/ /g, ''), targets, e.weight);
        break;
      case 'scenario':
        if (targets.length) addTargets(k.scenarios, term.replace(/ /g, ''), targets, e.weight);
        break;
      case 'synonym':
        if (expansion.length) k.synonyms.set(term.replace(/ /g, ''), [...new Set([...(k.synonyms.get(term) ?? []), ...expansion])]);
        break;
      case 'english':
        if (expansion.length) k.english.set(term, [...new Set([...(k.english.get(term) ?? []), ...expansion])]);
        break;
      case 'out_of_scope':
        k.outOfScope.set(term.replace(/ /g, ''), expansion[0] ?? e.term);
        break;
      case 'stopword':
        k.stopwords.add(term);
        break;
      case 'hotword':
        k.hotwords.push(e.term);
        break;
    }
  }
  return k;
}

/** Han words of a text, for vocabulary building. */
export function hanWords(text: string, cut: (s: string) => string[]): string[] {
  const out: string[] = [];
  for (const run of cjkRuns(text)) for (const w of cut(run)) if (w.length >= 2) out.push(w);
  return out;
}
