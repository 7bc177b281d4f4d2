import type { Db } from '../../platform/db/index.ts';
import { addWorkingDays, isProvisionalDate, isWorkingDay, makeCalendar, workingDaysBetween, type IsoDate, type WorkingCalendar } from '../../../domain/calendar.ts';
import { invalid } from '../../../domain/errors.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { AuthUser } from '../../platform/auth.ts';
import type { Clock } from '../../platform/clock.ts';
import * as repo from './calendar.repo.ts';

/** Told the first date whose working-day status may have changed. */
type ChangeListener = (fromDate: IsoDate) => Promise<unknown>;

export function createCalendarService(db: Db, clock: Clock) {
  let cached: WorkingCalendar | undefined;
  let loadedAt = 0;
  const listeners: ChangeListener[] = [];
  // Other instances may edit the calendar too; a short lifetime bounds how stale this copy can be.
  const TTL_MS = 60_000;

  async function load(): Promise<WorkingCalendar> {
    const [days, years] = await Promise.all([repo.allDays(db), repo.coveredYears(db)]);
    cached = makeCalendar(days, years.map((y) => y.year));
    loadedAt = Date.now();
    return cached;
  }

  async function changed(user: AuthUser, action: string, detail: Record<string, unknown>, fromDate: IsoDate) {
    await writeAudit(db, { actorId: user.id, actorName: user.username, action, targetType: 'calendar', detail }, clock.now());
    await load();
    for (const l of listeners) await l(fromDate);
  }

  return {
    async get(): Promise<WorkingCalendar> {
      return cached && Date.now() - loadedAt < TTL_MS ? cached : load();
    },
    reload: load,
    /** Called after every change, e.g. to recompute the due dates of open cases. */
    onChange(l: ChangeListener) {
      listeners.push(l);
    },
    async addWorkingDays(from: IsoDate, days: number) {
      return addWorkingDays(await this.get(), from, days);
    },
    async workingDaysBetween(a: IsoDate, b: IsoDate) {
      return workingDaysBetween(await this.get(), a, b);
    },
    async year(year: number) {
      const cal = await this.get();
      const years = await repo.coveredYears(db);
      const covered = years.find((y) => y.year === year);
      const rows = await repo.daysOfYear(db, year);
      return {
        year,
        covered: !!covered,
        source: covered?.source ?? null,
        provisional: isProvisionalDate(cal, `${year}-06-01`),
        coveredYears: years.map((y) => y.year),
        days: rows.map((r) => ({ date: r.date, isOffDay: r.isOffDay, name: r.name, updatedBy: r.updatedBy, isWorkingDay: isWorkingDay(cal, r.date) })),
      };
    },
    async setDay(date: IsoDate, isOffDay: boolean, name: string | null, user: AuthUser) {
      const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
      const weekend = dow === 0 || dow === 6;
      // An entry that says what the default rule says anyway is only noise in the table.
      if (weekend === isOffDay) {
        throw invalid('isOffDay', isOffDay ? '该日本为周末休息日，无需设为节假日' : '该日本为工作日，无需设为调休上班日');
      }
      await repo.upsertDay(db, date, isOffDay, name, user.username, clock.now());
      await changed(user, 'calendar.set_day', { date, isOffDay, name }, date);
    },
    async clearDay(date: IsoDate, user: AuthUser) {
      const res = await repo.deleteDay(db, date);
      if (Number(res.numDeletedRows) > 0) await changed(user, 'calendar.clear_day', { date }, date);
    },
    async setYearCovered(year: number, covered: boolean, source: string, user: AuthUser) {
      await repo.setYearCovered(db, year, covered, source);
      await changed(user, 'calendar.set_year', { year, covered, source }, `${year}-01-01`);
    },
  };
}
export type CalendarService = ReturnType<typeof createCalendarService>;
