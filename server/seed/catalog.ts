// Loads the demo catalog and the working-day calendar from data/demo into an empty database.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Db, Executor } from '../platform/db/index.ts';

export const DEMO_DIR = resolve(import.meta.dirname, '../../data/demo');
const readJson = <T>(name: string): T => JSON.parse(readFileSync(resolve(DEMO_DIR, name), 'utf8')) as T;

interface HolidayCn { years: Record<string, { papers: string[]; days: { name: string; date: string; isOffDay: boolean }[] }> }

/** Every listed day of the holiday-cn snapshot, and the years whose notice is published (non-empty). */
export function readHolidayCn() {
  const data = readJson<HolidayCn>('calendar/holiday-cn.json');
  const days = new Map<string, { date: string; isOffDay: boolean; name: string }>();
  const covered: { year: number; source: string }[] = [];
  for (const [year, y] of Object.entries(data.years)) {
    if (y.days.length) covered.push({ year: Number(year), source: y.papers[0] ?? 'holiday-cn' });
    for (const d of y.days) days.set(d.date, d);
  }
  return { days: [...days.values()].sort((a, b) => a.date.localeCompare(b.date)), covered };
}

export async function seedCalendar(db: Executor) {
  const { days, covered } = readHolidayCn();
  for (let i = 0; i < days.length; i += 500) {
    await db.insertInto('calendarDays').values(days.slice(i, i + 500).map((d) => ({ date: d.date, isOffDay: d.isOffDay, name: d.name, updatedBy: 'holiday-cn' })))
      .onConflict((oc) => oc.column('date').doNothing()).execute();
  }
  await db.insertInto('calendarYears').values(covered).onConflict((oc) => oc.column('year').doNothing()).execute();
}

interface DemoItem { code: string; materials: unknown[]; [k: string]: unknown }

export function readDemoCatalog() {
  return {
    departments: readJson<{ id: string; name: string; shortName: string; kind: string }[]>('departments.json'),
    items: readJson<DemoItem[]>('items.json'),
    bundles: readJson<{ code: string; name: string; description: string; itemCodes: string[]; parallelGroups: string[][]; sharedForm: string[] }[]>('bundles.json'),
  };
}

export async function seedCatalog(db: Db) {
  const { departments, items, bundles } = readDemoCatalog();
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('departments').values(departments).execute();
    for (let i = 0; i < items.length; i += 100) {
      const chunk = items.slice(i, i + 100);
      await trx.insertInto('items').values(chunk.map((it) => {
        const { code, ...content } = it;
        return { code, ...(content as object), materials: JSON.stringify(it.materials), updatedBy: 'seed' } as never;
      })).execute();
      await trx.insertInto('itemVersions').values(chunk.map((it) => {
        const { code, ...content } = it;
        return { itemCode: code, version: 1, data: JSON.stringify(content), createdBy: 'seed' };
      })).execute();
    }
    await trx.insertInto('bundles').values(bundles.map((b) => ({ ...b, parallelGroups: JSON.stringify(b.parallelGroups) }))).execute();
    await seedCalendar(trx);
  });
  return { departments: departments.length, items: items.length, bundles: bundles.length };
}
