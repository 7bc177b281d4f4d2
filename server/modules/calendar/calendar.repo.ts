import type { Executor } from '../../platform/db/index.ts';

export const allDays = (db: Executor) => db.selectFrom('calendarDays').select(['date', 'isOffDay', 'name']).orderBy('date').execute();
export const coveredYears = (db: Executor) => db.selectFrom('calendarYears').select(['year', 'source', 'updatedAt']).orderBy('year').execute();

export const daysOfYear = (db: Executor, year: number) =>
  db.selectFrom('calendarDays').select(['date', 'isOffDay', 'name', 'updatedAt', 'updatedBy'])
    .where('date', '>=', `${year}-01-01`).where('date', '<=', `${year}-12-31`).orderBy('date').execute();

export async function upsertDay(db: Executor, date: string, isOffDay: boolean, name: string | null, by: string, at: Date) {
  await db.insertInto('calendarDays').values({ date, isOffDay, name, updatedAt: at, updatedBy: by })
    .onConflict((oc) => oc.column('date').doUpdateSet({ isOffDay, name, updatedAt: at, updatedBy: by })).execute();
}

export const deleteDay = (db: Executor, date: string) => db.deleteFrom('calendarDays').where('date', '=', date).executeTakeFirst();

export async function setYearCovered(db: Executor, year: number, covered: boolean, source: string) {
  if (covered) {
    await db.insertInto('calendarYears').values({ year, source }).onConflict((oc) => oc.column('year').doUpdateSet({ source })).execute();
  } else {
    await db.deleteFrom('calendarYears').where('year', '=', year).execute();
  }
}
