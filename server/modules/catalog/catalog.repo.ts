import { sql } from 'kysely';
import type { Executor } from '../../platform/db/index.ts';
import type { ItemContent } from '../../../domain/catalog.ts';

export interface ItemFilter {
  q?: string;
  departmentId?: string;
  tag?: string;
  applicantType?: string;
  onlineDepth?: string;
  crossProvince?: boolean;
  codes?: string[];
}

function filtered(db: Executor, f: ItemFilter) {
  let q = db.selectFrom('items').innerJoin('departments', 'departments.id', 'items.departmentId');
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('items.name', 'ilike', like), eb('items.code', 'ilike', like)]));
  }
  if (f.departmentId) q = q.where('items.departmentId', '=', f.departmentId);
  if (f.tag) q = q.where(sql<boolean>`${f.tag} = ANY(items.tags)`);
  if (f.applicantType) q = q.where(sql<boolean>`${f.applicantType} = ANY(items.applicant_types)`);
  if (f.onlineDepth) q = q.where('items.onlineDepth', '=', f.onlineDepth);
  if (f.crossProvince !== undefined) q = q.where('items.crossProvince', '=', f.crossProvince);
  if (f.codes) q = q.where('items.code', 'in', f.codes.length ? f.codes : ['']);
  return q;
}

export async function listItems(db: Executor, f: ItemFilter, offset: number, limit: number) {
  const [rows, total] = await Promise.all([
    filtered(db, f).selectAll('items').select('departments.shortName as departmentName').orderBy('items.code').offset(offset).limit(limit).execute(),
    filtered(db, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export const findItem = (db: Executor, code: string) =>
  db.selectFrom('items').innerJoin('departments', 'departments.id', 'items.departmentId')
    .selectAll('items').select(['departments.name as departmentFullName', 'departments.shortName as departmentName', 'departments.kind as departmentKind'])
    .where('items.code', '=', code).executeTakeFirst();

export const lockItem = (db: Executor, code: string) =>
  db.selectFrom('items').selectAll().where('code', '=', code).forUpdate().executeTakeFirst();

export async function updateItem(db: Executor, code: string, content: ItemContent, version: number, by: string, at: Date) {
  await db.updateTable('items').set({ ...content, materials: JSON.stringify(content.materials), version, updatedAt: at, updatedBy: by }).where('code', '=', code).execute();
}

export async function insertItemVersion(db: Executor, code: string, version: number, data: Record<string, unknown>, by: string | null) {
  await db.insertInto('itemVersions').values({ itemCode: code, version, data: JSON.stringify(data), createdBy: by }).execute();
}

export const listItemVersions = (db: Executor, code: string) =>
  db.selectFrom('itemVersions').select(['version', 'createdAt', 'createdBy', 'data']).where('itemCode', '=', code).orderBy('version', 'desc').execute();

export const findItemVersion = (db: Executor, code: string, version: number) =>
  db.selectFrom('itemVersions').select(['version', 'data', 'createdAt']).where('itemCode', '=', code).where('version', '=', version).executeTakeFirst();

export const listDepartments = (db: Executor) =>
  db.selectFrom('departments').leftJoin('items', 'items.departmentId', 'departments.id')
    .select(['departments.id', 'departments.name', 'departments.shortName', 'departments.kind'])
    .select((eb) => eb.fn.count<number>('items.code').as('itemCount'))
    .groupBy('departments.id').orderBy('departments.id').execute();

export const findDepartment = (db: Executor, id: string) => db.selectFrom('departments').selectAll().where('id', '=', id).executeTakeFirst();

export const listTags = (db: Executor) =>
  sql<{ tag: string; count: number }>`SELECT t AS tag, count(*)::int AS count FROM items, unnest(tags) AS t GROUP BY t ORDER BY count(*) DESC, t`.execute(db).then((r) => r.rows);

export const listBundles = (db: Executor) => db.selectFrom('bundles').selectAll().orderBy('code').execute();
export const findBundle = (db: Executor, code: string) => db.selectFrom('bundles').selectAll().where('code', '=', code).executeTakeFirst();

/** Items most applied for in the last 90 days; the catalog order fills the rest. */
export const popularItemCodes = (db: Executor, since: Date, limit: number) =>
  db.selectFrom('applications').select(['itemCode']).select((eb) => eb.fn.countAll<number>().as('n'))
    .where('createdAt', '>=', since).groupBy('itemCode').orderBy('n', 'desc').limit(limit).execute();

/** Every item with the text search indexes, with its department's full name. */
export const allItemsForSearch = (db: Executor) =>
  db.selectFrom('items').innerJoin('departments', 'departments.id', 'items.departmentId')
    .select(['items.code', 'items.name', 'items.departmentId', 'items.tags', 'items.description', 'items.acceptConditions', 'items.materials',
      'items.onlineDepth', 'items.promisedLimitDays', 'departments.name as departmentName'])
    .orderBy('items.code').execute();

/** Changes whenever an item or bundle is added, removed or edited. */
export const catalogSignature = (db: Executor) =>
  db.selectNoFrom((eb) => [
    eb.selectFrom('items').select((e) => e.fn.countAll<string>().as('n')).as('items'),
    eb.selectFrom('items').select((e) => e.fn.max('updatedAt').as('m')).as('itemsUpdated'),
    eb.selectFrom('bundles').select((e) => e.fn.countAll<string>().as('n')).as('bundles'),
  ]).executeTakeFirstOrThrow();

export const lockDepartment = (db: Executor, id: string) => db.selectFrom('departments').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
export const findItemByName = (db: Executor, name: string) => db.selectFrom('items').select('code').where('name', '=', name).executeTakeFirst();
export const itemCodesOfDepartment = (db: Executor, departmentId: string) =>
  db.selectFrom('items').select('code').where('departmentId', '=', departmentId).execute().then((rows) => rows.map((r) => r.code));
export const anyItemCode = (db: Executor) => db.selectFrom('items').select('code').orderBy('code').limit(1).executeTakeFirst().then((r) => r?.code);

export async function insertItem(db: Executor, code: string, content: ItemContent, by: string, at: Date) {
  await db.insertInto('items').values({ code, ...content, materials: JSON.stringify(content.materials), version: 1, updatedAt: at, updatedBy: by }).execute();
}
