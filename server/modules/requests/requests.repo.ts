// SQL of the requests module.
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/index.ts';
import type { RequestsTable } from '../../platform/db/schema.ts';
import type { Insertable } from 'kysely';
import type { auditRow } from '../../platform/audit.ts';
import type { notificationRow } from '../notifications/index.ts';

export type NewRequest = Insertable<RequestsTable>;

type NewEventRow = Parameters<typeof insertEvent>[1];

/**
 * A new request with its first event, SMS receipt, inbox notice and audit entry as ONE statement of
 * data-modifying CTEs: atomic without a transaction, one round trip instead of eight (BEGIN, nextval, five
 * INSERTs, COMMIT), which is what lets intake keep up under load. The ticket number (prefix + the sequence,
 * six digits) is made inside the statement; '{ticketNo}' in the SMS and notice bodies is replaced by it and
 * the audit detail gets it too. `request.id` must be given (a fresh UUID).
 */
export async function insertIntake(db: Executor, s: {
  request: Omit<NewRequest, 'ticketNo'> & { id: string };
  ticketPrefix: string;
  event: NewEventRow;
  sms: { phone: string; body: string } | null;
  notification: ReturnType<typeof notificationRow> | null;
  audit: ReturnType<typeof auditRow>;
}) {
  const ticketNo = sql<string>`(SELECT ticket_no FROM req)`;
  const fill = (text: string) => sql<string>`replace(${text}, '{ticketNo}', ${ticketNo})`;
  const q = db
    .with('req', (qb) => qb.insertInto('requests')
      .values({ ...s.request, ticketNo: sql<string>`${s.ticketPrefix} || lpad(nextval('request_ticket_seq')::text, 6, '0')` })
      .returning(['id', 'ticketNo', 'status', 'urgent', 'dueAt', 'citizenId']))
    .with('ev', (qb) => qb.insertInto('requestEvents').values({ ...s.event, data: s.event.data ? JSON.stringify(s.event.data) : null }).returning('id'))
    .with('sms', (qb) => (s.sms
      ? qb.insertInto('smsOutbox').values({ phone: s.sms.phone, body: fill(s.sms.body), requestId: s.request.id, createdAt: s.event.at }).returning('id')
      // Nothing to send: an empty CTE keeps the statement's shape the same.
      : qb.selectFrom('smsOutbox').select('id').where(sql<boolean>`false`)))
    .with('note', (qb) => (s.notification
      ? qb.insertInto('notifications').values({ ...s.notification, body: fill(s.notification.body) }).returning('id')
      : qb.selectFrom('notifications').select('id').where(sql<boolean>`false`)))
    .with('aud', (qb) => qb.insertInto('auditLog')
      .values({ ...s.audit, detail: sql`${s.audit.detail}::jsonb || jsonb_build_object('ticketNo', ${ticketNo})` }).returning('id'))
    .selectFrom('req').selectAll();
  return q.executeTakeFirstOrThrow();
}

export const insertEvent = (db: Executor, e: { requestId: string; action: string; fromStatus: string | null; toStatus: string; departmentId: string | null; actorId: string | null; actorName: string; actorRole: string; comment: string | null; data?: Record<string, unknown> | null; at: Date }) =>
  db.insertInto('requestEvents').values({ ...e, data: e.data ? JSON.stringify(e.data) : null }).execute();

export const findRequest = (db: Executor, id: string) => db.selectFrom('requests').selectAll().where('id', '=', id).executeTakeFirst();

export const listEvents = (db: Executor, id: string) => db.selectFrom('requestEvents').selectAll().where('requestId', '=', id).orderBy('id').execute();

/** Recent requests from the same phone or community, for duplicate proposals. */
export const recentSimilarCandidates = (db: Executor, since: Date, phone: string | null, community: string | null) => {
  if (!phone && !community) return Promise.resolve([]);
  // Only what the similarity check reads: this runs on every intake and returns up to 50 rows.
  return db.selectFrom('requests').select(['id', 'ticketNo', 'text'])
    .where('receivedAt', '>=', since)
    .where((eb) => eb.or([...(phone ? [eb('phone', '=', phone)] : []), ...(community ? [eb('community', '=', community)] : [])]))
    .orderBy('receivedAt', 'desc').limit(50).execute();
};

export const insertSms = (db: Executor, phone: string, body: string, requestId: string, at: Date) =>
  db.insertInto('smsOutbox').values({ phone, body, requestId, createdAt: at }).execute();
