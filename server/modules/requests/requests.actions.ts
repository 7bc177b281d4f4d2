// The handling loop of a 12345 request: dispatch, sign, return, reassign, extend, reply, review,
// callback, reopen, supervise, close. One guarded transition per call, inside one transaction.
import { z } from 'zod';
import type { Db } from '../../platform/db/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { AuthUser } from '../../platform/auth.ts';
import { writeAudit } from '../../platform/audit.ts';
import { endOfWorkingDay } from '../../../domain/calendar.ts';
import { conflict, forbidden, invalid, notFound } from '../../../domain/errors.ts';
import { Role } from '../../../domain/enums.ts';
import {
  afterCallback, allowedRequestActions, RequestActionLabel, nextRequestStatus, REQUEST_ACTION_ACTORS, REQUEST_ACTIONS_NEEDING_COMMENT, RequestAction,
  ReplyResult, ReplyResultLabel, RequestType, Satisfaction, type RequestStatus,
} from '../../../domain/requests.ts';
import type { CalendarService } from '../calendar/index.ts';
import { notify } from '../notifications/index.ts';
import * as repo from './requests.repo.ts';
import { requestAccess } from './requests.policy.ts';

export const ActionInput = z.object({
  action: z.enum(Object.values(RequestAction) as [RequestAction, ...RequestAction[]], { message: '不支持的操作' }),
  departmentId: z.string().min(1).max(40).optional(),
  coDepartmentIds: z.array(z.string().min(1).max(40)).max(5, '协办部门最多 5 个').optional(),
  comment: z.string().trim().max(2000, '说明不能超过 2000 字').optional(),
  result: z.enum(Object.values(ReplyResult) as [ReplyResult, ...ReplyResult[]], { message: '答复结果应为 resolved、explained 或 unsolvable' }).optional(),
  satisfaction: z.enum(Object.values(Satisfaction) as [Satisfaction, ...Satisfaction[]], { message: '满意度应为 satisfied、basically_satisfied 或 unsatisfied' }).optional(),
  days: z.number().int('天数应为整数').min(1, '至少 1 个工作日').max(30, '最多 30 个工作日').optional(),
  /** The operator's confirmed or corrected labels (at dispatch): they train the next model. */
  type: z.enum(RequestType).optional(),
  category: z.string().min(1).max(20).optional(),
  /** For `merge`: the request this one repeats. */
  duplicateOf: z.uuid('重复工单编号格式不正确').optional(),
});
export type ActionInput = z.infer<typeof ActionInput>;

type Access = ReturnType<typeof requestAccess>;

/**
 * Whether this user may take this action on a request they have this access to: the hotline acts as
 * the hotline, a handler only on requests assigned to their department, a citizen only on their own.
 */
function mayAct(user: AuthUser, action: RequestAction, access: Access): boolean {
  const roles = REQUEST_ACTION_ACTORS[action] as readonly string[];
  return user.roles.some((role) => roles.includes(role) && (
    role === Role.handler ? access.lead : role === Role.citizen || role === Role.enterprise ? access.owner : true));
}

/** The actions this user could take on a request in its current status. */
export function actionsFor(user: AuthUser, status: RequestStatus, access: Access): RequestAction[] {
  return allowedRequestActions(status).filter((a) => mayAct(user, a, access));
}

export function createRequestActions(db: Db, clock: Clock, calendar: CalendarService, categories: Set<string>) {

  return async function act(id: string, input: ActionInput, user: AuthUser) {
    const at = clock.now();
    const result = await db.transaction().execute(async (trx) => {
      const r = await trx.selectFrom('requests').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
      if (!r) throw notFound('REQUEST_NOT_FOUND', '诉求不存在');
      const access = requestAccess(user, r);
      if (!(access.hotline || access.assigned || access.owner)) throw notFound('REQUEST_NOT_FOUND', '诉求不存在');
      if (!mayAct(user, input.action, access)) {
        const handlerAction = (REQUEST_ACTION_ACTORS[input.action] as readonly string[]).includes(Role.handler);
        throw forbidden(handlerAction && access.assigned ? '只有主办部门可以执行此操作，协办部门请配合主办部门办理' : `您不能对诉求执行“${RequestActionLabel[input.action]}”`);
      }
      const status = r.status as RequestStatus;
      let to = nextRequestStatus(status, input.action);
      if (!to) throw conflict('ACTION_NOT_ALLOWED', '该诉求当前状态下不能执行此操作', { allowedActions: actionsFor(user, status, access) });
      if (REQUEST_ACTIONS_NEEDING_COMMENT.includes(input.action) && !input.comment) throw invalid('comment', '请填写说明');

      const set: Record<string, unknown> = { status: to, version: r.version + 1, updatedAt: at };
      let departmentId: string | null = r.departmentId;
      const data: Record<string, unknown> = {};
      switch (input.action) {
        case 'dispatch':
        case 'reassign': {
          // Only a (re)assignment needs the department list.
          const departments = new Set((await trx.selectFrom('departments').select('id').execute()).map((d) => d.id));
          departmentId = input.departmentId ?? r.departmentId;
          if (!departments.has(departmentId)) throw invalid('departmentId', `部门不存在：${departmentId}`);
          const co = (input.coDepartmentIds ?? []).filter((d) => d !== departmentId);
          const unknown = co.filter((d) => !departments.has(d));
          if (unknown.length) throw invalid('coDepartmentIds', `部门不存在：${unknown.join('、')}`);
          if (input.category && !categories.has(input.category)) throw invalid('category', `分类不存在：${input.category}`);
          Object.assign(set, { departmentId, coDepartmentIds: co, type: input.type ?? r.type, category: input.category ?? r.category, labelsConfirmed: true });
          Object.assign(data, { departmentId, coDepartmentIds: co, type: input.type ?? r.type, category: input.category ?? r.category });
          // A disputed return is decided here: back to the same department means the return is not accepted (退单不成立).
          if (status === 'returned') {
            const upheld = departmentId !== r.departmentId;
            if (!upheld && !input.comment) throw invalid('comment', '退回原部门时请说明退单不成立的理由');
            data.returnDecision = upheld ? 'accepted' : 'rejected';
          }
          break;
        }
        case 'return':
          set.returnsCount = r.returnsCount + 1;
          break;
        case 'extend':
          if (!input.days) throw invalid('days', '请填写延期的工作日天数');
          set.extensionRequested = input.days;
          data.days = input.days;
          break;
        case 'approve_extension': {
          if (!r.extensionRequested) throw conflict('NO_EXTENSION_REQUESTED', '承办部门没有申请延期', { allowedActions: actionsFor(user, status, access).filter((a) => a !== 'approve_extension') });
          const days = input.days ?? r.extensionRequested;
          const due = endOfWorkingDay(await calendar.get(), new Date(r.dueAt), days);
          Object.assign(set, { dueAt: due, extensionDays: r.extensionDays + days, extensionRequested: null });
          Object.assign(data, { days, dueAt: due.toISOString() });
          break;
        }
        case 'reply':
          if (!input.result) throw invalid('result', '请选择答复结果');
          Object.assign(set, { replyResult: input.result, replyText: input.comment, repliedAt: at });
          data.result = input.result;
          break;
        case 'approve_reply': {
          const body = `【12345】您的诉求（工单号 ${r.ticketNo}）已办理：${ReplyResultLabel[r.replyResult as ReplyResult] ?? ''}。${r.replyText ?? ''}`;
          if (r.phone) await repo.insertSms(trx, r.phone, body.slice(0, 500), r.id, at);
          if (r.citizenId) await notify(trx, { userId: r.citizenId, title: '诉求已答复', body, link: `/my/requests/${r.id}` }, at);
          // Filers of duplicates merged into this request get the same answer.
          const merged = await trx.selectFrom('requests').select(['id', 'ticketNo', 'phone', 'citizenId']).where('duplicateOf', '=', r.id).execute();
          for (const m of merged) {
            const same = `【12345】您的诉求（工单号 ${m.ticketNo}）已与工单 ${r.ticketNo} 合并办理：${ReplyResultLabel[r.replyResult as ReplyResult] ?? ''}。${r.replyText ?? ''}`;
            if (m.phone) await repo.insertSms(trx, m.phone, same.slice(0, 500), m.id, at);
            if (m.citizenId) await notify(trx, { userId: m.citizenId, title: '诉求已答复', body: same, link: `/my/requests/${m.id}` }, at);
          }
          break;
        }
        case 'callback': {
          if (!input.satisfaction) throw invalid('satisfaction', '请选择回访结果：满意、基本满意或不满意');
          const next = afterCallback(input.satisfaction, r.reopenCount);
          to = next.status;
          Object.assign(set, { status: to, satisfaction: input.satisfaction });
          if (next.reopen) Object.assign(set, { reopenCount: r.reopenCount + 1, replyResult: null, replyText: null, repliedAt: null });
          if (next.escalate) set.supervised = true;
          if (to === 'closed') Object.assign(set, { closedAt: at, closedOnTime: !!r.repliedAt && new Date(r.repliedAt) <= new Date(r.dueAt) });
          Object.assign(data, { satisfaction: input.satisfaction, reopen: next.reopen, escalate: next.escalate });
          break;
        }
        case 'reopen':
          if (r.duplicateOf) throw conflict('MERGED_DUPLICATE', '该工单已合并到主工单办理，请在主工单上重办', { allowedActions: [] });
          if (status === 'closed') Object.assign(set, { reopenCount: r.reopenCount + 1, closedAt: null, closedOnTime: null });
          Object.assign(set, { replyResult: null, replyText: null, repliedAt: null });
          break;
        case 'supervise': {
          const due = endOfWorkingDay(await calendar.get(), at, input.days ?? 2);
          Object.assign(set, { supervised: true, superviseDueAt: due });
          data.superviseDueAt = due.toISOString();
          break;
        }
        case 'close':
          Object.assign(set, { closedAt: at, closedOnTime: at <= new Date(r.dueAt) });
          if (status === 'received') Object.assign(set, { replyResult: 'explained', replyText: input.comment, repliedAt: at });
          break;
        case 'merge': {
          if (!input.duplicateOf) throw invalid('duplicateOf', '请选择要合并到的工单');
          if (input.duplicateOf === id) throw invalid('duplicateOf', '不能合并到本工单');
          const target = await trx.selectFrom('requests').select(['id', 'ticketNo', 'status', 'duplicateOf']).where('id', '=', input.duplicateOf).executeTakeFirst();
          if (!target) throw invalid('duplicateOf', '要合并到的工单不存在');
          if (target.duplicateOf) throw invalid('duplicateOf', `工单 ${target.ticketNo} 本身已合并，请合并到它的主工单`);
          const text = `您反映的问题与工单 ${target.ticketNo} 相同，已合并办理，办理结果将一并答复。`;
          Object.assign(set, { duplicateOf: target.id, closedAt: at, closedOnTime: true, replyResult: 'explained', replyText: input.comment ? `${text}${input.comment}` : text, repliedAt: at });
          Object.assign(data, { duplicateOf: target.id, ticketNo: target.ticketNo });
          if (r.phone) await repo.insertSms(trx, r.phone, `【12345】您的诉求（工单号 ${r.ticketNo}）${text}`, r.id, at);
          if (r.citizenId) await notify(trx, { userId: r.citizenId, title: '诉求已合并办理', body: text, link: `/my/requests/${r.id}` }, at);
          break;
        }
        case 'sign':
          break;
      }
      const updated = await trx.updateTable('requests').set(set).where('id', '=', id).where('version', '=', r.version).returning(['id', 'status', 'version']).executeTakeFirst();
      if (!updated) throw conflict('VERSION_CONFLICT', '诉求已被他人处理，请刷新后再试');
      await repo.insertEvent(trx, {
        requestId: id, action: input.action, fromStatus: status, toStatus: to, departmentId, actorId: user.id, actorName: user.username,
        actorRole: user.roles[0] ?? '', comment: input.comment ?? null, data, at,
      });
      await writeAudit(trx, { actorId: user.id, actorName: user.username, action: `request.${input.action}`, targetType: 'request', targetId: id, detail: { from: status, to } }, at);
      return updated;
    });
    return result;
  };
}
