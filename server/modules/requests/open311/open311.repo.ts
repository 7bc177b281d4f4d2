// SQL of the Open311 interface: client keys and the public view of requests.
import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/index.ts';

export const findActiveClientByKeyHash = (db: Executor, apiKeyHash: string) =>
  db.selectFrom('open311Clients').select(['id', 'name']).where('apiKeyHash', '=', apiKeyHash).where('revokedAt', 'is', null).executeTakeFirst();

export const insertClient = (db: Executor, c: { name: string; apiKeyHash: string; createdBy: string; createdAt: Date }) =>
  db.insertInto('open311Clients').values(c).returning(['id', 'name', 'createdBy', 'createdAt', 'revokedAt']).executeTakeFirstOrThrow();

export const findClient = (db: Executor, id: number) =>
  db.selectFrom('open311Clients').select(['id', 'name', 'createdBy', 'createdAt', 'revokedAt']).where('id', '=', id).executeTakeFirst();

export const revokeClient = (db: Executor, id: number, at: Date) =>
  db.updateTable('open311Clients').set({ revokedAt: at }).where('id', '=', id).where('revokedAt', 'is', null).returning(['id']).executeTakeFirst();

/** Every client with when it last filed a request and how many (from the requests themselves: no write per request). */
export const listClients = (db: Executor) => {
  const usage = db.selectFrom('requests').select((e) => ['open311ClientId', e.fn.max('receivedAt').as('lastUsedAt'), e.fn.countAll<number>().as('requestCount')])
    .where('open311ClientId', 'is not', null).groupBy('open311ClientId').as('u');
  return db.selectFrom('open311Clients as c')
    .leftJoin(usage, 'u.open311ClientId', 'c.id')
    .select(['c.id', 'c.name', 'c.createdBy', 'c.createdAt', 'c.revokedAt', 'u.lastUsedAt', 'u.requestCount'])
    .orderBy('c.revokedAt', (ob) => ob.desc().nullsFirst()).orderBy('c.id', 'desc')
    .execute();
};

/** The columns a public Open311 view needs (never the contact), with the handling department's name. */
const publicColumns = (db: Executor) =>
  db.selectFrom('requests as r')
    .innerJoin('departments as d', 'd.id', 'r.departmentId')
    .select([
      'r.id', 'r.ticketNo', 'r.status', 'r.category', 'r.text', 'r.confidential', 'r.address', 'r.latitude', 'r.longitude',
      'r.receivedAt', 'r.updatedAt', 'r.dueAt', 'r.replyResult',
      // Until a department has it, the hotline centre is the agency responsible.
      sql<string>`CASE WHEN r.status IN ('received', 'returned') THEN coalesce((SELECT name FROM departments WHERE id = 'hotline'), '12345 热线') ELSE d.name END`.as('agency'),
      // What the Open311 client sent as media_url is kept with the intake event.
      sql<string | null>`(SELECT e.data->>'mediaUrl' FROM request_events e WHERE e.request_id = r.id AND e.action = 'receive' ORDER BY e.id LIMIT 1)`.as('mediaUrl'),
    ]);
export type PublicRequestRow = Awaited<ReturnType<ReturnType<typeof publicColumns>['execute']>>[number];

export const findByTicketNo = (db: Executor, ticketNo: string) => publicColumns(db).where('r.ticketNo', '=', ticketNo).executeTakeFirst();

export interface PublicListFilter {
  ticketNos?: string[];
  categories?: string[];
  from: Date;
  to: Date;
  open?: boolean;
  limit: number;
}

export const listPublic = (db: Executor, f: PublicListFilter) => {
  let q = publicColumns(db);
  if (f.ticketNos) q = q.where('r.ticketNo', 'in', f.ticketNos);
  else {
    q = q.where('r.receivedAt', '>=', f.from).where('r.receivedAt', '<=', f.to);
    if (f.categories) q = q.where('r.category', 'in', f.categories);
    if (f.open !== undefined) q = q.where('r.status', f.open ? '<>' : '=', 'closed');
  }
  return q.orderBy('r.receivedAt', 'desc').orderBy('r.id').limit(f.limit).execute();
};
