// 工作日历: one year at a time; click a date to change it; mark the year as covered; a working-day calculator.
import { useCallback, useEffect, useState } from 'react';
import { App, Button, Card, Col, Row, Select, Space } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../../lib/api.ts';
import { PageState } from '../../../components/index.ts';
import { AdminTitle } from '../shared.tsx';
import { YearGrid } from './YearGrid.tsx';
import { DayEditor } from './DayEditor.tsx';
import { CoveragePanel } from './CoveragePanel.tsx';
import { Calculator } from './Calculator.tsx';
import { MAX_YEAR, MIN_YEAR, type CalendarYear } from './types.ts';

const YEARS = Array.from({ length: MAX_YEAR - MIN_YEAR + 1 }, (_, i) => ({ value: MIN_YEAR + i, label: `${MIN_YEAR + i} 年` }));

function Legend() {
  const box = (bg: string, color: string, text: string, border = 'transparent') => (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
      <span aria-hidden="true" style={{ display: 'inline-block', minWidth: 24, padding: '0 4px', textAlign: 'center', background: bg, color, border: `1px solid ${border}`, borderRadius: 4 }}>
        {text}
      </span>
    </span>
  );
  return (
    <Space wrap size={16} style={{ color: '#262626' }}>
      <span>{box('#c41d1d', '#fff', '1')} 法定节假日</span>
      <span>{box('#e8f1ff', '#003a8c', '班', '#91caff')} 调休上班</span>
      <span>{box('#fafafa', '#8c1d18', '6')} 周末</span>
      <span>{box('#fff', '#1f1f1f', '3', '#0052d9')} 今天</span>
    </Space>
  );
}

export function CalendarPage() {
  const { message } = App.useApp();
  const [sp, setSp] = useSearchParams();
  const today = dayjs().format('YYYY-MM-DD');
  const year = Math.min(MAX_YEAR, Math.max(MIN_YEAR, Number(sp.get('year')) || dayjs().year()));
  const [data, setData] = useState<CalendarYear | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [editing, setEditing] = useState<string | null>(null);

  const load = useCallback(async () => {
    setError(null);
    setData(null);
    try {
      setData(await api.get<CalendarYear>(`/api/calendar/years/${year}`));
    } catch (e) {
      setError(e);
    }
  }, [year]);

  useEffect(() => {
    void load();
  }, [load]);

  const setYear = (y: number) => setSp(y === dayjs().year() ? {} : { year: String(y) });
  const offDays = data?.days.filter((d) => d.isOffDay).length ?? 0;
  const workDays = data?.days.filter((d) => !d.isOffDay).length ?? 0;

  return (
    <>
      <AdminTitle
        extra={
          <Space>
            <Button icon={<LeftOutlined aria-hidden />} aria-label="上一年" disabled={year <= MIN_YEAR} onClick={() => setYear(year - 1)} />
            <label htmlFor="cal-year" className="tb-sr-only">选择年份</label>
            <Select id="cal-year" value={year} options={YEARS} onChange={setYear} style={{ width: 120 }} />
            <Button icon={<RightOutlined aria-hidden />} aria-label="下一年" disabled={year >= MAX_YEAR} onClick={() => setYear(year + 1)} />
          </Space>
        }
      >
        工作日历
      </AdminTitle>
      <PageState loading={!data && !error} error={error} onRetry={load}>
        {data && (
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={17}>
              <Card size="small" title={`${year} 年：${offDays} 个节假日，${workDays} 个调休上班日`}>
                <Legend />
                <p style={{ color: '#262626', margin: '8px 0 12px' }}>点击日期（或用方向键移动后按回车）可设为节假日、调休上班日或恢复默认。</p>
                <YearGrid year={year} days={data.days} today={today} onPick={setEditing} />
              </Card>
            </Col>
            <Col xs={24} xl={7}>
              <Space orientation="vertical" size={16} style={{ width: '100%' }}>
                <CoveragePanel data={data} onSaved={(y) => { setData(y); void message.success('已更新年度状态'); }} />
                <Calculator />
              </Space>
            </Col>
          </Row>
        )}
      </PageState>
      <DayEditor
        date={editing}
        current={editing ? data?.days.find((d) => d.date === editing) : undefined}
        onClose={() => setEditing(null)}
        onSaved={(y) => {
          setData(y);
          setEditing(null);
          void message.success('日历已更新，相关到期日将重新计算');
        }}
      />
    </>
  );
}
