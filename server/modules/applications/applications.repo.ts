import { sql } from 'kysely';
import type { Executor } from '../../platform/db/index.ts';
import type { NewApplication, ApplicationRow } from '../../platform/db/schema.ts';
import { ACTIVE_STATUSES } from '../../../domain/workflow.ts';
import type { auditRow } from '../../platform/audit.ts';
import type { notificationRow } from '../notifications/index.ts';
import type { NewDataUse, NewSharedMaterial } from '../sharing/index.ts';

export const nextCaseSeq = (db: Executor) =>
  sql<{ n: number }>`SELECT nextval('application_case_no_seq')::int8 AS n`.execute(db).then((r) => Number(r.rows[0]!.n));

export const insertApplication = (db: Executor, a: NewApplication) => db.insertInto('applications').values(a).returningAll().executeTakeFirstOrThrow();

export const findApplication = (db: Executor, id: string) => db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirst();
export const lockApplication = (db: Executor, id: string) => db.selectFrom('applications').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

export const findByIdempotencyKey = (db: Executor, applicantId: string, key: string) =>
  db.selectFrom('applications').selectAll().where('applicantId', '=', applicantId).where('idempotencyKey', '=', key).executeTakeFirst();

/** The applicant's own details and the id of their case made with this Idempotency-Key, if any: one query for both. */
export const applicantAndKeyedCase = (db: Executor, applicantId: string, key: string) =>
  db.selectFrom('users')
    .select(['users.kind', 'users.realName', 'users.idNumber', 'users.phone', 'users.companyName', 'users.uscc'])
    .select((eb) => eb.selectFrom('applications').select('applications.id')
      .where('applications.applicantId', '=', applicantId).where('applications.idempotencyKey', '=', key).as('keyedCaseId'))
    .where('users.id', '=', applicantId).executeTakeFirst();

export async function updateApplication(db: Executor, id: string, expectedVersion: number, patch: Partial<Record<keyof ApplicationRow, unknown>>) {
  const res = await db.updateTable('applications')
    .set({ ...(patch as object), version: expectedVersion + 1 })
    .where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function insertMaterials(db: Executor, applicationId: string, materials: { name: string; fileId: string }[], at: Date) {
  if (materials.length) await db.insertInto('applicationMaterials').values(materials.map((m) => ({ applicationId, name: m.name, fileId: m.fileId, createdAt: at }))).execute();
}
export const deleteMaterials = (db: Executor, applicationId: string) => db.deleteFrom('applicationMaterials').where('applicationId', '=', applicationId).execute();

export const listMaterials = (db: Executor, applicationId: string) =>
  db.selectFrom('applicationMaterials').innerJoin('files', 'files.id', 'applicationMaterials.fileId')
    .select(['applicationMaterials.name', 'applicationMaterials.fileId', 'files.size', 'files.mime', 'files.originalName as fileName', 'files.sha256', 'applicationMaterials.createdAt'])
    .where('applicationId', '=', applicationId).orderBy('applicationMaterials.id').execute();

/** Materials taken from shared data (免提交), with the copy of the record made at submission. */
export const listSharedMaterials = (db: Executor, applicationId: string) =>
  db.selectFrom('applicationSharedMaterials').select(['materialName', 'source', 'recordKind', 'recordRef', 'snapshot', 'purpose', 'consentedAt'])
    .where('applicationId', '=', applicationId).orderBy('id').execute();
export async function replaceSharedMaterials(db: Executor, applicationId: string, rows: NewSharedMaterial[]) {
  await db.deleteFrom('applicationSharedMaterials').where('applicationId', '=', applicationId).execute();
  if (rows.length) await db.insertInto('applicationSharedMaterials').values(rows).execute();
}

export interface NewEvent {
  applicationId: string; action: string; fromStatus: string | null; toStatus: string; actorId: string | null; actorName: string; actorRole: string; at: Date; comment: string | null; missingMaterials: string[] | null;
}
const eventRow = (e: NewEvent) => ({ ...e, missingMaterials: e.missingMaterials ? JSON.stringify(e.missingMaterials) : null });
export const insertEvent = (db: Executor, e: NewEvent) => db.insertInto('applicationEvents').values(eventRow(e)).execute();

/**
 * A new case with everything written alongside it (materials, shared materials and their use-log rows, first event,
 * audit entry, notification) as ONE
 * statement of data-modifying CTEs. A single statement is atomic, so this needs no transaction, and it costs one
 * round trip instead of seven (BEGIN, five INSERTs, COMMIT). `application.id` must be given (a fresh UUID).
 */
export async function insertSubmission(db: Executor, s: {
  application: NewApplication & { id: string };
  materials: { name: string; fileId: string }[];
  event: NewEvent;
  audit: ReturnType<typeof auditRow>;
  notification: ReturnType<typeof notificationRow>;
  shared?: NewSharedMaterial[];
  dataUse?: NewDataUse[];
}): Promise<ApplicationRow> {
  const mats = s.materials.map((m) => ({ applicationId: s.application.id, name: m.name, fileId: m.fileId, createdAt: s.application.createdAt }));
  const q = db
    .with('app', (qb) => qb.insertInto('applications').values(s.application).returningAll())
    .with('mats', (qb) => (mats.length
      ? qb.insertInto('applicationMaterials').values(mats).returning('id')
      // Nothing to attach: an empty CTE keeps the statement's shape the same.
      : qb.selectFrom('applicationMaterials').select('id').where(sql<boolean>`false`)))
    .with('shared', (qb) => (s.shared?.length
      ? qb.insertInto('applicationSharedMaterials').values(s.shared).returning('id')
      : qb.selectFrom('applicationSharedMaterials').select('id').where(sql<boolean>`false`)))
    .with('used', (qb) => (s.dataUse?.length
      ? qb.insertInto('dataUseLog').values(s.dataUse).returning('id')
      : qb.selectFrom('dataUseLog').select('id').where(sql<boolean>`false`)))
    .with('ev', (qb) => qb.insertInto('applicationEvents').values(eventRow(s.event)).returning('id'))
    .with('aud', (qb) => qb.insertInto('auditLog').values(s.audit).returning('id'))
    .with('note', (qb) => qb.insertInto('notifications').values(s.notification).returning('id'))
    .selectFrom('app').selectAll();
  return (await q.executeTakeFirstOrThrow()) as ApplicationRow;
}

export const listEvents = (db: Executor, applicationId: string) =>
  db.selectFrom('applicationEvents').selectAll().where('applicationId', '=', applicationId).orderBy('id').execute();

export const filesOwnedBy = (db: Executor, ownerId: string, ids: string[]) =>
  ids.length ? db.selectFrom('files').select(['id']).where('ownerId', '=', ownerId).where('id', 'in', ids).execute() : Promise.resolve([]);

/** Whether a staff user can see some case that has this file attached. */
export const casesWithFile = (db: Executor, fileId: string) =>
  db.selectFrom('applicationMaterials').innerJoin('applications', 'applications.id', 'applicationMaterials.applicationId')
    .select(['applications.applicantId', 'applications.departmentId']).where('applicationMaterials.fileId', '=', fileId).execute();

export interface ListFilter {
  applicantId?: string;
  departmentId?: string;
  status?: string;
  itemCode?: string;
  q?: string;
  active?: boolean;
  sort: 'timeLeft' | 'newest';
}

function filtered(db: Executor, f: ListFilter) {
  let q = db.selectFrom('applications');
  if (f.applicantId) q = q.where('applications.applicantId', '=', f.applicantId);
  if (f.departmentId) q = q.where('applications.departmentId', '=', f.departmentId);
  if (f.status) q = q.where('applications.status', '=', f.status);
  else if (f.active) q = q.where('applications.status', 'in', [...ACTIVE_STATUSES]);
  if (f.itemCode) q = q.where('applications.itemCode', '=', f.itemCode);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('applications.caseNo', 'ilike', like), eb(sql`applications.applicant->>'name'`, 'ilike', like)]));
  }
  return q;
}

export async function listApplications(db: Executor, f: ListFilter, offset: number, limit: number) {
  let q = filtered(db, f)
    .innerJoin('items', 'items.code', 'applications.itemCode')
    .innerJoin('departments', 'departments.id', 'applications.departmentId')
    .selectAll('applications').select(['items.name as itemName', 'departments.shortName as departmentName']);
  q = f.sort === 'timeLeft'
    ? q.orderBy(sql`applications.due_date`, (ob) => ob.asc().nullsLast()).orderBy('applications.id')
    : q.orderBy('applications.createdAt', 'desc').orderBy('applications.id');
  const [rows, total] = await Promise.all([q.offset(offset).limit(limit).execute(), countApplications(db, f)]);
  return { rows, total };
}

/**
 * The exact number of cases the filter matches. Queues filtered only by department and status (the staff queues, by
 * far the most asked for) are answered from application_status_counts, kept by triggers: counting the rows of a big
 * queue costs milliseconds per 10,000 open cases on every page. Anything else is counted row by row.
 */
async function countApplications(db: Executor, f: ListFilter): Promise<number> {
  if (!f.applicantId && !f.itemCode && !f.q) {
    let c = db.selectFrom('applicationStatusCounts').select((eb) => eb.fn.coalesce(eb.fn.sum<number>('n'), sql<number>`0`).as('n'));
    if (f.departmentId) c = c.where('departmentId', '=', f.departmentId);
    if (f.status) c = c.where('status', '=', f.status);
    else if (f.active) c = c.where('status', 'in', [...ACTIVE_STATUSES]);
    return Number((await c.executeTakeFirstOrThrow()).n);
  }
  const r = await filtered(db, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Open cases per status (from the trigger-kept counts, like the queue totals). */
export async function statusCounts(db: Executor, scope: { departmentId?: string }) {
  let q = db.selectFrom('applicationStatusCounts').select(['status']).select((eb) => eb.fn.sum<number>('n').as('n')).where('status', 'in', [...ACTIVE_STATUSES]);
  if (scope.departmentId) q = q.where('departmentId', '=', scope.departmentId);
  const rows = await q.groupBy('status').execute();
  // count(*) … GROUP BY never answered a status with no cases; keep it that way.
  return rows.map((r) => ({ status: r.status, n: Number(r.n) })).filter((r) => r.n > 0);
}

/** Open cases past their warn date / due date today. Suspended cases are left out: their clock stands still. */
export async function deadlineCounts(db: Executor, scope: { departmentId?: string }, today: string) {
  let q = db.selectFrom('applications')
    .select((eb) => [
      eb.fn.countAll<number>().filterWhere('dueDate', '<', today).as('overdue'),
      eb.fn.countAll<number>().filterWhere((w) => w.and([w('dueDate', '>=', today), w('warnDate', '<=', today)])).as('warning'),
    ])
    .where('status', 'in', ACTIVE_STATUSES.filter((s) => s !== 'suspended' && s !== 'correction_required'));
  if (scope.departmentId) q = q.where('departmentId', '=', scope.departmentId);
  const r = await q.executeTakeFirstOrThrow();
  return { overdue: Number(r.overdue), warning: Number(r.warning) };
}

/** Open cases whose due date a calendar change on `date` can move. */
export const casesAffectedByCalendar = (db: Executor, date: string, afterId: string, limit: number) =>
  db.selectFrom('applications').selectAll()
    .where('status', 'in', [...ACTIVE_STATUSES]).where('dueDate', '>=', date)
    .where('id', '>', afterId).orderBy('id').limit(limit).execute();

export const setDueDate = (db: Executor, id: string, dueDate: string, warnDate: string, provisional: boolean) =>
  db.updateTable('applications').set({ dueDate, warnDate, dueDateProvisional: provisional }).where('id', '=', id).execute();
