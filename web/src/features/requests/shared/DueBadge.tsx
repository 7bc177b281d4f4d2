// How much time a request has left: green normal, orange warning (80 % of the time used, as the server's
// warn time), red overdue; a closed request no longer counts.
import { ClockCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import type { RequestStatus } from '../../../../../domain/requests.ts';
import { SoftTag } from '../../../components/SoftTag.tsx';
import { formatDateTime } from '../../../lib/format.ts';

export type DueLevel = 'normal' | 'warning' | 'overdue' | 'done';

interface Timed {
  status: RequestStatus | string;
  receivedAt: string;
  dueAt: string;
  /** The server's flags, when it sent them (its warning point survives extensions). */
  warning?: boolean;
  overdue?: boolean;
}

/** The level of a request at `now`: overdue past the due time, warning once 80 % of its time is used. */
export function dueLevel(r: Timed, now = Date.now()): DueLevel {
  if (r.status === 'closed') return 'done';
  if (r.overdue) return 'overdue';
  if (r.warning !== undefined) return r.warning ? 'warning' : now > Date.parse(r.dueAt) ? 'overdue' : 'normal';
  const due = Date.parse(r.dueAt);
  const received = Date.parse(r.receivedAt);
  if (now > due) return 'overdue';
  if (now >= received + 0.8 * (due - received)) return 'warning';
  return 'normal';
}

/** "2 天 3 小时", "5 小时 10 分钟", "40 分钟". */
export function spanText(ms: number): string {
  const minutes = Math.max(1, Math.round(Math.abs(ms) / 60_000));
  if (minutes < 60) return `${minutes} 分钟`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} 小时 ${minutes % 60} 分钟` : `${hours} 小时`;
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  return rest ? `${days} 天 ${rest} 小时` : `${days} 天`;
}

export interface DueBadgeProps extends Timed {
  /** Also show the due time after the badge. */
  showDate?: boolean;
  now?: number;
}

export function DueBadge({ showDate, now = Date.now(), ...r }: DueBadgeProps) {
  const { dueAt } = r;
  const level = dueLevel(r, now);
  const date = showDate ? <span className="tb-deadline-date">{formatDateTime(dueAt)} 前</span> : null;
  if (level === 'done') return <span className="tb-muted">已办结，不计时</span>;
  const left = Date.parse(dueAt) - now;
  if (level === 'overdue') {
    return (
      <span className="tb-deadline">
        <SoftTag tone="red" icon={<ExclamationCircleOutlined aria-hidden />}>
          已超期 {spanText(left)}
        </SoftTag>
        {date}
      </span>
    );
  }
  return (
    <span className="tb-deadline">
      <SoftTag tone={level === 'warning' ? 'orange' : 'green'} icon={<ClockCircleOutlined aria-hidden />}>
        剩余 {spanText(left)}
        {level === 'warning' ? '（临近时限）' : ''}
      </SoftTag>
      {date}
    </span>
  );
}

export const DUE_ROW_BG = { warning: '#fff7e6', overdue: '#fff1f0' } as const;
