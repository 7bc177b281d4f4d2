// Whether a year's official holiday notice (国务院办公厅通知) is in the calendar, and the switch to mark it.
import { useEffect, useState } from 'react';
import { Alert, Card, Input, Space, Switch } from 'antd';
import { api } from '../../../lib/api.ts';
import type { CalendarYear } from './types.ts';

interface Props {
  data: CalendarYear;
  onSaved: (y: CalendarYear) => void;
}

/** [2007, 2008, 2009, 2012] → '2007–2009、2012' */
function yearRanges(years: number[]): string {
  const ys = [...years].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < ys.length; ) {
    let j = i;
    while (j + 1 < ys.length && ys[j + 1] === ys[j]! + 1) j++;
    parts.push(i === j ? `${ys[i]}` : `${ys[i]}–${ys[j]}`);
    i = j + 1;
  }
  return parts.join('、');
}

export function CoveragePanel({ data, onSaved }: Props) {
  const [source, setSource] = useState(data.source ?? '');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => setSource(data.source ?? ''), [data.year, data.source]);

  const toggle = async (covered: boolean) => {
    setSaving(true);
    setError(null);
    try {
      onSaved(await api.put<CalendarYear>(`/api/calendar/years/${data.year}`, { covered, source: source.trim() || '管理员录入' }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };

  const last = data.coveredYears.length ? Math.max(...data.coveredYears) : null;
  return (
    <Card title={`${data.year} 年日历状态`} size="small">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <div style={{ fontSize: 16 }}>
          {data.covered ? (
            <span style={{ color: '#135200', fontWeight: 600 }}>✓ 已发布：本年度节假日安排已录入</span>
          ) : (
            <span style={{ color: '#7a3300', fontWeight: 600 }}>未发布：本年度只按周末计算（暂定）</span>
          )}
        </div>
        <div>
          <label htmlFor="cal-source" style={{ display: 'block', color: '#262626', marginBottom: 4 }}>
            依据（通知名称或文号）
          </label>
          <Input id="cal-source" value={source} onChange={(e) => setSource(e.target.value)} maxLength={300} placeholder="如：国务院办公厅关于2026年部分节假日安排的通知" />
        </div>
        <Space>
          <Switch id="cal-covered" checked={data.covered} loading={saving} onChange={toggle} aria-describedby="cal-covered-label" />
          <label htmlFor="cal-covered" id="cal-covered-label">
            标记 {data.year} 年节假日安排已正式发布
          </label>
        </Space>
        {error && <Alert type="error" showIcon title={error} />}
        <Alert
          type="info"
          showIcon
          title="关于暂定到期日"
          description={`已覆盖的年份：${data.coveredYears.length ? yearRanges(data.coveredYears) : '无'}。${last ? `${last} 年之后` : '未覆盖年份'}的日期只按周末计算，相关办件的到期日标为“暂定”；日历更新或标记发布后，系统会重新计算这些到期日。`}
        />
      </Space>
    </Card>
  );
}
