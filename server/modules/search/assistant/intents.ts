// What a follow-up question asks about. Pure: the assistant service decides what to look up.
export const TOPICS = ['materials', 'time', 'fee', 'where', 'online', 'conditions', 'apply', 'items'] as const;
export type Topic = (typeof TOPICS)[number];

const CUES: Record<Topic, string[]> = {
  materials: ['材料', '带什么', '带啥', '准备什么', '准备啥', '要带', '提交什么', '交什么', '证件', '资料'],
  time: ['多久', '多长时间', '几天', '时限', '什么时候能', '多快', '时间', '当天能', '要等'],
  fee: ['收费', '费用', '多少钱', '要钱', '花钱', '免费', '交钱', '工本费'],
  where: ['在哪', '哪里办', '去哪', '地址', '哪个部门', '找谁', '窗口', '地点', '到哪'],
  online: ['网上', '在线', '线上', '手机上', '跑几次', '要不要去', '用去', '必须去', '现场', '网办'],
  conditions: ['条件', '谁可以', '能不能办', '符合', '资格', '要求'],
  apply: ['怎么申请', '申请入口', '去申请', '怎么办理', '办理流程', '流程', '步骤'],
  items: ['包括', '包含', '哪些事项', '都有哪些'],
};

export function detectTopics(message: string): Topic[] {
  return TOPICS.filter((t) => CUES[t].some((c) => message.includes(c)));
}

const FILLER = /(请问|那么|那|这个|那个|它|需要|要|吗|呢|啊|吧|么|的|了|我|得|办理|办|一下|还|再|问|能|好|可以|会|是|在|有|多|怎么|什么|哪|谁|去|到|给|和|跟|对)/g;

/** The Han characters of a message once follow-up cue words and filler are removed: what is left names a (new) subject. */
export function subjectOf(message: string): string {
  let rest = message;
  for (const cues of Object.values(CUES)) for (const c of cues) rest = rest.split(c).join(' ');
  return rest.replace(FILLER, ' ').replace(/[^\p{Script=Han}a-zA-Z0-9]+/gu, '');
}

/** "第二个" / "2" picks one of the options the assistant offered. */
export function pickOption(message: string, count: number): number | null {
  const m = message.trim().match(/^(?:第)?([1-9一二三四五])(?:个|项|条)?$/);
  if (!m) return null;
  const c = m[1]!;
  const n = '一二三四五'.includes(c) ? '一二三四五'.indexOf(c) + 1 : Number(c);
  return n >= 1 && n <= count ? n - 1 : null;
}
