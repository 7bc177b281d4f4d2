// Features of a request text: jieba words, Han character bigrams, the street a named place belongs to,
// and a few cue words of the request type. Pure apart from the segmenter it is given.
import { normalizeText } from '../../search/engine/normalize.ts';

export interface Segmenter {
  cut(text: string): string[];
}

export interface Place {
  name: string;
  streetId: string;
}

/** Vocabulary that points at a label: a category (`c:城乡建设`) or a department (`d:cgj`). */
export interface Lexicon {
  label: string;
  terms: string[];
}

/** Terms of a category definition: the phrases between its 、，；。 and 与/和/及/等 separators. */
export function lexiconFromDefinition(category: string, definition: string): Lexicon {
  const terms = definition.split(/[、，；。（）()\s]|与|和|及|等|以及/).map((t) => t.trim()).filter((t) => t.length >= 2);
  return { label: `c:${category}`, terms: [...new Set(terms)] };
}

/** The domain vocabulary file (data/requests/lexicon.json): keywords per category and per department. */
export function lexiconsFromFile(file: { categories?: Record<string, string[]>; departments?: Record<string, string[]> }): Lexicon[] {
  return [
    ...Object.entries(file.categories ?? {}).map(([c, terms]) => ({ label: `c:${c}`, terms })),
    ...Object.entries(file.departments ?? {}).map(([d, terms]) => ({ label: `d:${d}`, terms })),
  ];
}

export function makeFeaturizer(segmenter: Segmenter, places: Place[], lexicons: Lexicon[] = []) {
  return (text: string): string[] => {
    const norm = normalizeText(text);
    const out: string[] = [];
    for (const w of segmenter.cut(norm)) {
      const t = w.trim();
      if (t && /[\p{Script=Han}a-z0-9]/u.test(t)) out.push(`w:${t}`);
    }
    for (const run of norm.match(/\p{Script=Han}+/gu) ?? []) {
      for (let i = 0; i + 1 < run.length; i++) out.push(`b:${run.slice(i, i + 2)}`);
    }
    for (const p of places) if (norm.includes(p.name)) out.push(`place:${p.streetId}`);
    for (const l of lexicons) for (const t of l.terms) if (t && norm.includes(t)) out.push(`lex:${l.label}`);
    // The end of a message often carries its intent (…怎么办？ …希望尽快处理 …建议…).
    const tail = norm.slice(-12);
    for (let i = 0; i + 1 < tail.length; i++) out.push(`t:${tail.slice(i, i + 2)}`);
    if (/[?？吗]/.test(text)) out.push('q:question');
    return out;
  };
}
