// How much of the promised time is left, in working days: green normal, orange warning (≥ 80 % used), red overdue.
import { ClockCircleOutlined, ExclamationCircleOutlined, PauseCircleOutlined } from '@ant-design/icons';
import { ACTIVE_STATUSES, type ApplicationStatus } from '../../../domain/workflow.ts';
import { formatDate } from '../lib/format.ts';
import type { DeadlineLevel } from '../lib/types.ts';
import { SoftTag } from './SoftTag.tsx';

export interface DeadlineBadgeProps {
  daysLeft?: number | null;
  deadlineLevel?: DeadlineLevel;
  dueDate?: string | null;
  dueDateProvisional?: boolean;
  status?: ApplicationStatus | string;
  /** Also show the due date after the badge. */
  showDate?: boolean;
}

export function DeadlineBadge({ daysLeft, deadlineLevel, dueDate, dueDateProvisional, status, showDate }: DeadlineBadgeProps) {
  const s = status as ApplicationStatus | undefined;
  const date = showDate && dueDate ? (
    <span className="tb-deadline-date">
      {formatDate(dueDate)}前{dueDateProvisional ? '（暂定）' : ''}
    </span>
  ) : null;

  if (s && !ACTIVE_STATUSES.includes(s)) {
    return <span className="tb-muted">{s === 'draft' ? '未提交，不计时' : '已结束，不计时'}</span>;
  }
  if (s === 'correction_required') {
    return <SoftTag tone="orange" icon={<PauseCircleOutlined aria-hidden />}>等待补正，暂停计时</SoftTag>;
  }
  if (s === 'suspended') {
    return <SoftTag tone="purple" icon={<PauseCircleOutlined aria-hidden />}>特别程序中，暂停计时</SoftTag>;
  }
  if (daysLeft === null || daysLeft === undefined) {
    if (s === 'submitted') return <span className="tb-muted">受理后开始计时{date ? <>，预计 {date}</> : null}</span>;
    return <span className="tb-muted">—</span>;
  }
  const overdue = deadlineLevel === 'overdue' || daysLeft < 0;
  if (overdue) {
    return (
      <span className="tb-deadline">
        <SoftTag tone="red" icon={<ExclamationCircleOutlined aria-hidden />}>
          {daysLeft < 0 ? `已超期 ${-daysLeft} 个工作日` : '已超期'}
        </SoftTag>
        {date}
      </span>
    );
  }
  const warning = deadlineLevel === 'warning';
  return (
    <span className="tb-deadline">
      <SoftTag tone={warning ? 'orange' : 'green'} icon={<ClockCircleOutlined aria-hidden />}>
        {daysLeft === 0 ? '今日到期' : `剩余 ${daysLeft} 个工作日`}
        {warning ? '（临近期限）' : ''}
      </SoftTag>
      {date}
    </span>
  );
}
