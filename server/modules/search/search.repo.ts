// SQL of the search module: knowledge base, query log, assistant sessions.
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/index.ts';

export interface KnowledgeFilter {
  kind?: string;
  q?: string;
}

const like = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function listKnowledge(db: Executor, f: KnowledgeFilter, offset: number, limit: number) {
  let q = db.selectFrom('searchKnowledge');
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.q) q = q.where((eb) => eb.or([eb('term', 'like', like(f.q!)), eb(sql<string>`array_to_string(targets, ' ') || ' ' || array_to_string(expansion, ' ')`, 'like', like(f.q!))]));
  const [rows, total] = await Promise.all([
    q.selectAll().orderBy('updatedAt', 'desc').orderBy('id', 'desc').offset(offset).limit(limit).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export const allEnabledKnowledge = (db: Executor) =>
  db.selectFrom('searchKnowledge').select(['kind', 'term', 'targets', 'expansion', 'weight']).where('enabled', '=', true).orderBy('id').execute();

export const knowledgeSignature = (db: Executor) =>
  db.selectFrom('searchKnowledge').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('updatedAt').as('m')]).executeTakeFirstOrThrow();

export const findKnowledge = (db: Executor, id: number) => db.selectFrom('searchKnowledge').selectAll().where('id', '=', id).executeTakeFirst();

export const knowledgeByTerm = (db: Executor, kind: string, term: string) =>
  db.selectFrom('searchKnowledge').select('id').where('kind', '=', kind).where('term', '=', term).executeTakeFirst();

export interface SearchLogInsert {
  query: string;
  normalized: string;
  resultCodes: string[];
  noMatch: boolean;
  source: 'search' | 'assistant';
  createdAt: Date;
}

export const insertLog = (db: Executor, row: SearchLogInsert) =>
  db.insertInto('searchLog').values(row).returning('id').executeTakeFirstOrThrow();

/** Records the first click on a logged search; only a code that was among its results counts. */
export const recordClick = (db: Executor, id: number, code: string, rank: number, at: Date) =>
  db.updateTable('searchLog').set({ clickedCode: code, clickedRank: rank, clickedAt: at })
    .where('id', '=', id).where('clickedCode', 'is', null).where(sql<boolean>`${code} = ANY(result_codes)`).executeTakeFirst();

const DAY = sql`(created_at AT TIME ZONE 'Asia/Shanghai')::date`;

export async function logStats(db: Executor, from: Date, to: Date) {
  const range = db.selectFrom('searchLog').where('createdAt', '>=', from).where('createdAt', '<', to);
  const [totals, daily, hot, zero] = await Promise.all([
    range.select((eb) => [
      eb.fn.countAll<number>().as('searches'),
      eb.fn.count<number>('id').filterWhere('noMatch', '=', true).as('noMatch'),
      eb.fn.count<number>('clickedCode').as('clicks'),
    ]).executeTakeFirstOrThrow(),
    range.select((eb) => [
      sql<string>`${DAY}::text`.as('date'),
      eb.fn.countAll<number>().as('searches'),
      eb.fn.count<number>('id').filterWhere('noMatch', '=', true).as('noMatch'),
      eb.fn.count<number>('clickedCode').as('clicks'),
    ]).groupBy(DAY).orderBy(DAY).execute(),
    range.select((eb) => [
      sql<string>`mode() WITHIN GROUP (ORDER BY query)`.as('query'),
      eb.fn.countAll<number>().as('count'),
      eb.fn.count<number>('clickedCode').as('clicks'),
      eb.fn.count<number>('id').filterWhere('noMatch', '=', true).as('noMatch'),
    ]).groupBy('normalized').orderBy('count', 'desc').orderBy('normalized').limit(20).execute(),
    range.where('noMatch', '=', true).select((eb) => [
      sql<string>`mode() WITHIN GROUP (ORDER BY query)`.as('query'),
      eb.fn.countAll<number>().as('count'),
      eb.fn.max('createdAt').as('lastAt'),
    ]).groupBy('normalized').orderBy('count', 'desc').orderBy('normalized').limit(50).execute(),
  ]);
  return { totals, daily, hot, zero };
}

/** Frequent no-match queries since a date: candidates for knowledge entries or new items. */
export const noMatchGroups = (db: Executor, since: Date, minCount: number, limit: number) =>
  db.selectFrom('searchLog').where('createdAt', '>=', since).where('noMatch', '=', true)
    .select((eb) => [
      'normalized',
      sql<string>`mode() WITHIN GROUP (ORDER BY query)`.as('query'),
      eb.fn.countAll<number>().as('count'),
      eb.fn.min('createdAt').as('firstAt'),
      eb.fn.max('createdAt').as('lastAt'),
    ])
    .groupBy('normalized').having((eb) => eb.fn.countAll(), '>=', minCount)
    .orderBy('count', 'desc').orderBy('normalized').limit(limit).execute();

/** Queries many people searched lately and found something for. */
export const popularQueries = (db: Executor, since: Date, minCount: number, limit: number) =>
  db.selectFrom('searchLog').where('createdAt', '>=', since).where('noMatch', '=', false).where('source', '=', 'search')
    .select((eb) => [sql<string>`mode() WITHIN GROUP (ORDER BY query)`.as('query'), eb.fn.countAll<number>().as('count'), eb.fn.count<number>('clickedCode').as('clicks')])
    .groupBy('normalized').having((eb) => eb.fn.countAll(), '>=', minCount)
    .orderBy('count', 'desc').limit(limit).execute();

export const findSession = (db: Executor, id: string) => db.selectFrom('assistantSessions').selectAll().where('id', '=', id).executeTakeFirst();

export const saveSession = (db: Executor, id: string, context: Record<string, unknown>, at: Date) =>
  db.insertInto('assistantSessions').values({ id, context: JSON.stringify(context), createdAt: at, updatedAt: at })
    .onConflict((oc) => oc.column('id').doUpdateSet({ context: JSON.stringify(context), updatedAt: at })).execute();

export const deleteLogBefore = (db: Executor, before: Date) => db.deleteFrom('searchLog').where('createdAt', '<', before).executeTakeFirst();

export const deleteSessionsBefore = (db: Executor, before: Date) =>
  db.deleteFrom('assistantSessions').where('updatedAt', '<', before).executeTakeFirst();
