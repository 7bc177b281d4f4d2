// Working-day calendar math (行政许可法第八十二条: periods count working days, not statutory holidays).
// Dates are calendar dates in China Standard Time, as 'YYYY-MM-DD' strings. Pure: no I/O, no clock.

export type IsoDate = string;

export interface CalendarDay {
  date: IsoDate;
  /** true: a holiday on a weekday; false: an adjusted working day (调休) on a weekend. */
  isOffDay: boolean;
  name?: string | null;
}

export interface WorkingCalendar {
  /** Dates that differ from the default rule (Saturday and Sunday off). */
  overrides: ReadonlyMap<IsoDate, boolean>;
  /** Years whose official holiday notice is in the calendar. Other years count weekends only (provisional). */
  coveredYears: ReadonlySet<number>;
}

export function makeCalendar(days: Iterable<CalendarDay>, coveredYears: Iterable<number>): WorkingCalendar {
  const overrides = new Map<IsoDate, boolean>();
  for (const d of days) overrides.set(d.date, d.isOffDay);
  return { overrides, coveredYears: new Set(coveredYears) };
}

const DAY_MS = 86_400_000;
const CST_OFFSET_MS = 8 * 3_600_000; // China has had no daylight saving time since 1991.

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** The calendar date in Asia/Shanghai at this instant, whatever the server's time zone. */
export function chinaDate(instant: Date): IsoDate {
  return new Date(instant.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, n: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

function isWeekend(date: IsoDate): boolean {
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
  return dow === 0 || dow === 6;
}

export function isWorkingDay(cal: WorkingCalendar, date: IsoDate): boolean {
  const override = cal.overrides.get(date);
  if (override !== undefined) return !override;
  return !isWeekend(date);
}

export function isProvisionalDate(cal: WorkingCalendar, date: IsoDate): boolean {
  return !cal.coveredYears.has(yearOf(date));
}

export interface DueDate {
  date: IsoDate;
  /** true when the count passed through a year the calendar does not cover yet. */
  provisional: boolean;
}

/**
 * The date of the n-th working day after `from`. `from` itself does not count; n = 0 gives `from` (即办).
 */
export function addWorkingDays(cal: WorkingCalendar, from: IsoDate, n: number): DueDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a non-negative integer');
  let date = from;
  let provisional = isProvisionalDate(cal, from);
  let left = n;
  while (left > 0) {
    date = addDays(date, 1);
    if (isProvisionalDate(cal, date)) provisional = true;
    if (isWorkingDay(cal, date)) left--;
  }
  return { date, provisional };
}

/** The last second (23:59:59 China time) of the n-th working day after the China date of `from`. */
export function endOfWorkingDay(cal: WorkingCalendar, from: Date, n: number): Date {
  return new Date(`${addWorkingDays(cal, chinaDate(from), n).date}T23:59:59+08:00`);
}

/**
 * Working days in the interval (a, b]: after a, up to and including b. Negative when b is before a.
 * addWorkingDays(a, workingDaysBetween(a, b)) is the last working day on or before b.
 */
export function workingDaysBetween(cal: WorkingCalendar, a: IsoDate, b: IsoDate): number {
  if (a === b) return 0;
  const sign = a < b ? 1 : -1;
  const [lo, hi] = a < b ? [a, b] : [b, a];
  let count = 0;
  for (let d = addDays(lo, 1); d <= hi; d = addDays(d, 1)) if (isWorkingDay(cal, d)) count++;
  return sign * count;
}

export type DeadlineLevel = 'normal' | 'warning' | 'overdue';

export interface Deadline {
  dueDate: IsoDate;
  /** The day 80 % of the working days are used. */
  warnDate: IsoDate;
  provisional: boolean;
}

/**
 * The deadline of a period of `limitDays` working days that started on `start`, with `pausedDays` working days
 * (waiting for the applicant, special procedures) not counted.
 */
export function computeDeadline(cal: WorkingCalendar, start: IsoDate, limitDays: number, pausedDays = 0): Deadline {
  const due = addWorkingDays(cal, start, limitDays + pausedDays);
  const warn = addWorkingDays(cal, start, Math.ceil(limitDays * 0.8) + pausedDays);
  return { dueDate: due.date, warnDate: warn.date, provisional: due.provisional };
}

/** The level on a given day: overdue after the due date, warning from the warn date on. */
export function deadlineLevelOn(day: IsoDate, d: { dueDate: IsoDate; warnDate: IsoDate | null }): DeadlineLevel {
  if (day > d.dueDate) return 'overdue';
  if (d.warnDate && day >= d.warnDate) return 'warning';
  return 'normal';
}

/** 80 % of the promised time used gives a warning; past the due date the case is overdue. */
export function deadlineLevel(limitDays: number, daysLeft: number): DeadlineLevel {
  if (daysLeft < 0) return 'overdue';
  if (limitDays <= 0) return daysLeft <= 0 ? 'warning' : 'normal';
  const used = (limitDays - daysLeft) / limitDays;
  return used >= 0.8 ? 'warning' : 'normal';
}
