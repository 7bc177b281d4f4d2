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

/** Speech-act cues of the request types (how people ask, complain, report, suggest, thank). */
const TYPE_CUES: Record<string, string[]> = {
  咨询: ['请问', '咨询', '想问', '问一下', '怎么办理', '如何', '需要什么', '能不能', '可不可以', '是否', '多久', '在哪', '哪里可以', '什么时候', '有没有政策', '标准是多少'],
  求助: ['求助', '帮帮', '帮忙', '帮我', '救救', '怎么办啊', '没办法', '走投无路', '急需', '麻烦你们', '请尽快派人', '无助'],
  投诉: ['投诉', '太吵', '受不了', '严重影响', '扰民', '态度恶劣', '不作为', '推诿', '乱收费', '拖欠', '不给退', '欺骗', '维权', '损失'],
  举报: ['举报', '有人', '违规', '违法', '私自', '偷偷', '非法', '无证', '黑作坊', '涉嫌', '偷排', '违建', '线索'],
  建议: ['建议', '希望能', '能否增加', '是否可以增设', '能不能多', '应该', '提议', '如果能', '增设', '优化', '改进'],
  表扬: ['表扬', '感谢', '谢谢', '点赞', '锦旗', '好评', '辛苦了', '非常满意', '热心', '耐心', '负责任'],
};

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
    for (const [type, cues] of Object.entries(TYPE_CUES)) for (const c of cues) if (norm.includes(c)) out.push(`cue:${type}`);
    return out;
  };
}
