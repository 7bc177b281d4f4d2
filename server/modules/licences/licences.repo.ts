// Licence library queries. Rows leave only through licences.mapper.ts.
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/index.ts';
import type { LicenceRow } from '../../platform/db/schema.ts';

export type { LicenceRow };

const withIssuer = (db: Executor) => db.selectFrom('licences').innerJoin('departments', 'departments.id', 'licences.departmentId');

export const findLicence = (db: Executor, id: string) =>
  withIssuer(db).selectAll('licences').select('departments.name as issuer').where('licences.id', '=', id).executeTakeFirst();

export const findByIdentifier = (db: Executor, identifier: string) =>
  withIssuer(db).selectAll('licences').select('departments.name as issuer').where('licences.identifier', '=', identifier).executeTakeFirst();

export const lockLicence = (db: Executor, id: string) => db.selectFrom('licences').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

export const listForHolder = (db: Executor, holderId: string) =>
  withIssuer(db).selectAll('licences').select('departments.name as issuer').where('licences.holderId', '=', holderId)
    .orderBy('licences.issuedOn', 'desc').orderBy('licences.createdAt', 'desc').execute();

export async function listForDepartment(db: Executor, departmentId: string, q: string | undefined, offset: number, limit: number) {
  let base = withIssuer(db).where('licences.departmentId', '=', departmentId);
  if (q) base = base.where((eb) => eb.or([eb('licences.number', 'like', `%${q}%`), eb('licences.holderName', 'like', `%${q}%`), eb('licences.identifier', '=', q)]));
  const [rows, total] = await Promise.all([
    base.selectAll('licences').select('departments.name as issuer').orderBy('licences.createdAt', 'desc').offset(offset).limit(limit).execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export const licenceForApplication = (db: Executor, applicationId: string) =>
  db.selectFrom('licences').select(['id', 'number', 'typeCode', 'status']).where('applicationId', '=', applicationId).executeTakeFirst();

/** The holder's current licence of a type, which a new issue of that type replaces. */
export const currentOfType = (db: Executor, holderId: string, typeCode: string) =>
  db.selectFrom('licences').selectAll().where('holderId', '=', holderId).where('typeCode', '=', typeCode).where('status', '=', '01')
    .orderBy('version', 'desc').limit(1).executeTakeFirst();

export const replacedBy = (db: Executor, id: string) => db.selectFrom('licences').select('id').where('replacesId', '=', id).executeTakeFirst();

export const nextSerial = async (db: Executor) => Number((await sql<{ n: string }>`SELECT nextval('licence_serial_seq') AS n`.execute(db)).rows[0]!.n);

export const listEvents = (db: Executor, licenceId: string) => db.selectFrom('licenceEvents').selectAll().where('licenceId', '=', licenceId).orderBy('id').execute();

export const caseNoOf = (db: Executor, applicationId: string) => db.selectFrom('applications').select('caseNo').where('id', '=', applicationId).executeTakeFirst();

export const sealOf = (db: Executor, sealId: string) => db.selectFrom('seals').select(['id', 'seal']).where('id', '=', sealId).executeTakeFirst();

/** A holder's licences of these types that stand today: 有效, not expired, not replaced by a newer version. */
export const currentForSharing = (db: Executor, holderId: string, typeCodes: string[], today: string) =>
  withIssuer(db).selectAll('licences').select('departments.name as issuer')
    .where('licences.holderId', '=', holderId).where('licences.typeCode', 'in', typeCodes).where('licences.status', '=', '01')
    .where((eb) => eb.or([eb('licences.expiresOn', 'is', null), eb('licences.expiresOn', '>=', today)]))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('licences as n').select('n.id').whereRef('n.replacesId', '=', 'licences.id'))))
    .orderBy('licences.issuedOn', 'desc').orderBy('licences.id').execute();
