// Small formatting helpers shared by the workbench views.
import dayjs from 'dayjs';
import type { DeadlineLevel } from './types.ts';

export function fmtDateTime(v: string | null | undefined): string {
  return v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '—';
}

export function fmtDate(v: string | null | undefined): string {
  return v ? dayjs(v).format('YYYY-MM-DD') : '—';
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function levelOf(level: DeadlineLevel, daysLeft: number | null | undefined): 'normal' | 'warning' | 'overdue' {
  if (level === 'overdue' || (daysLeft !== null && daysLeft !== undefined && daysLeft < 0)) return 'overdue';
  if (level === 'warning') return 'warning';
  return 'normal';
}

/** Visually hidden but read by screen readers. */
export const srOnly = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0,0,0,0)',
  whiteSpace: 'nowrap',
  border: 0,
} as const;
