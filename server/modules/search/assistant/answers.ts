// Turns catalogue facts into the assistant's sentences. Every fact comes from the item or bundle
// record; nothing here knows about any particular service.
import type { Topic } from './intents.ts';

export interface ItemFacts {
  code: string;
  name: string;
  departmentName: string;
  legalLimitDays: number;
  promisedLimitDays: number;
  onlineDepth: string;
  maxVisits: number;
  crossProvince: boolean;
  fee: string;
  acceptConditions: string;
  canApplyOnline: boolean;
  materials: { name: string; required: boolean; form: string; copies: number; sharedSource: string | null }[];
}

export interface BundleFacts {
  code: string;
  name: string;
  description: string;
  items: { code: string; name: string; departmentName: string; promisedLimitDays: number }[];
}

const FORM: Record<string, string> = { original: '原件', copy: '复印件', electronic: '电子材料' };

export function timeLine(i: ItemFacts): string {
  if (i.promisedLimitDays === 0) return '即办件，材料齐全当场办结。';
  return `承诺 ${i.promisedLimitDays} 个工作日内办结（法定时限 ${i.legalLimitDays} 个工作日）。`;
}

export function onlineLine(i: ItemFacts): string {
  const cross = i.crossProvince ? '支持跨省通办。' : '';
  if (i.onlineDepth === 'full_online') return `可全程网上办理，不用跑现场。${cross}`;
  if (i.onlineDepth === 'online_apply_onsite_verify') return `可以网上申请，之后需到现场核验或领取结果，最多跑 ${Math.max(i.maxVisits, 1)} 次。${cross}`;
  return `需要到窗口现场办理，最多跑 ${Math.max(i.maxVisits, 1)} 次。${cross}`;
}

export function whereLine(i: ItemFacts): string {
  return `办理部门：${i.departmentName}。${i.onlineDepth === 'full_online' ? '在本平台网上申请即可。' : '可在本平台预约或先网上申请。'}`;
}

export function feeLine(i: ItemFacts): string {
  return `收费：${i.fee || '不收费'}。`;
}

export function materialsLines(i: ItemFacts): string[] {
  if (i.materials.length === 0) return ['办理这项不需要提交材料。'];
  const lines = [`需要准备 ${i.materials.length} 项材料：`];
  i.materials.forEach((m, n) => {
    const form = m.form === 'electronic' ? FORM.electronic : `${FORM[m.form] ?? m.form} ${m.copies} 份`;
    const shared = m.sharedSource ? '，可由政府共享数据获取，免提交' : '';
    lines.push(`${n + 1}. ${m.name}（${m.required ? '' : '视情况提供，'}${form}${shared}）`);
  });
  return lines;
}

export function conditionsLine(i: ItemFacts): string {
  return i.acceptConditions ? `受理条件：${i.acceptConditions}` : '该事项没有列出特别的受理条件。';
}

export function applyLine(i: ItemFacts): string {
  return i.canApplyOnline ? '点下面的“在线申请”，登录后按页面提示填写并上传材料即可。' : `该事项不能在网上申请，请到${i.departmentName}窗口办理。`;
}

/** The first answer about an item: what it is and the key facts. */
export function itemOverview(i: ItemFacts): string[] {
  return [`为您找到：${i.name}（${i.departmentName}）。`, timeLine(i), onlineLine(i), feeLine(i)];
}

export function itemTopic(i: ItemFacts, topic: Topic): string[] {
  switch (topic) {
    case 'materials':
      return materialsLines(i);
    case 'time':
      return [timeLine(i)];
    case 'fee':
      return [feeLine(i)];
    case 'where':
      return [whereLine(i), onlineLine(i)];
    case 'online':
      return [onlineLine(i)];
    case 'conditions':
      return [conditionsLine(i)];
    case 'apply':
      return [applyLine(i), onlineLine(i)];
    case 'items':
      return [`“${i.name}”是单个事项。`];
  }
}

export function bundleOverview(b: BundleFacts): string[] {
  return [
    `为您找到“${b.name}”，一次申请可同时办理 ${b.items.length} 个事项：`,
    ...b.items.map((it, n) => `${n + 1}. ${it.name}（${it.departmentName}）`),
    '想了解其中某一项，直接问我它的名称或回复序号。',
  ];
}

export function bundleTopic(b: BundleFacts, topic: Topic): string[] {
  if (topic === 'time') {
    return [`“${b.name}”各事项承诺时限：`, ...b.items.map((it) => `· ${it.name}：${it.promisedLimitDays === 0 ? '即办' : `${it.promisedLimitDays} 个工作日`}`)];
  }
  if (topic === 'items') return bundleOverview(b).slice(0, -1);
  return [`“${b.name}”包含多个事项，材料和要求各不相同。请回复序号或事项名称，我告诉您那一项的${TOPIC_NAMES[topic]}：`, ...b.items.map((it, n) => `${n + 1}. ${it.name}`)];
}

export const TOPIC_NAMES: Record<Topic, string> = {
  materials: '材料',
  time: '办理时限',
  fee: '收费',
  where: '办理地点',
  online: '网办情况',
  conditions: '受理条件',
  apply: '申请方式',
  items: '包含事项',
};

export const FOLLOW_UPS = ['要带什么材料？', '多久能办好？', '在哪里办？', '要收费吗？', '能在网上办吗？'];
export const BUNDLE_FOLLOW_UPS = ['包括哪些事项？', '多久能办好？', '要带什么材料？'];
