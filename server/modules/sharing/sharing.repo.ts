import type { Insertable } from 'kysely';
import type { Executor } from '../../platform/db/index.ts';
import type { DB } from '../../platform/db/schema.ts';

export type NewDataUse = Insertable<DB['dataUseLog']>;
export type NewSharedMaterial = Insertable<DB['applicationSharedMaterials']>;

export async function insertUseLog(db: Executor, rows: NewDataUse[]) {
  if (rows.length) await db.insertInto('dataUseLog').values(rows).execute();
}

/** Whether this staff user already has a view of this case logged since `since`. */
export const viewedSince = (db: Executor, actorId: string, applicationId: string, since: Date) =>
  db.selectFrom('dataUseLog').select('id')
    .where('actorId', '=', actorId).where('applicationId', '=', applicationId).where('action', '=', 'view').where('at', '>=', since)
    .limit(1).executeTakeFirst().then((r) => !!r);

export const departmentName = (db: Executor, id: string) =>
  db.selectFrom('departments').select('name').where('id', '=', id).executeTakeFirst().then((r) => r?.name ?? null);

/** A holder's data-use log, newest first, with the case number of the case it was used for. */
export async function listUseLog(db: Executor, holderId: string, offset: number, limit: number) {
  const [rows, count] = await Promise.all([
    db.selectFrom('dataUseLog as u').leftJoin('applications as a', 'a.id', 'u.applicationId')
      .select(['u.at', 'u.action', 'u.actorName', 'u.actorOrg', 'u.purpose', 'u.source', 'u.recordKind', 'u.recordTitle', 'a.caseNo'])
      .where('u.holderId', '=', holderId).orderBy('u.at', 'desc').orderBy('u.id', 'desc').offset(offset).limit(limit).execute(),
    db.selectFrom('dataUseLog').select((eb) => eb.fn.countAll<number>().as('n')).where('holderId', '=', holderId).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Materials taken from shared data instead of uploaded, on submitted cases (drafts are not counted), optionally of one applicant. */
export async function countSpared(db: Executor, applicantId?: string) {
  let q = db.selectFrom('applicationSharedMaterials as s').innerJoin('applications as a', 'a.id', 's.applicationId')
    .select((eb) => eb.fn.countAll<number>().as('n')).where('a.status', '<>', 'draft');
  if (applicantId) q = q.where('a.applicantId', '=', applicantId);
  return Number((await q.executeTakeFirstOrThrow()).n);
}
