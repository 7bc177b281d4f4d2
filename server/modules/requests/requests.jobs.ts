// Background work of the requests module, run by the job runner every minute:
// - deadline warnings (at 80 % of the time limit) to the handling department, once;
// - overdue notices to the department and the supervisors, once: the request is now on the supervision list;
// - the SMS sender: hands queued text messages to the gateway, retrying failures a few times.
import { sql } from 'kysely';
import type { Db } from '../../platform/db/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { SmsGateway } from '../../platform/sms.ts';
import { notify } from '../notifications/index.ts';
import { Role } from '../../../domain/enums.ts';

const SMS_BATCH = 100;
const SMS_MAX_ATTEMPTS = 5;
const SWEEP_BATCH = 500;

/** The department's handlers (and, for overdue notices, the supervisors) who should hear about a request. */
async function recipients(db: Db, departmentId: string, withSupervisors: boolean) {
  const rows = await db.selectFrom('users').select(['id', 'roles', 'departmentId']).where('disabled', '=', false)
    .where((eb) => eb.or([
      eb.and([sql<boolean>`${Role.handler} = ANY(roles)`, eb('departmentId', '=', departmentId)]),
      ...(withSupervisors ? [sql<boolean>`${Role.supervisor} = ANY(roles)`] : []),
    ])).execute();
  return rows.map((r) => r.id);
}

export function createRequestJobs(db: Db, clock: Clock, sms: SmsGateway) {
  return {
    /** Sends each due warning and overdue notice once; returns how many of each went out. */
    async sweepDeadlines() {
      const now = clock.now();
      const due = await db.selectFrom('requests').select(['id', 'ticketNo', 'departmentId', 'status', 'dueAt', 'warnAt', 'warnedAt'])
        .where('status', 'not in', ['closed', 'received']).where('overdueNotifiedAt', 'is', null)
        .where((eb) => eb.or([eb('dueAt', '<', now), eb.and([eb('warnAt', '<=', now), eb('warnedAt', 'is', null)])]))
        .orderBy('dueAt').limit(SWEEP_BATCH).execute();
      let warnings = 0;
      let overdue = 0;
      // Many due requests share a department: read each department's recipients once per sweep.
      const byDepartment = new Map<string, Promise<string[]>>();
      for (const r of due) {
        const isOverdue = new Date(r.dueAt) < now;
        const key = `${r.departmentId}\n${isOverdue}`;
        if (!byDepartment.has(key)) byDepartment.set(key, recipients(db, r.departmentId, isOverdue));
        const users = await byDepartment.get(key)!;
        await db.transaction().execute(async (trx) => {
          // The guard makes a second instance running the same sweep a no-op.
          const column = isOverdue ? 'overdueNotifiedAt' : 'warnedAt';
          const claimed = await trx.updateTable('requests').set({ [column]: now, ...(isOverdue && !r.warnedAt ? { warnedAt: now } : {}) })
            .where('id', '=', r.id).where(column, 'is', null).returning('id').executeTakeFirst();
          if (!claimed) return;
          const title = isOverdue ? '诉求已超期' : '诉求即将到期';
          const body = isOverdue
            ? `工单 ${r.ticketNo} 已超过办理时限，已列入督办清单，请尽快办理并答复。`
            : `工单 ${r.ticketNo} 将于 ${new Date(r.dueAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })} 到期，请抓紧办理。`;
          for (const userId of users) await notify(trx, { userId, title, body, link: `/desk/requests/${r.id}` }, now);
          if (isOverdue) overdue++;
          else warnings++;
        });
      }
      return { warnings, overdue };
    },

    /** Hands queued messages to the gateway; a failed one is retried on the next runs, then marked failed. */
    async sendSms() {
      const now = clock.now();
      return db.transaction().execute(async (trx) => {
        const pending = await trx.selectFrom('smsOutbox').select(['id', 'phone', 'body', 'attempts'])
          .where('sentAt', 'is', null).where('failedAt', 'is', null).orderBy('id').limit(SMS_BATCH).forUpdate().skipLocked().execute();
        let sent = 0;
        for (const m of pending) {
          try {
            await sms.send(m.phone, m.body);
            await trx.updateTable('smsOutbox').set({ sentAt: now, attempts: m.attempts + 1, lastError: null }).where('id', '=', m.id).execute();
            sent++;
          } catch (err) {
            const attempts = m.attempts + 1;
            await trx.updateTable('smsOutbox').set({ attempts, lastError: String((err as Error).message ?? err).slice(0, 500), failedAt: attempts >= SMS_MAX_ATTEMPTS ? now : null })
              .where('id', '=', m.id).execute();
          }
        }
        return { sent, failed: pending.length - sent };
      });
    },
  };
}
