// The search engine: normalise → read Latin as English or pinyin → find knowledge-base phrases →
// fix homophone typos → BM25F over weighted fields → knowledge boosts → bundle-first → no-match.
// In-process and immutable: the search service builds a new engine when the catalogue or the
// knowledge base changes and swaps it in.
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { Bm25fIndex, type QueryTerm } from './bm25.ts';
import { cjkRuns, normalizeText } from './normalize.ts';
import { QueryAnalyzer, type QueryAnalysis } from './analyzer.ts';
import { topK } from './topk.ts';
import { Suggester } from './suggest.ts';
import type { KnowledgeEntry, SearchDoc, SearchHit, SearchOutcome, Suggestion } from './types.ts';
import { compileKnowledge, hanWords, PinyinVocabulary, type CompiledKnowledge, type PhraseSpan } from './vocabulary.ts';

// Field weights: the official name and the knowledge base's aliases decide; tags and department
// help; description, conditions and materials only break ties.
const FIELDS = [
  { weight: 3.0, b: 0.5 }, // name
  { weight: 2.2, b: 0.4 }, // aliases and scenario phrases
  { weight: 1.0, b: 0.2 }, // tags
  { weight: 0.7, b: 0.75 }, // description + acceptance conditions
  { weight: 0.35, b: 0.75, idf: false }, // materials (居民身份证 in nearly every list must not look common)
  { weight: 0.6, b: 0.2 }, // department name
];

const BIGRAM = '\u0002';
const WORD_WEIGHT = 1;
const SUBWORD_WEIGHT = 0.45;
const BIGRAM_WEIGHT = 0.3;
const EXPANSION_WEIGHT = 0.75;
const ALIAS_BOOST = 7;
const SCENARIO_BOOST = 9;
/** A bundle may explain this much less of the query than the best item and still go first. */
const BUNDLE_COVERAGE_SLACK = 0.15;
/** Share of a long query that two or more matched words must explain. */
const LONG_QUERY_COVERAGE = 0.3;

/** Documents looked at closely after scoring. */
const CANDIDATES = 40;

type Ranked = [number, { score: number; matched: Set<string>; why: Set<string>; aliasLength: number; scenarioLength: number }];

/** Cues that the citizen asks about a whole life event ("which procedures"), favouring bundles. */
const MULTI_ITEM_CUES = ['哪些', '什么手续', '一件事', '全套', '都要办', '要办什么', '需要办什么', '该办什么', '办什么'];

export interface EngineOptions {
  /** Minimum share of the query's content words that must be explained for an answer. */
  minCoverage?: number;
  /** Share of a long query that two or more matched words must explain. */
  longQueryCoverage?: number;
}

interface DocMeta {
  doc: SearchDoc;
  /** Words of the name, to tell a query that names an item from one that describes a situation. */
  nameWords: Set<string>;
  /** Bundle codes containing this item. */
  bundles: string[];
}

export class SearchEngine {
  private readonly jieba: Jieba;
  private readonly index: Bm25fIndex;
  private readonly docs: DocMeta[];
  private readonly byCode = new Map<string, number>();
  private readonly knowledge: CompiledKnowledge;
  private readonly vocabulary = new PinyinVocabulary();
  private readonly suggester: Suggester;
  private readonly analyzer: QueryAnalyzer;
  private readonly minCoverage: number;
  private readonly longQueryCoverage: number;

  static build(docs: SearchDoc[], knowledge: KnowledgeEntry[], options: EngineOptions = {}): SearchEngine {
    return new SearchEngine(docs, knowledge, options);
  }

  private constructor(docs: SearchDoc[], entries: KnowledgeEntry[], options: EngineOptions) {
    this.minCoverage = options.minCoverage ?? 0.6;
    this.longQueryCoverage = options.longQueryCoverage ?? LONG_QUERY_COVERAGE;
    const codes = new Set(docs.map((d) => d.code));
    this.knowledge = compileKnowledge(entries, codes);

    // Segmenter: jieba's dictionary plus the knowledge base's words and the catalogue's tags (whole item
    // names stay out: their parts must stay words, or pinyin and partial queries would miss them).
    this.jieba = Jieba.withDict(dict);
    const custom = new Set<string>();
    const addWord = (w: string) => {
      if (w.length >= 2 && w.length <= 5 && /^\p{Script=Han}+$/u.test(w)) custom.add(w);
    };
    for (const [p] of this.knowledge.aliases.entries()) addWord(p);
    for (const [p, exp] of this.knowledge.synonyms.entries()) [p, ...exp].forEach(addWord);
    for (const [p] of this.knowledge.scenarios.entries()) addWord(p);
    for (const [, exp] of this.knowledge.english.entries()) exp.forEach(addWord);
    for (const d of docs) d.tags.forEach((t) => addWord(normalizeText(t)));
    if (custom.size) this.jieba.loadDict(Buffer.from([...custom].map((w) => `${w} 300 n`).join('\n')));

    // Which bundles each item belongs to.
    const bundlesOf = new Map<string, string[]>();
    for (const d of docs) for (const c of d.itemCodes ?? []) bundlesOf.set(c, [...(bundlesOf.get(c) ?? []), d.code]);
    const nameWords = (name: string) => {
      const norm = normalizeText(name);
      const words = new Set(this.jieba.cutForSearch(norm, true));
      for (const run of cjkRuns(norm)) for (let i = 0; i + 1 < run.length; i++) words.add(run.slice(i, i + 2));
      return words;
    };
    this.docs = docs.map((doc) => ({ doc, bundles: bundlesOf.get(doc.code) ?? [], nameWords: nameWords(doc.name) }));
    this.docs.forEach((m, i) => this.byCode.set(m.doc.code, i));

    // Names are aliases of their own item, and a bundle's name without "一件事" is a scenario.
    for (const d of docs) {
      const name = normalizeText(d.name).replace(/ /g, '');
      const target = this.knowledge.aliases.get(name) ?? new Map<string, number>();
      target.set(d.code, Math.max(target.get(d.code) ?? 0, 1));
      this.knowledge.aliases.set(name, target);
      if (d.kind === 'bundle') {
        const short = name.replace(/一件事$/, '');
        if (short.length >= 2) {
          const s = this.knowledge.scenarios.get(short) ?? new Map<string, number>();
          s.set(d.code, 1);
          this.knowledge.scenarios.set(short, s);
        }
      }
    }

    // Alias and scenario phrases are indexed with the documents they point to.
    const aliasText = new Map<string, string[]>();
    for (const map of [this.knowledge.aliases, this.knowledge.scenarios]) {
      for (const [phrase, targets] of map.entries()) {
        for (const code of targets.keys()) aliasText.set(code, [...(aliasText.get(code) ?? []), phrase]);
      }
    }
    const fieldTerms = docs.map((d) => [
      this.indexTerms(d.name),
      this.indexTerms((aliasText.get(d.code) ?? []).join(' ')),
      this.indexTerms(d.tags.join(' ')),
      this.indexTerms(`${d.description} ${d.conditions}`),
      this.indexTerms(d.materials.join(' ')),
      this.indexTerms(d.departmentName),
    ]);
    this.index = new Bm25fIndex(FIELDS, fieldTerms);

    // Pinyin vocabulary: words of names, tags, aliases, synonyms and English translations.
    const cut = (s: string) => this.jieba.cutForSearch(s, true);
    for (const d of docs) {
      hanWords(normalizeText(d.name), cut).forEach((w) => this.vocabulary.add(w, 3));
      d.tags.forEach((t) => this.vocabulary.add(normalizeText(t), 2));
      hanWords(normalizeText(d.description), cut).forEach((w) => this.vocabulary.add(w, 0.2));
    }
    for (const [p] of this.knowledge.aliases.entries()) {
      this.vocabulary.add(p, 2);
      hanWords(p, cut).forEach((w) => this.vocabulary.add(w, 1));
    }
    for (const [p, exp] of this.knowledge.synonyms.entries()) [p, ...exp].forEach((w) => this.vocabulary.add(w, 2));
    for (const [p] of this.knowledge.scenarios.entries()) this.vocabulary.add(p, 1);
    for (const [, exp] of this.knowledge.english.entries()) exp.forEach((w) => this.vocabulary.add(w, 1));
    this.vocabulary.build();
    this.analyzer = new QueryAnalyzer(this.jieba, this.knowledge, this.vocabulary);

    this.suggester = new Suggester(docs, this.knowledge);
  }

  get size(): number {
    return this.docs.length;
  }

  get hotwords(): string[] {
    return this.knowledge.hotwords;
  }

  private isStopword(w: string): boolean {
    return this.knowledge.stopwords.has(w);
  }

  /** How the engine reads a query (for tests and debugging). */
  analyze(query: string): QueryAnalysis {
    return this.analyzer.analyze(query);
  }

  /** Index terms of a text: jieba search-mode words (no stopwords) and Han bigrams. */
  private indexTerms(text: string): string[] {
    const norm = normalizeText(text);
    const out: string[] = [];
    for (const w of this.jieba.cutForSearch(norm, true)) {
      if (w.trim() && !this.isStopword(w)) out.push(w);
    }
    for (const run of cjkRuns(norm)) for (let i = 0; i + 1 < run.length; i++) out.push(BIGRAM + run.slice(i, i + 2));
    return out;
  }

  private queryTerms(a: QueryAnalysis): QueryTerm[] {
    const weights = new Map<string, number>();
    const add = (term: string, w: number) => weights.set(term, Math.max(weights.get(term) ?? 0, w));
    for (const word of a.contentWords) {
      add(word, WORD_WEIGHT);
      // A knowledge phrase stays one token for the alias field; its ordinary words count in full elsewhere.
      const phrase = this.knowledge.aliases.has(word) || this.knowledge.scenarios.has(word) || this.knowledge.synonyms.has(word);
      if (word.length > 2) for (const sub of this.jieba.cutForSearch(word, true)) if (sub !== word && !this.isStopword(sub)) add(sub, phrase ? WORD_WEIGHT : SUBWORD_WEIGHT);
      for (let i = 0; i + 1 < word.length; i++) add(BIGRAM + word.slice(i, i + 2), BIGRAM_WEIGHT);
    }
    for (const exp of a.expansions) {
      for (const w of this.jieba.cutForSearch(exp, true)) if (w.trim() && !this.isStopword(w)) add(w, EXPANSION_WEIGHT);
    }
    return [...weights.entries()].map(([term, weight]) => ({ term, weight }));
  }

  search(query: string, limit = 10): SearchOutcome {
    const a = this.analyzer.analyze(query);
    const normalized = a.text;
    const empty = (outOfScope: string | null = null): SearchOutcome => ({ results: [], noMatch: true, suggestion: a.suggestion, outOfScope, normalized });
    const contentLength = a.contentWords.reduce((n, w) => n + w.length, 0);
    if (contentLength === 0 && a.aliasSpans.length === 0 && a.scenarioSpans.length === 0) return empty();
    if (a.latinWords > 0 && a.unknownLatin / a.latinWords > 0.5 && a.aliasSpans.length === 0) return empty();

    // Lexical scores, then knowledge-base phrases: the longer the share of the query they explain, the stronger.
    const terms = this.queryTerms(a);
    const scores = new Float64Array(this.docs.length);
    const touched = this.index.score(terms, scores);
    const boosts = new Map<number, { why: Set<string>; aliasLength: number; scenarioLength: number }>();
    const denominator = Math.max(contentLength, 1);
    const boost = (spans: PhraseSpan<Map<string, number>>[], strength: number, kind: 'aliasLength' | 'scenarioLength') => {
      for (const span of spans) {
        const share = Math.min(1, span.phrase.length / denominator);
        for (const [code, w] of span.value) {
          const d = this.byCode.get(code);
          if (d === undefined) continue;
          if (scores[d] === 0) touched.push(d);
          scores[d]! += strength * w * Math.sqrt(share);
          let b = boosts.get(d);
          if (!b) boosts.set(d, (b = { why: new Set(), aliasLength: 0, scenarioLength: 0 }));
          b.why.add(span.phrase);
          b[kind] = Math.max(b[kind], span.phrase.length);
        }
      }
    };
    boost(a.aliasSpans, ALIAS_BOOST, 'aliasLength');
    boost(a.scenarioSpans, SCENARIO_BOOST, 'scenarioLength');
    if (touched.length === 0) return empty(a.outOfScope[0]?.value ?? null);

    // Only the best candidates are looked at closely, plus every bundle a life-event phrase named.
    const candidates = topK(touched, scores, Math.max(limit, CANDIDATES));
    for (const [d, b] of boosts) if (b.scenarioLength > 0 && !candidates.includes(d)) candidates.push(d);
    const termList = terms.map((t) => t.term);
    let ranked: Ranked[] = candidates.map((d) => {
      const b = boosts.get(d);
      return [d, {
        score: scores[d]!,
        matched: new Set(termList.filter((t) => this.index.contains(t, d))),
        why: b?.why ?? new Set<string>(),
        aliasLength: b?.aliasLength ?? 0,
        scenarioLength: b?.scenarioLength ?? 0,
      }];
    });

    // Bundles first when the query describes the life event a bundle covers.
    // A bundle goes first when a life-event phrase names it and no single item explains the query
    // clearly better, or when the citizen asks which procedures a situation needs.
    const multiCue = MULTI_ITEM_CUES.some((c) => a.text.includes(c));
    const topItem = ranked.find(([d]) => this.docs[d]!.doc.kind === 'item');
    const itemCoverage = topItem ? this.coverage(a, topItem[1].matched, topItem[1].why).share : 0;
    const longestItemAlias = ranked.reduce((m, [d, e]) => (this.docs[d]!.doc.kind === 'item' ? Math.max(m, e.aliasLength) : m), 0);
    const top = ranked[0]![1].score;
    const namesItem = topItem ? this.namesItem(a, this.docs[topItem[0]]!) : false;
    const promoted = ranked.filter(([d, e]) => {
      if (this.docs[d]!.doc.kind !== 'bundle') return false;
      const bundleCoverage = this.coverage(a, e.matched, e.why).share;
      if (bundleCoverage < itemCoverage - BUNDLE_COVERAGE_SLACK) return false;
      if (multiCue) return e.scenarioLength > 0 || e.score >= 0.6 * top;
      return e.scenarioLength > 0 && e.scenarioLength >= longestItemAlias && !namesItem;
    });
    if (promoted.length) {
      const set = new Set(promoted.map(([d]) => d));
      ranked = [...promoted, ...ranked.filter(([d]) => !set.has(d))];
    } else if (topItem && namesItem && this.docs[ranked[0]![0]]!.doc.kind === 'bundle') {
      // The query names an item: that item goes before the bundles that contain it.
      ranked = [topItem, ...ranked.filter((r) => r !== topItem)];
    }

    // No match: a topic outside the catalogue, or too little of the query explained by the best answer.
    const [, best] = ranked[0]!;
    const explained = this.coverage(a, best.matched, best.why);
    const knowledgeHit = best.aliasLength > 0 || best.scenarioLength > 0;
    const oos = a.outOfScope.length ? a.outOfScope.reduce((x, y) => (y.phrase.length > x.phrase.length ? y : x)) : null;
    if (oos && !(best.aliasLength > oos.phrase.length || best.scenarioLength > oos.phrase.length)) return empty(oos.value);
    // Short queries must be mostly explained; a long description needs at least two solid matches.
    const enough = explained.share >= this.minCoverage || (explained.words >= 2 && explained.chars >= 4 && explained.share >= this.longQueryCoverage);
    if (!knowledgeHit && !enough) return empty();

    const results: SearchHit[] = ranked.slice(0, Math.max(1, Math.min(limit, 50))).map(([d, e], i) => {
      const doc = this.docs[d]!.doc;
      return {
        code: doc.code,
        kind: doc.kind,
        name: doc.name,
        departmentId: doc.departmentId,
        score: Math.round((promoted.length && i < promoted.length ? Math.max(e.score, top) + (promoted.length - i) * 0.01 : e.score) * 1000) / 1000,
        // What a citizen can recognise: knowledge phrases, and query words found in the name.
        matched: [...new Set([...e.why, ...a.contentWords.filter((w) => e.matched.has(w) && this.docs[d]!.nameWords.has(w))])].slice(0, 6),
      };
    });
    return { results, noMatch: false, suggestion: a.suggestion, outOfScope: null, normalized };
  }

  /**
   * Whether the query names the item beyond the life-event phrase: a word of the item's name (or a
   * synonym expanding to one) outside every scenario phrase, e.g. 报到 in "退伍回来去报到".
   */
  private namesItem(a: QueryAnalysis, item: DocMeta): boolean {
    const inScenario = (w: string) => a.scenarioSpans.some((s) => s.phrase.includes(w));
    return a.contentWords.some((w) => {
      if (inScenario(w)) return false;
      if (w.length >= 2 && item.nameWords.has(w)) return true;
      return (this.knowledge.synonyms.get(w) ?? []).some((x) => this.jieba.cutForSearch(x, true).some((t) => t.length >= 2 && item.nameWords.has(t)));
    });
  }

  /** How much of the query's content the document explains: its matched words, knowledge phrases and expanded synonyms. */
  private coverage(a: QueryAnalysis, matched: Set<string>, why: Set<string>): { share: number; chars: number; words: number } {
    let total = 0;
    let covered = 0;
    let words = 0;
    const phrases = [...why];
    for (const w of a.contentWords) {
      let credit = 0;
      if (matched.has(w) || phrases.some((p) => p.includes(w) || w.includes(p))) credit = w.length;
      else {
        // Partial credit for bigrams of the word found in the document, or for its synonyms.
        let hits = 0;
        for (let i = 0; i + 1 < w.length; i++) if (matched.has(BIGRAM + w.slice(i, i + 2))) hits++;
        if (w.length >= 2 && hits > 0) credit = (w.length * hits) / (w.length - 1);
        const synonyms = this.knowledge.synonyms.get(w);
        if (synonyms?.some((x) => matched.has(x) || this.jieba.cut(x, true).some((t) => matched.has(t)))) credit = Math.max(credit, w.length * 0.8);
      }
      // A lone character (给, 能, 全…) counts only when it matches: most are particles.
      if (w.length > 1 || credit > 0) total += w.length;
      covered += credit;
      if (credit > 0) words++;
    }
    return { share: total ? covered / total : 0, chars: covered, words };
  }

  suggest(query: string, limit = 8): Suggestion[] {
    return this.suggester.suggest(query, limit);
  }
}
