// 时限 panel: acceptance date, promised limit, due date, time left, provisional note.
import { Alert, Card, Descriptions } from 'antd';
import type { CaseDetail } from './types.ts';
import { fmtDate } from './format.ts';
import { DeadlineBadge } from '../../components/index.ts';

export function DeadlinePanel({ c }: { c: CaseDetail }) {
  const limit = c.limitDays === null || c.limitDays === undefined ? '—' : c.limitDays === 0 ? '即办（当日办结）' : `${c.limitDays} 个工作日`;
  return (
    <Card title="办理时限" size="small">
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'accept', label: '受理日期', children: fmtDate(c.acceptDate ?? c.acceptedAt) },
          { key: 'limit', label: '承诺时限', children: limit },
          { key: 'due', label: '到期日', children: `${fmtDate(c.dueDate)}${c.dueDateProvisional ? '（暂定）' : ''}` },
          {
            key: 'left',
            label: '剩余',
            children: <DeadlineBadge daysLeft={c.daysLeft} deadlineLevel={c.deadlineLevel} status={c.status} />,
          },
        ]}
      />
      {c.dueDateProvisional && (
        <Alert
          style={{ marginTop: 8 }}
          type="info"
          showIcon
          title="暂定（日历尚未发布）"
          description="到期日所在年份的法定节假日安排尚未发布，目前只按周末计算；日历更新后到期日会自动重新计算。"
        />
      )}
    </Card>
  );
}
