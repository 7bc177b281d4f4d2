// 诉求看板: the 12345 figures of a period for the hotline centre (all or one department) or for a
// department (its own only): KPIs, trend, categories, the department league, hot topics, hotspots, and the
// daily report as Excel. The range, granularity and department live in the URL.
import type { ReactNode } from 'react';
import { Card, Col, DatePicker, Empty, Row, Segmented, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useSearchParams } from 'react-router-dom';
import { useAuth } from '../../../app/auth.tsx';
import { useElderly } from '../../../app/elderly.tsx';
import { PageState } from '../../../components/index.ts';
import { qs } from '../../../lib/api.ts';
import { useApi } from '../../../lib/useApi.ts';
import { StatsGranularity, StatsGranularityLabel } from '../../../../../domain/request-stats.ts';
import { useDepartments } from '../shared/index.ts';
import { DepartmentSelect } from '../desk/DepartmentSelect.tsx';
import { isHotline } from '../desk/roles.ts';
import { KpiCards } from './KpiCards.tsx';
import { RankBars, TrendChart } from './charts.tsx';
import { DepartmentLeague } from './DepartmentLeague.tsx';
import { HotTopics } from './HotTopics.tsx';
import { ExportDaily } from './ExportDaily.tsx';
import type { RequestStats } from './types.ts';
import './dashboard.css';

const DATE = 'YYYY-MM-DD';
const validDate = (v: string | null): v is string => !!v && /^\d{4}-\d{2}-\d{2}$/.test(v) && dayjs(v, DATE).isValid();
const GRANULARITIES = Object.values(StatsGranularity);

function Section({ title, children, extra }: { title: string; children: ReactNode; extra?: ReactNode }) {
  return (
    <Card size="small" className="tb-dash-card" title={<h2 className="tb-dash-card-title">{title}</h2>} extra={extra}>
      {children}
    </Card>
  );
}

function Filters({ from, to, granularity, departmentId, hotline, set }: {
  from: string; to: string; granularity: StatsGranularity; departmentId: string; hotline: boolean;
  set: (patch: Record<string, string>) => void;
}) {
  const { departments } = useDepartments();
  const range: [Dayjs, Dayjs] = [dayjs(from, DATE), dayjs(to, DATE)];
  return (
    <Card size="small" className="tb-dash-filters">
      <div className="tb-dash-filter-row">
        <div>
          <span className="tb-dash-label" id="dash-range-label">统计日期（按受理日期）</span>
          <label htmlFor="dash-from" className="tb-sr-only">开始日期</label>
          <label htmlFor="dash-to" className="tb-sr-only">结束日期</label>
          <DatePicker.RangePicker
            id={{ start: 'dash-from', end: 'dash-to' }}
            value={range}
            allowClear={false}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            presets={[
              { label: '最近 7 天', value: [dayjs().subtract(6, 'day'), dayjs()] },
              { label: '最近 30 天', value: [dayjs().subtract(29, 'day'), dayjs()] },
              { label: '本月', value: [dayjs().startOf('month'), dayjs()] },
              { label: '最近一年', value: [dayjs().subtract(365, 'day'), dayjs()] },
            ]}
            onChange={(v) => {
              if (v?.[0] && v[1]) set({ from: v[0].format(DATE), to: v[1].format(DATE) });
            }}
          />
        </div>
        <div>
          <span className="tb-dash-label" id="dash-granularity-label">统计粒度</span>
          <Segmented
            aria-labelledby="dash-granularity-label"
            value={granularity}
            options={GRANULARITIES.map((g) => ({ value: g, label: `按${StatsGranularityLabel[g]}` }))}
            onChange={(v) => set({ granularity: v === 'day' ? '' : String(v) })}
          />
        </div>
        {hotline ? (
          <div>
            <label htmlFor="dash-dept" className="tb-dash-label">承办部门</label>
            <DepartmentSelect
              id="dash-dept"
              departments={departments}
              value={departmentId || undefined}
              allowClear
              placeholder="全部（热线中心）"
              className="tb-dash-dept"
              style={{ width: 220 }}
              onChange={(v) => set({ departmentId: (v as string | undefined) ?? '' })}
            />
          </div>
        ) : null}
      </div>
    </Card>
  );
}

export function DashboardPage() {
  const { user } = useAuth();
  const hotline = isHotline(user);
  // 长辈版: one chart per row, so the large print has room.
  const { elderly } = useElderly();
  const half = (n: number) => (elderly ? 24 : n);
  const [sp, setSp] = useSearchParams();
  const today = dayjs();
  const from = validDate(sp.get('from')) ? sp.get('from')! : today.subtract(29, 'day').format(DATE);
  const to = validDate(sp.get('to')) ? sp.get('to')! : today.format(DATE);
  const granularity = (GRANULARITIES as string[]).includes(sp.get('granularity') ?? '') ? (sp.get('granularity') as StatsGranularity) : 'day';
  const departmentId = hotline ? (sp.get('departmentId') ?? '') : '';
  const { data, loading, error, reload } = useApi<RequestStats>(`/api/requests/stats${qs({ from, to, granularity, departmentId })}`);

  const set = (patch: Record<string, string>) => {
    const next = new URLSearchParams(sp);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setSp(next, { replace: true });
  };

  const scope = data?.departmentName ?? (hotline ? '全部诉求（热线中心）' : '');
  return (
    <div className="tb-dash">
      <div className="tb-dash-head">
        <div>
          <Typography.Title level={1} className="tb-dash-title">诉求看板</Typography.Title>
          <p className="tb-dash-scope">{scope ? `${scope} · ` : ''}{from} 至 {to}</p>
        </div>
        <ExportDaily departmentId={departmentId || undefined} />
      </div>
      <Filters from={from} to={to} granularity={granularity} departmentId={departmentId} hotline={hotline} set={set} />
      <PageState loading={loading && !data} error={error} onRetry={reload} skeletonRows={10}>
        {data ? (
          <div aria-busy={loading}>
            <KpiCards totals={data.totals} />
            <Row gutter={[16, 16]}>
              <Col xs={24} xl={half(15)}>
                <Section title="受理与办结趋势">
                  {data.totals.received ? <TrendChart series={data.series} granularity={data.granularity} /> : <Empty description="所选期间没有受理的诉求" />}
                </Section>
              </Col>
              <Col xs={24} xl={half(9)}>
                <Section title="诉求分类">
                  {data.byCategory.length ? (
                    <RankBars caption="各分类受理量" rows={data.byCategory.map((c) => ({ ...c, name: c.category }))} />
                  ) : (
                    <Empty description="所选期间没有受理的诉求" />
                  )}
                </Section>
              </Col>
              <Col xs={24}>
                <Section title="部门排名">
                  <DepartmentLeague rows={data.byDepartment} />
                </Section>
              </Col>
              <Col xs={24} xl={half(12)}>
                <Section title="热点话题（本周上升）">
                  <HotTopics topics={data.hotTopics} />
                </Section>
              </Col>
              <Col xs={24} xl={half(12)}>
                <Section title="热点区域（街道与社区）">
                  {data.hotspots.streets.length ? (
                    <Row gutter={[16, 8]}>
                      <Col xs={24} md={12} xl={24} xxl={12}>
                        <h3 className="tb-dash-subtitle">按街道</h3>
                        <RankBars caption="各街道受理量" rows={data.hotspots.streets.map((s) => ({ ...s, name: s.streetName }))} />
                      </Col>
                      <Col xs={24} md={12} xl={24} xxl={12}>
                        <h3 className="tb-dash-subtitle">按社区</h3>
                        <RankBars caption="各社区受理量" rows={data.hotspots.communities.map((c) => ({ ...c, name: c.community }))} />
                      </Col>
                    </Row>
                  ) : (
                    <Empty description="所选期间没有受理的诉求" />
                  )}
                </Section>
              </Col>
            </Row>
          </div>
        ) : null}
      </PageState>
    </div>
  );
}

export default DashboardPage;
