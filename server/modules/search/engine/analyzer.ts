// Query analysis: normalisation, Latin words read as English or pinyin, knowledge-base phrases
// found in the query, homophone typos corrected, and the content words left after stopwords.
import type { Jieba } from '@node-rs/jieba';
import { normalizeText } from './normalize.ts';
import { syllables } from './pinyin.ts';
import type { CompiledKnowledge, PhraseSpan, PinyinVocabulary } from './vocabulary.ts';

/** English words that carry no meaning for choosing a service. */
const ENGLISH_FUNCTION_WORDS = new Set(
  'a an the i me my we our you your he she his her it its they their to of for in on at by with from and or how do does did can could should would will what where when which who whom why is are was were be been am i m need want get got please help about this that there here some any much many have has had if as into not no'.split(' '),
);

export interface QueryAnalysis {
  text: string;
  suggestion: string | null;
  contentWords: string[];
  aliasSpans: PhraseSpan<Map<string, number>>[];
  scenarioSpans: PhraseSpan<Map<string, number>>[];
  outOfScope: PhraseSpan<string>[];
  expansions: string[];
  unknownLatin: number;
  latinWords: number;
}

export class QueryAnalyzer {
  constructor(
    private readonly jieba: Jieba,
    private readonly knowledge: CompiledKnowledge,
    private readonly vocabulary: PinyinVocabulary,
  ) {}

  isStopword(w: string): boolean {
    return this.knowledge.stopwords.has(w);
  }

  /** Turns Latin words into Chinese: English glossary phrases first, then pinyin. */
  private readLatin(norm: string): { text: string; english: boolean; pinyin: boolean; unknown: number; words: number } {
    let english = false;
    let pinyin = false;
    let unknown = 0;
    let words = 0;
    const parts = norm.split(' ');
    const out: string[] = [];
    for (let i = 0; i < parts.length; ) {
      const word = parts[i]!;
      if (!/^[a-z][a-z0-9]*$/.test(word)) {
        out.push(word);
        i++;
        continue;
      }
      let matched = 0;
      for (let len = Math.min(5, parts.length - i); len >= 1 && !matched; len--) {
        const phrase = parts.slice(i, i + len).join(' ');
        const exp = this.knowledge.english.get(phrase) ?? (len === 1 ? this.singular(phrase) : undefined);
        if (exp) {
          out.push(exp.join(' '));
          matched = len;
        }
      }
      if (matched) {
        english = true;
        words += matched;
        i += matched;
        continue;
      }
      i++;
      if (ENGLISH_FUNCTION_WORDS.has(word)) continue;
      words++;
      const parsed = word.length >= 2 ? this.vocabulary.parse(word) : null;
      if (parsed) {
        pinyin = true;
        out.push(parsed.join(''));
      } else unknown++;
    }
    return { text: out.join(' '), english, pinyin, unknown, words };
  }

  private singular(word: string): string[] | undefined {
    if (word.endsWith('ies')) return this.knowledge.english.get(`${word.slice(0, -3)}y`);
    if (word.endsWith('es')) return this.knowledge.english.get(word.slice(0, -2)) ?? this.knowledge.english.get(word.slice(0, -1));
    if (word.endsWith('s')) return this.knowledge.english.get(word.slice(0, -1));
    return undefined;
  }

  /**
   * Replaces homophone typos (身份正 → 身份证, 社报卡 → 社保卡) with vocabulary words. A window is only
   * replaced when it lines up with jieba's word boundaries and contains a single-character token (a
   * typo breaks a word apart), is not itself a known word, and sounds the same as a vocabulary word
   * (exactly for two characters; with the usual zh/z, n/l, -ng/-n confusions for longer ones).
   */
  private correctHomophones(text: string, protectedSpans: { start: number; end: number }[]): string {
    let result = '';
    let changed = false;
    for (const piece of text.split(/(\p{Script=Han}+)/u)) {
      if (!/^\p{Script=Han}+$/u.test(piece)) {
        result += piece;
        continue;
      }
      const offset = result.length;
      const sylls = syllables(piece);
      const tokens = this.jieba.cut(piece, false);
      const boundaries = new Set<number>([0]);
      const singles = new Set<number>();
      let at = 0;
      for (const tok of tokens) {
        if (tok.length === 1) singles.add(at);
        at += tok.length;
        boundaries.add(at);
      }
      let chars = [...piece];
      for (let len = Math.min(6, chars.length); len >= 2; len--) {
        for (let i = 0; i + len <= chars.length; i++) {
          if (!boundaries.has(i) || !boundaries.has(i + len)) continue;
          let broken = false;
          for (let k = i; k < i + len; k++) if (singles.has(k)) broken = true;
          if (len === 2 && !broken) continue;
          const start = offset + i;
          if (protectedSpans.some((sp) => start < sp.end && start + len > sp.start)) continue;
          const window = chars.slice(i, i + len).join('');
          if (this.vocabulary.has(window)) continue;
          const term = len === 2 ? this.vocabulary.byFull(sylls.slice(i, i + len).join('')) : this.vocabulary.bySound(sylls.slice(i, i + len));
          if (!term || term === window || term.length !== len) continue;
          if (len <= 3 && ![...term].some((c, k) => c === window[k])) continue;
          chars = [...chars.slice(0, i), ...term, ...chars.slice(i + len)];
          protectedSpans.push({ start, end: start + len });
          changed = true;
        }
      }
      result += chars.join('');
    }
    return changed ? result : text;
  }

  analyze(query: string): QueryAnalysis {
    const norm = normalizeText(query);
    const latin = /[a-z]/.test(norm) ? this.readLatin(norm) : null;
    let text = latin ? latin.text : norm;
    let suggestion: string | null = latin?.pinyin ? text.replace(/ /g, '') : null;
    const compact = (s: string) => s.replace(/ /g, '');

    let aliasSpans = this.knowledge.aliases.scan(compact(text));
    let synonymSpans = this.knowledge.synonyms.scan(compact(text));
    const corrected = this.correctHomophones(compact(text), [...aliasSpans, ...synonymSpans].map((s) => ({ ...s })));
    if (corrected !== compact(text)) {
      text = corrected;
      suggestion = corrected;
      aliasSpans = this.knowledge.aliases.scan(corrected);
      synonymSpans = this.knowledge.synonyms.scan(corrected);
    }
    const flat = compact(text);
    const scenarioSpans = this.knowledge.scenarios.scan(flat);
    const outOfScope = this.knowledge.outOfScope.scan(flat);
    const expansions = synonymSpans.flatMap((s) => s.value);
    const contentWords = this.jieba
      .cut(text, true)
      .map((w) => w.trim())
      // Numbers (dates, amounts, someone's phone number) never decide which service is meant, nor do
      // jieba's joins of filler characters (办个, 给我).
      .filter((w) => w && !this.isStopword(w) && /[\p{Script=Han}a-z]/u.test(w) && !(w.length > 1 && [...w].every((c) => this.isStopword(c))));
    return {
      text,
      suggestion: suggestion && suggestion !== compact(norm) ? suggestion : null,
      contentWords,
      aliasSpans,
      scenarioSpans,
      outOfScope,
      expansions,
      unknownLatin: latin?.unknown ?? 0,
      latinWords: latin?.words ?? 0,
    };
  }
}
