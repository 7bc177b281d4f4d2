// SQL of the requests module.
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/index.ts';
import type { RequestsTable } from '../../platform/db/schema.ts';
import type { Insertable } from 'kysely';

export type NewRequest = Insertable<RequestsTable>;

export const nextTicketNumber = (db: Executor) =>
  sql<{ n: number }>`SELECT nextval('request_ticket_seq')::int AS n`.execute(db).then((r) => r.rows[0]!.n);

export const insertRequest = (db: Executor, row: NewRequest) => db.insertInto('requests').values(row).returningAll().executeTakeFirstOrThrow();

export const insertEvent = (db: Executor, e: { requestId: string; action: string; fromStatus: string | null; toStatus: string; departmentId: string | null; actorId: string | null; actorName: string; actorRole: string; comment: string | null; data?: Record<string, unknown> | null; at: Date }) =>
  db.insertInto('requestEvents').values({ ...e, data: e.data ? JSON.stringify(e.data) : null }).execute();

export const findRequest = (db: Executor, id: string) => db.selectFrom('requests').selectAll().where('id', '=', id).executeTakeFirst();

export const listEvents = (db: Executor, id: string) => db.selectFrom('requestEvents').selectAll().where('requestId', '=', id).orderBy('id').execute();

/** Recent requests from the same phone or community, for duplicate proposals. */
export const recentSimilarCandidates = (db: Executor, since: Date, phone: string | null, community: string | null) => {
  if (!phone && !community) return Promise.resolve([]);
  return db.selectFrom('requests').select(['id', 'ticketNo', 'text', 'phone', 'community', 'receivedAt'])
    .where('receivedAt', '>=', since)
    .where((eb) => eb.or([...(phone ? [eb('phone', '=', phone)] : []), ...(community ? [eb('community', '=', community)] : [])]))
    .orderBy('receivedAt', 'desc').limit(50).execute();
};

export const insertSms = (db: Executor, phone: string, body: string, requestId: string, at: Date) =>
  db.insertInto('smsOutbox').values({ phone, body, requestId, createdAt: at }).execute();
