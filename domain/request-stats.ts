// Reports on 12345 requests: the figures, how each rate is computed, time buckets and rising hot
// words. Pure: the requests module runs the SQL and hands the counts here. Definitions are in
// docs/REQUESTS.md ("Reports").
import { addDays, type IsoDate } from './calendar.ts';

export const StatsGranularity = { day: 'day', week: 'week', month: 'month' } as const;
export type StatsGranularity = (typeof StatsGranularity)[keyof typeof StatsGranularity];
export const StatsGranularityLabel: Record<StatsGranularity, string> = { day: '日', week: '周', month: '月' };

/** The longest range one report covers, in days (both ends counted). */
export const MAX_STATS_DAYS = 366;

/** Raw counts of one group of requests, as the SQL returns them. */
export interface RequestCounts {
  received: number;
  closed: number;
  closedOnTime: number;
  replied: number;
  resolved: number;
  rated: number;
  satisfied: number;
  overdue: number;
  urgent: number;
  supervised: number;
  reopened: number;
}

/** The figures a report shows for one group: counts and rates (null when the denominator is 0). */
export interface RequestFigures {
  received: number;
  closed: number;
  onTimeRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
  returns: number;
  overdue: number;
  urgent: number;
  supervised: number;
  reopened: number;
}

export const ZERO_COUNTS: RequestCounts = { received: 0, closed: 0, closedOnTime: 0, replied: 0, resolved: 0, rated: 0, satisfied: 0, overdue: 0, urgent: 0, supervised: 0, reopened: 0 };

/** n / d, or null when there is nothing to divide by (never NaN). */
export function rate(n: number, d: number): number | null {
  return d > 0 ? n / d : null;
}

export function figures(c: RequestCounts, returns = 0): RequestFigures {
  return {
    received: c.received,
    closed: c.closed,
    onTimeRate: rate(c.closedOnTime, c.closed),
    resolutionRate: rate(c.resolved, c.replied),
    satisfactionRate: rate(c.satisfied, c.rated),
    returns,
    overdue: c.overdue,
    urgent: c.urgent,
    supervised: c.supervised,
    reopened: c.reopened,
  };
}

/** Days from `from` to `to`, both counted (0 or less when `from` is after `to`). */
export function daysInRange(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** The first day of the bucket a date falls in: the date itself, the Monday of its week, the 1st of its month. */
export function bucketStart(date: IsoDate, g: StatsGranularity): IsoDate {
  if (g === 'day') return date;
  if (g === 'month') return `${date.slice(0, 8)}01`;
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(date, -((dow + 6) % 7));
}

/** Every bucket that overlaps from..to, by its first day (the first and last may be partial). */
export function bucketsBetween(from: IsoDate, to: IsoDate, g: StatsGranularity): IsoDate[] {
  const out: IsoDate[] = [];
  let b = bucketStart(from, g);
  while (b <= to && out.length < 400) {
    out.push(b);
    if (g === 'day') b = addDays(b, 1);
    else if (g === 'week') b = addDays(b, 7);
    else {
      const [y, m] = [Number(b.slice(0, 4)), Number(b.slice(5, 7))];
      b = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
    }
  }
  return out;
}

/** The two 7-day windows hot topics compare: the week ending on `to` and the week before it. */
export function hotTopicWeeks(to: IsoDate) {
  return { thisWeek: { from: addDays(to, -6), to }, lastWeek: { from: addDays(to, -13), to: addDays(to, -7) } };
}

/**
 * Words that say nothing about the topic of a request: function words, the way people open and close
 * a complaint, and generic places (小区、楼下). Named places are excluded separately.
 */
export const HOT_WORD_STOPWORDS = new Set([
  '我们', '你们', '他们', '她们', '自己', '大家', '这个', '那个', '这些', '那些', '这里', '那里', '这样', '那样', '什么', '怎么', '怎么办',
  '为什么', '如何', '是否', '有没有', '能不能', '可不可以', '可以', '不能', '不会', '没有', '没人', '已经', '一直', '还是', '还有', '而且',
  '但是', '因为', '所以', '如果', '就是', '一个', '一些', '一下', '时候', '现在', '今天', '昨天', '最近', '每天', '天天', '经常', '多次',
  '好几', '几天', '及时', '每天晚上', '夜里', '很大', '很小', '一处', '一些人', '有人', '一周', '一个月', '半个', '晚上', '早上', '白天', '中午', '凌晨', '半夜', '之前', '以后', '之后', '目前', '问题', '情况',
  '反映', '反应', '投诉', '举报', '咨询', '建议', '表扬', '求助', '希望', '请求', '要求', '请问', '麻烦', '尽快', '赶紧', '马上', '处理',
  '解决', '相关', '有关', '部门', '单位', '政府', '市民', '群众', '居民', '来电', '诉求', '帮忙', '帮助', '谢谢', '感谢', '你好', '您好',
  '小区', '社区', '街道', '村里', '楼下', '楼上', '门口', '附近', '旁边', '对面', '周边', '路口', '家里', '家门口', '这边', '那边',
  '严重', '非常', '特别', '十分', '比较', '很多', '太多', '不少', '一样', '影响', '造成', '导致', '出现', '发现', '存在', '进行', '需要',
  '应该', '知道', '觉得', '认为', '看到', '听说', '告诉', '说明', '回复', '答复', '联系', '电话', '手机', '号码', '时间', '地方', '位置',
  '今年', '去年', '明年', '前年', '上午', '下午', '上周', '本周', '这周', '上个月', '这个月', '下个月', '年底', '月底', '年初', '打电话', '打了',
]);

/** A number with its measure word (两个, 三次, 十二点, 每个, 半年): a quantity, never a topic. */
const QUANTITY = /^[一二三四五六七八九十百千万两几每半多数]+[个点天年月日周次号层栋楼元块岁名家条辆位只遍趟分钟小时回间户人]$/u;

/**
 * The topic words of one text: jieba's words of two or more Han characters that are not stopwords
 * and not part of a place name; each counted once per request.
 */
export function topicWords(words: readonly string[], placeNames: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const w of words) {
    if (w.length < 2 || w.length > 8 || !/^\p{Script=Han}+$/u.test(w)) continue;
    if (HOT_WORD_STOPWORDS.has(w) || QUANTITY.test(w) || placeNames.some((p) => p.includes(w))) continue;
    out.add(w);
  }
  return out;
}

export interface RisingTerm {
  term: string;
  thisWeek: number;
  lastWeek: number;
  /** (thisWeek − lastWeek) / lastWeek; null when it did not occur last week (new). */
  growth: number | null;
}

/**
 * Terms more frequent this week than last, with at least `minCount` this week: the largest increase
 * first, then the most frequent, then by name so the order is stable.
 */
export function risingTerms(thisWeek: ReadonlyMap<string, number>, lastWeek: ReadonlyMap<string, number>, minCount = 2, limit = 20): RisingTerm[] {
  const out: RisingTerm[] = [];
  for (const [term, n] of thisWeek) {
    const before = lastWeek.get(term) ?? 0;
    if (n < minCount || n <= before) continue;
    out.push({ term, thisWeek: n, lastWeek: before, growth: before ? (n - before) / before : null });
  }
  return out
    .sort((a, b) => b.thisWeek - b.lastWeek - (a.thisWeek - a.lastWeek) || b.thisWeek - a.thisWeek || a.term.localeCompare(b.term, 'zh'))
    .slice(0, limit);
}

/** How often each word occurs across texts, counting a word once per text. */
export function countWords(texts: Iterable<readonly string[]>, placeNames: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const words of texts) for (const w of topicWords(words, placeNames)) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}
