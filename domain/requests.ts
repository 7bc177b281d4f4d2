// The 12345 request (诉求) workflow as data: types, statuses, actions, the transition table, who may
// act, and the time limits. Pure: the requests service applies it.
import { Role } from './enums.ts';

export const RequestType = ['咨询', '求助', '投诉', '举报', '建议', '表扬'] as const;
export type RequestType = (typeof RequestType)[number];

export const RequestChannel = { web: 'web', enterprise: 'enterprise', phone: 'phone', open311: 'open311' } as const;
export type RequestChannel = (typeof RequestChannel)[keyof typeof RequestChannel];
export const RequestChannelLabel: Record<RequestChannel, string> = { web: '网上诉求', enterprise: '企业诉求', phone: '热线来电', open311: 'Open311 接口' };

export const RequestStatus = {
  received: 'received',
  dispatched: 'dispatched',
  returned: 'returned',
  processing: 'processing',
  replied: 'replied',
  answered: 'answered',
  closed: 'closed',
} as const;
export type RequestStatus = (typeof RequestStatus)[keyof typeof RequestStatus];

export const RequestStatusLabel: Record<RequestStatus, string> = {
  received: '已受理待派单',
  dispatched: '已派单待签收',
  returned: '已退单待处理',
  processing: '办理中',
  replied: '已答复待审核',
  answered: '已答复待回访',
  closed: '已办结',
};

export const RequestAction = {
  dispatch: 'dispatch',
  sign: 'sign',
  return: 'return',
  reassign: 'reassign',
  extend: 'extend',
  approve_extension: 'approve_extension',
  reply: 'reply',
  approve_reply: 'approve_reply',
  callback: 'callback',
  reopen: 'reopen',
  supervise: 'supervise',
  close: 'close',
  /** Merge a duplicate into the request it repeats (合并): closed here, handled there. */
  merge: 'merge',
} as const;
export type RequestAction = (typeof RequestAction)[keyof typeof RequestAction];

export const RequestActionLabel: Record<RequestAction, string> = {
  dispatch: '派单',
  sign: '签收',
  return: '退单',
  reassign: '改派',
  extend: '申请延期',
  approve_extension: '批准延期',
  reply: '答复',
  approve_reply: '审核通过答复',
  callback: '回访',
  reopen: '重办',
  supervise: '督办',
  close: '办结',
  merge: '合并重复件',
};

/**
 * For each status, the actions it allows and where each leads. `callback` leads to `closed` unless the
 * citizen is not satisfied; then the service reopens the request (重办) instead — see `afterCallback`.
 */
export const REQUEST_TRANSITIONS = {
  received: { dispatch: 'dispatched', close: 'closed', merge: 'closed', supervise: 'received' },
  dispatched: { sign: 'processing', return: 'returned', reassign: 'dispatched', supervise: 'dispatched' },
  returned: { dispatch: 'dispatched', reassign: 'dispatched', close: 'closed', merge: 'closed', supervise: 'returned' },
  processing: { reply: 'replied', extend: 'processing', approve_extension: 'processing', reassign: 'dispatched', supervise: 'processing' },
  replied: { approve_reply: 'answered', reopen: 'processing', supervise: 'replied' },
  answered: { callback: 'closed', close: 'closed' },
  closed: { reopen: 'processing' },
} as const satisfies Record<RequestStatus, Partial<Record<RequestAction, RequestStatus>>>;

/** The hotline centre: operators (话务员) and the supervisor (班长/中心负责人). */
const HOTLINE = [Role.operator, Role.supervisor] as const;

/** Who may ever take an action; a handler acts only on requests assigned to their department. */
export const REQUEST_ACTION_ACTORS = {
  dispatch: HOTLINE,
  reassign: HOTLINE,
  approve_extension: HOTLINE,
  approve_reply: HOTLINE,
  /** The hotline's callback (回访), or the citizen rating the answer to their own request. */
  callback: [...HOTLINE, Role.citizen, Role.enterprise],
  reopen: HOTLINE,
  close: HOTLINE,
  merge: HOTLINE,
  supervise: [Role.supervisor],
  sign: [Role.handler],
  return: [Role.handler],
  extend: [Role.handler],
  reply: [Role.handler],
} as const satisfies Record<RequestAction, readonly Role[]>;

/** Actions that must carry a comment: a reason, a reply text or an instruction. */
export const REQUEST_ACTIONS_NEEDING_COMMENT: readonly RequestAction[] = ['return', 'extend', 'reply', 'reopen', 'supervise', 'close', 'reassign'];

export const ReplyResult = { resolved: 'resolved', explained: 'explained', unsolvable: 'unsolvable' } as const;
export type ReplyResult = (typeof ReplyResult)[keyof typeof ReplyResult];
export const ReplyResultLabel: Record<ReplyResult, string> = { resolved: '已解决', explained: '已解释说明', unsolvable: '无法解决' };

export const Satisfaction = { satisfied: 'satisfied', basically_satisfied: 'basically_satisfied', unsatisfied: 'unsatisfied' } as const;
export type Satisfaction = (typeof Satisfaction)[keyof typeof Satisfaction];
export const SatisfactionLabel: Record<Satisfaction, string> = { satisfied: '满意', basically_satisfied: '基本满意', unsatisfied: '不满意' };

/** A request is redone (重办) at most this many times after an unsatisfied callback, then escalated. */
export const MAX_REOPENS = 2;

export function allowedRequestActions(status: RequestStatus): RequestAction[] {
  return Object.keys(REQUEST_TRANSITIONS[status]) as RequestAction[];
}

export function nextRequestStatus(status: RequestStatus, action: RequestAction): RequestStatus | undefined {
  return (REQUEST_TRANSITIONS[status] as Partial<Record<RequestAction, RequestStatus>>)[action];
}

/**
 * What an answered callback leads to: satisfied or basically satisfied closes the request; unsatisfied
 * reopens it to the same department, and after MAX_REOPENS redone rounds it is escalated to supervision.
 */
export function afterCallback(satisfaction: Satisfaction, reopens: number): { status: RequestStatus; reopen: boolean; escalate: boolean } {
  if (satisfaction !== 'unsatisfied') return { status: 'closed', reopen: false, escalate: false };
  if (reopens >= MAX_REOPENS) return { status: 'processing', reopen: true, escalate: true };
  return { status: 'processing', reopen: true, escalate: false };
}

/** Default time limits: urgent requests in hours, the others in working days of the official calendar. */
export const DEFAULT_TIME_LIMITS = { urgentHours: 2, days: { 咨询: 1, 求助: 3, 投诉: 5, 举报: 5, 建议: 10, 表扬: 10 } satisfies Record<RequestType, number> };
export type TimeLimits = typeof DEFAULT_TIME_LIMITS;

/**
 * When a request is due: `urgentHours` after it was received for an urgent one, otherwise the N-th
 * working day after the day it was received (a calendar function supplies the working days).
 */
export function requestDueAt(type: RequestType, urgent: boolean, receivedAt: Date, limits: TimeLimits, endOfNthWorkingDay: (from: Date, days: number) => Date): Date {
  if (urgent) return new Date(receivedAt.getTime() + limits.urgentHours * 3_600_000);
  return endOfNthWorkingDay(receivedAt, limits.days[type]);
}

/** Words that mark a request urgent (危及生命、燃气泄漏、内涝…): it is flagged and put first. */
export const URGENT_CUES = [
  '燃气泄漏', '煤气泄漏', '漏气', '闻到煤气', '闻到燃气', '着火', '起火', '火灾', '冒烟', '爆炸',
  '自杀', '轻生', '跳楼', '不想活', '割腕', '寻死',
  '被困', '困在', '掉进', '落水', '溺水', '触电', '塌了', '坍塌', '倒塌', '塌方',
  '淹了', '进水了', '内涝', '被淹', '洪水', '决堤',
  '打人', '持刀', '砍人', '家暴', '被打', '绑架', '失踪', '走失',
  '有人晕倒', '昏迷', '没有呼吸', '生命危险', '救命', '孩子独自在家',
];

export function isUrgent(text: string): boolean {
  return URGENT_CUES.some((c) => text.includes(c));
}
