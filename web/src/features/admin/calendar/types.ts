export interface CalendarDayRow {
  date: string;
  isOffDay: boolean;
  name: string | null;
  updatedBy?: string | null;
  isWorkingDay?: boolean;
}

export interface CalendarYear {
  year: number;
  covered: boolean;
  source: string | null;
  provisional: boolean;
  coveredYears: number[];
  days: CalendarDayRow[];
}

export const MIN_YEAR = 2007;
export const MAX_YEAR = 2030;
