// Features of a request text: jieba words, Han character bigrams, the street a named place belongs to,
// and a few cue words of the request type. Pure apart from the segmenter it is given.
import { toSimplified } from '../../search/engine/normalize.ts';

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

/**
 * Speech-act cues: how people ask, ask for help, complain about their own loss, report someone else's
 * violation, suggest and thank. Each group is a feature of its own (`act:…`), and again (`last:…`) when it
 * occurs in the last sentence, which usually carries what the caller wants. The model learns how much each
 * group says about the request type; no group decides it alone.
 */
const SPEECH_ACTS: Record<string, RegExp> = {
  askInfo: /请问|想问|问一下|问下|咨询|了解一下|怎么办理|如何|怎么|咋|哪里|哪儿|在哪|什么时候|何时|多久|多长时间|多少钱|多少|需要什么|需要哪些|要带|能不能|可不可以|可以吗|是否|有没有|吗$|呢$|么$/,
  askHelp: /求助|求求|帮帮|帮忙|帮我|帮一下|救救|救命|怎么办|咋办|没办法|走投无路|无家可归|急死|着急|十万火急|请.{0,4}(尽快|马上|赶紧)|(马上|赶紧|立即|快).{0,3}(来|派人|处理)|困在|被困|出不来/,
  demand: /(请|希望|要求|麻烦).{0,8}(处理|解决|查处|整治|管一管|管管|来看看|落实|给个说法|答复)|严查|取缔|依法处理|查一查|管一下|有人管/,
  harmSelf: /我家|我们家|我们小区|我们楼|我们村|我们单位|影响.{0,4}(休息|睡觉|生活|出行|学习)|睡不着|没法睡|吵得|受不了|熏得|臭得|损失|扰民|苦不堪言|欠我|骗了我|坑了我|我被|给我|退我|我的钱|我买|我在.{0,6}(买|办|交)/,
  thirdParty: /有人|有家|有个|有些|有一|那家|这家|一家|某些?|老板|商家|店主|个别|一伙|团伙|他们家/,
  violation: /违法|违规|非法|无证|无照|私自|偷偷|偷排|私排|违建|私搭|乱搭|假冒|假货|造假|涉嫌|诈骗|传销|赌博|偷税|逃税|骗保|套取|冒领|黑作坊|黑车|黑诊所|过期|以次充好|虚假/,
  reportWord: /举报|检举|揭发|线索|实名|匿名|不要透露|替我保密|请保密/,
  complainWord: /投诉|不满|态度(恶劣|差|不好)|不作为|推诿|踢皮球|敷衍|不给办|不退|拖欠|拖着|欺骗|忽悠|乱收费|凭什么|太差|太慢|没人管|没人理|没有回复|没人回/,
  suggest: /建议|希望能|希望可以|希望增加|能否(增加|增设|延长|开通|调整)|增设|多设|多开|加开|延长|可否|提议|如果能|最好能|应该|呼吁|优化|改进|完善|是否可以考虑|考虑一下/,
  praise: /表扬|感谢|谢谢|感激|点赞|锦旗|好评|辛苦了|非常满意|很满意|热心|耐心|负责任|尽职|及时解决|给力|暖心|为.{0,8}点赞/,
};

const PUNCTUATION = /[\p{P}\p{S}\s]+/gu;
const clean = (s: string) => s.replace(PUNCTUATION, ' ').replace(/\s+/g, ' ').trim();

/** Lexicon terms by their first character, so a text is scanned once instead of once per term. */
function indexTerms(lexicons: Lexicon[]): Map<string, { term: string; label: string }[]> {
  const byFirst = new Map<string, { term: string; label: string }[]>();
  for (const l of lexicons) {
    for (const term of l.terms) {
      if (!term) continue;
      const list = byFirst.get(term[0]!) ?? [];
      list.push({ term, label: l.label });
      byFirst.set(term[0]!, list);
    }
  }
  return byFirst;
}

export function makeFeaturizer(segmenter: Segmenter, places: Place[], lexicons: Lexicon[] = []) {
  const terms = indexTerms(lexicons);
  return (text: string): string[] => {
    // normalizeText, but punctuation is kept a moment longer to split sentences (one OpenCC pass).
    const simplified = toSimplified(text.normalize('NFKC').toLowerCase());
    const norm = clean(simplified);
    const out: string[] = [];
    for (const w of segmenter.cut(norm)) {
      const t = w.trim();
      if (t && /[\p{Script=Han}a-z0-9]/u.test(t)) out.push(`w:${t}`);
    }
    for (const run of norm.match(/\p{Script=Han}+/gu) ?? []) {
      for (let i = 0; i + 1 < run.length; i++) out.push(`b:${run.slice(i, i + 2)}`);
    }
    for (const p of places) if (norm.includes(p.name)) out.push(`place:${p.streetId}`);
    const labels = new Set<string>();
    for (let i = 0; i < norm.length; i++) for (const { term, label } of terms.get(norm[i]!) ?? []) if (norm.startsWith(term, i)) labels.add(label);
    for (const label of labels) out.push(`lex:${label}`);
    // The end of a message often carries its intent (…怎么办？ …希望尽快处理 …建议…).
    const tail = norm.slice(-12);
    for (let i = 0; i + 1 < tail.length; i++) out.push(`t:${tail.slice(i, i + 2)}`);
    if (/[?？吗]/.test(text)) out.push('q:question');
    const parts = simplified.split(/[。！？!?；;\n]+/).map(clean).filter(Boolean);
    const last = parts.at(-1) ?? '';
    for (const [act, re] of Object.entries(SPEECH_ACTS)) {
      if (parts.some((p) => re.test(p))) out.push(`act:${act}`);
      if (re.test(last)) out.push(`last:${act}`);
    }
    if (/[?？]\s*$/.test(text.trim())) out.push('q:endsWithQuestion');
    out.push(`len:${text.length < 15 ? 'short' : text.length < 40 ? 'mid' : 'long'}`);
    return out;
  };
}
