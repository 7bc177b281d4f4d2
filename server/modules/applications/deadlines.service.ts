// Deadline alerts: at 80 % of the promised time the handling staff are warned; past the due date the case is
// escalated to the department's reviewers and the administrators. Each alert goes out once per due date,
// so the sweep can run as often as wanted and on several instances.
import { sql } from 'kysely';
import type { Db, Executor } from '../../platform/db/index.ts';
import type { Clock } from '../../platform/clock.ts';
import { writeAudit } from '../../platform/audit.ts';
import { chinaDate } from '../../../domain/calendar.ts';
import { ACTIVE_STATUSES, ApplicationStatusLabel, type ApplicationStatus } from '../../../domain/workflow.ts';
import { notify } from '../notifications/index.ts';

/** Statuses whose clock runs: waiting for the applicant or in a special procedure does not count. */
const RUNNING = ACTIVE_STATUSES.filter((s) => s !== 'suspended' && s !== 'correction_required');
const BATCH = 500;

export function createDeadlineService(db: Db, clock: Clock) {
  async function staffFor(trx: Executor, departmentId: string, status: string, escalate: boolean) {
    const rows = await trx.selectFrom('users').select(['id', 'roles'])
      .where('disabled', '=', false)
      .where((eb) => eb.or([
        eb.and([eb(sql.lit('reviewer'), '=', eb.fn.any('roles')), eb('departmentId', '=', departmentId)]),
        // Cases still waiting for acceptance sit with the 综合窗口.
        ...(status === 'submitted' ? [eb(sql.lit('clerk'), '=', eb.fn.any('roles'))] : []),
        ...(escalate ? [eb(sql.lit('admin'), '=', eb.fn.any('roles'))] : []),
      ]))
      .execute();
    return rows.map((r) => r.id);
  }

  async function alert(kind: 'warning' | 'overdue', today: string) {
    let sent = 0;
    for (;;) {
      const rows = await db.transaction().execute(async (trx) => {
        let q = trx.selectFrom('applications').innerJoin('items', 'items.code', 'applications.itemCode')
          .select(['applications.id', 'applications.caseNo', 'applications.departmentId', 'applications.status', 'applications.dueDate', 'items.name as itemName'])
          .where('applications.status', 'in', RUNNING);
        q = kind === 'warning'
          ? q.where('applications.warnDate', '<=', today).where('applications.dueDate', '>=', today)
            .where((eb) => eb.or([eb('applications.warnedFor', 'is', null), eb('applications.warnedFor', '!=', eb.ref('applications.dueDate'))]))
          : q.where('applications.dueDate', '<', today)
            .where((eb) => eb.or([eb('applications.overdueAlertedFor', 'is', null), eb('applications.overdueAlertedFor', '!=', eb.ref('applications.dueDate'))]));
        const batch = await q.orderBy('applications.id').limit(BATCH).forUpdate().skipLocked().execute();
        const now = clock.now();
        for (const c of batch) {
          const recipients = await staffFor(trx, c.departmentId, c.status, kind === 'overdue');
          const title = kind === 'warning' ? `【即将到期】办件 ${c.caseNo}` : `【已超期】办件 ${c.caseNo}`;
          const body = `${c.itemName}（${ApplicationStatusLabel[c.status as ApplicationStatus]}）承诺办结日期 ${c.dueDate}，${kind === 'warning' ? '已用去 80% 以上的时限，请抓紧办理' : '已超过承诺时限，请立即办理并说明原因'}。`;
          for (const userId of recipients) await notify(trx, { userId, title, body, link: `/workbench/cases/${c.id}` }, now);
          await trx.updateTable('applications').set(kind === 'warning' ? { warnedFor: c.dueDate } : { overdueAlertedFor: c.dueDate }).where('id', '=', c.id).execute();
          if (kind === 'overdue') {
            await writeAudit(trx, { actorName: 'system', action: 'application.overdue', targetType: 'application', targetId: c.id, detail: { caseNo: c.caseNo, dueDate: c.dueDate } }, now);
          }
        }
        return batch;
      });
      sent += rows.length;
      if (rows.length < BATCH) return sent;
    }
  }

  return {
    /** One pass over all open cases as of today (China Standard Time). */
    async sweep() {
      const today = chinaDate(clock.now());
      return { warnings: await alert('warning', today), overdue: await alert('overdue', today) };
    },
  };
}
export type DeadlineService = ReturnType<typeof createDeadlineService>;
