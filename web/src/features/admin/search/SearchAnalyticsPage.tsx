// 搜索分析: how citizens search. KPIs, daily trend and hot queries for a date range (default the last
// 30 days), the queries that found nothing, and 目录缺口: frequent no-match queries with a way to teach
// the engine (加入知识库) or to fill the catalogue. Range, tab and gap window live in the URL.
import { useMemo, useState } from 'react';
import { Button, Card, Col, DatePicker, Empty, Row, Select, Space, Statistic, Table, Tabs } from 'antd';
import { BookOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useSearchParams } from 'react-router-dom';
import { useElderly } from '../../../app/elderly.tsx';
import { EChart, type EChartOption } from '../../../components/EChart.tsx';
import { PageState, SoftTag } from '../../../components/index.ts';
import { qs } from '../../../lib/api.ts';
import { useApi } from '../../../lib/useApi.ts';
import type { SearchGap, SearchStats } from '../../../lib/types.ts';
import { AdminTitle, KeyboardScroll, emptyText, fieldLabel, fmtTime } from '../shared.tsx';
import { KnowledgeFormModal, type KnowledgeDraft } from './KnowledgeFormModal.tsx';
import './admin-search.css';

/** The catalogue is kept in 事项管理. There is no item-creation page (only /admin/items/:code edits an
 *  existing item), so a real gap is followed up there; point this at the create page once one exists. */
const NEW_ITEM_PATH = '/admin/items/new';
const DATE = 'YYYY-MM-DD';
const COLORS = { searches: '#0052d9', noMatch: '#c41d1d', clicks: '#237804' };

const pct = (v: number | null | undefined) => (v === null || v === undefined || Number.isNaN(v) ? '—' : `${(v * 100).toFixed(1)}%`);

function defaultRange(): [string, string] {
  const to = dayjs();
  return [to.subtract(29, 'day').format(DATE), to.format(DATE)];
}

function validDate(v: string | null): v is string {
  return !!v && /^\d{4}-\d{2}-\d{2}$/.test(v) && dayjs(v, DATE).isValid();
}

/** Every day of the range, with zeros where nothing was searched (the server lists only days with searches). */
function fillDays(daily: SearchStats['daily'], from: string, to: string): SearchStats['daily'] {
  const byDate = new Map(daily.map((d) => [d.date.slice(0, 10), d]));
  const out: SearchStats['daily'] = [];
  let day = dayjs(from, DATE);
  const end = dayjs(to, DATE);
  for (let i = 0; i < 732 && !day.isAfter(end, 'day'); i++, day = day.add(1, 'day')) {
    const key = day.format(DATE);
    out.push(byDate.get(key) ?? { date: key, searches: 0, noMatch: 0, clicks: 0 });
  }
  return out.length ? out : daily;
}

function useChartText() {
  const { elderly } = useElderly();
  return { fontSize: elderly ? 18 : 13, color: elderly ? '#111' : '#3a3a3a' };
}

function TrendChart({ daily }: { daily: SearchStats['daily'] }) {
  const text = useChartText();
  const option = useMemo<EChartOption>(
    () => ({
      color: [COLORS.searches, COLORS.noMatch, COLORS.clicks],
      textStyle: { fontSize: text.fontSize, color: text.color },
      tooltip: { trigger: 'axis', textStyle: { fontSize: text.fontSize } },
      legend: { top: 0, textStyle: { fontSize: text.fontSize, color: text.color } },
      grid: { left: 8, right: 16, top: text.fontSize * 3, bottom: 8, containLabel: true },
      xAxis: { type: 'category', boundaryGap: false, data: daily.map((d) => dayjs(d.date).format('M-D')), axisLabel: { fontSize: text.fontSize, color: text.color } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: text.fontSize, color: text.color } },
      series: [
        { name: '搜索次数', type: 'line', symbolSize: 6, data: daily.map((d) => d.searches), areaStyle: { opacity: 0.08 } },
        { name: '无结果', type: 'line', symbolSize: 6, data: daily.map((d) => d.noMatch) },
        { name: '点击', type: 'line', symbolSize: 6, data: daily.map((d) => d.clicks) },
      ],
    }),
    [daily, text.fontSize, text.color],
  );
  const total = daily.reduce((a, d) => a + d.searches, 0);
  const peak = daily.reduce<SearchStats['daily'][number] | null>((p, d) => (!p || d.searches > p.searches ? d : p), null);
  const label = `每日搜索趋势折线图：${daily.length} 天共搜索 ${total} 次${peak ? `，最多的一天是 ${peak.date}（${peak.searches} 次）` : ''}。`;
  return <EChart option={option} height={text.fontSize > 13 ? 380 : 320} ariaLabel={label} />;
}

function HotQueriesChart({ hot }: { hot: SearchStats['hotQueries'] }) {
  const text = useChartText();
  const top = useMemo(() => hot.slice(0, 12), [hot]);
  const option = useMemo<EChartOption>(() => {
    const rows = [...top].reverse(); // the biggest at the top
    return {
      color: [COLORS.searches, COLORS.clicks, COLORS.noMatch],
      textStyle: { fontSize: text.fontSize, color: text.color },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, textStyle: { fontSize: text.fontSize } },
      legend: { top: 0, textStyle: { fontSize: text.fontSize, color: text.color } },
      grid: { left: 8, right: 24, top: text.fontSize * 3, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: text.fontSize, color: text.color } },
      yAxis: {
        type: 'category',
        data: rows.map((h) => h.query),
        axisLabel: { fontSize: text.fontSize, color: text.color, width: 140, overflow: 'truncate' },
      },
      series: [
        { name: '搜索次数', type: 'bar', data: rows.map((h) => h.count), barMaxWidth: 14 },
        { name: '点击', type: 'bar', data: rows.map((h) => h.clicks), barMaxWidth: 14 },
        { name: '无结果', type: 'bar', data: rows.map((h) => h.noMatch), barMaxWidth: 14 },
      ],
    };
  }, [top, text.fontSize, text.color]);
  const label = `热门搜索词条形图，前 ${top.length} 个：${top
    .slice(0, 5)
    .map((h) => `${h.query} ${h.count} 次`)
    .join('，')}${top.length > 5 ? '等' : ''}。`;
  const height = Math.max(240, top.length * (text.fontSize > 13 ? 52 : 36) + 60);
  return <EChart option={option} height={height} ariaLabel={label} />;
}

function Kpis({ totals }: { totals: SearchStats['totals'] }) {
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }} className="tb-admin-kpi">
      <Col xs={24} sm={8}>
        <Card size="small">
          <Statistic title="搜索次数" value={totals.searches} groupSeparator="," />
        </Card>
      </Col>
      <Col xs={24} sm={8}>
        <Card size="small">
          <Statistic title="无结果率" value={pct(totals.noMatchRate)} styles={{ content: { color: totals.noMatchRate > 0.2 ? '#a8071a' : undefined } }} />
          <div className="tb-muted">无结果 {totals.noMatch} 次</div>
        </Card>
      </Col>
      <Col xs={24} sm={8}>
        <Card size="small">
          <Statistic title="点击率" value={pct(totals.clickThroughRate)} />
          <div className="tb-muted">打开结果 {totals.clicks} 次</div>
        </Card>
      </Col>
    </Row>
  );
}

function Overview({ from, to, onAddKnowledge }: { from: string; to: string; onAddKnowledge: (q: string) => void }) {
  const { data, loading, error, reload } = useApi<SearchStats>(`/api/admin/search/stats${qs({ from, to })}`);
  const zeroColumns: ColumnsType<SearchStats['zeroResult'][number]> = [
    { title: '搜索词', dataIndex: 'query', render: (v: string) => <strong>{v}</strong> },
    { title: '次数', dataIndex: 'count', width: 90, defaultSortOrder: 'descend', sorter: (a, b) => a.count - b.count },
    { title: '最近一次', dataIndex: 'lastAt', width: 170, render: (v: string) => fmtTime(v) },
    {
      title: '操作',
      key: 'op',
      width: 140,
      render: (_, r) => (
        <Button size="small" icon={<BookOutlined aria-hidden />} onClick={() => onAddKnowledge(r.query)}>
          加入知识库<span className="tb-sr-only">：{r.query}</span>
        </Button>
      ),
    },
  ];
  return (
    <PageState loading={loading && !data} error={error} onRetry={reload} skeletonRows={8}>
      {data ? (
        <>
          <Kpis totals={data.totals} />
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              <Card size="small" title={<h2 className="tb-admin-card-title">每日搜索趋势</h2>}>
                {data.totals.searches > 0 && data.daily.length ? <TrendChart daily={fillDays(data.daily, from, to)} /> : <Empty description="所选日期内没有搜索记录" />}
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <Card size="small" title={<h2 className="tb-admin-card-title">热门搜索词</h2>}>
                {data.hotQueries.length ? <HotQueriesChart hot={data.hotQueries} /> : <Empty description="所选日期内没有搜索记录" />}
              </Card>
            </Col>
          </Row>
          <Card size="small" style={{ marginTop: 16 }} title={<h2 className="tb-admin-card-title">无结果搜索词</h2>}>
            <p style={{ marginTop: 0, color: '#262626' }}>群众搜了却什么也没找到的说法。常见的可以加入知识库，指向正确的事项。</p>
            <KeyboardScroll label="无结果搜索词列表">
              <Table
                rowKey="query"
                size="middle"
                columns={zeroColumns}
                dataSource={data.zeroResult}
                scroll={{ x: 560 }}
                pagination={data.zeroResult.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
                locale={{ emptyText: emptyText('所选日期内没有无结果的搜索') }}
              />
            </KeyboardScroll>
          </Card>
        </>
      ) : null}
    </PageState>
  );
}

function Gaps({ days, setDays, onAddKnowledge }: { days: number; setDays: (d: number) => void; onAddKnowledge: (q: string) => void }) {
  const { data, loading, error, reload } = useApi<{ gaps: SearchGap[] }>(`/api/admin/search/gaps${qs({ days })}`);
  const columns: ColumnsType<SearchGap> = [
    { title: '搜索词', dataIndex: 'query', width: 170, render: (v: string) => <strong>{v}</strong> },
    { title: '次数', dataIndex: 'count', width: 70 },
    {
      title: '出现时间',
      key: 'when',
      width: 200,
      render: (_, r) => (
        <>
          <div>首次 {fmtTime(r.firstAt)}</div>
          <div>最近 {fmtTime(r.lastAt)}</div>
        </>
      ),
    },
    {
      title: '现在的状态',
      key: 'status',
      width: 220,
      render: (_, r) =>
        r.nowAnswered ? (
          <Space orientation="vertical" size={2}>
            <SoftTag tone="green">现已可找到</SoftTag>
            {r.topResult ? (
              <span>
                → <Link to={`/items/${encodeURIComponent(r.topResult.code)}`}>{r.topResult.name}</Link>
              </span>
            ) : null}
          </Space>
        ) : (
          <SoftTag tone="red">仍无结果</SoftTag>
        ),
    },
    {
      title: '处理',
      key: 'op',
      width: 240,
      render: (_, r) => (
        <Space size={[8, 4]} wrap>
          <Button size="small" icon={<BookOutlined aria-hidden />} onClick={() => onAddKnowledge(r.query)}>
            加入知识库<span className="tb-sr-only">：{r.query}</span>
          </Button>
          <Link to={`${NEW_ITEM_PATH}?name=${encodeURIComponent(r.query)}`}>
            新建事项<span className="tb-sr-only">（补充“{r.query}”相关事项）</span>
          </Link>
        </Space>
      ),
    },
  ];
  return (
    <>
      <p style={{ marginTop: 0, color: '#262626' }}>
        近期反复出现、却找不到事项的搜索词，可能是目录缺少的服务，也可能只是说法不同。说法不同的加入知识库；确实缺少的在事项管理中补充。
      </p>
      <Space wrap align="end" style={{ marginBottom: 12 }} className="tb-admin-filter">
        <div>
          <label htmlFor="adm-gap-days" style={fieldLabel}>
            统计范围
          </label>
          <Select
            id="adm-gap-days"
            value={days}
            onChange={setDays}
            style={{ width: 160 }}
            options={[7, 30, 90, 180].map((d) => ({ value: d, label: `最近 ${d} 天` }))}
          />
        </div>
      </Space>
      {error ? (
        <PageState error={error} onRetry={reload} />
      ) : (
        <KeyboardScroll label="目录缺口列表">
          <Table<SearchGap>
            rowKey="query"
            size="middle"
            columns={columns}
            dataSource={data?.gaps ?? []}
            loading={loading}
            scroll={{ x: 900 }}
            pagination={(data?.gaps.length ?? 0) > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            locale={{ emptyText: emptyText('没有反复出现的无结果搜索，目录覆盖良好') }}
          />
        </KeyboardScroll>
      )}
    </>
  );
}

export function SearchAnalyticsPage() {
  const [sp, setSp] = useSearchParams();
  const [defFrom, defTo] = defaultRange();
  const fromParam = sp.get('from');
  const toParam = sp.get('to');
  const from = validDate(fromParam) ? fromParam : defFrom;
  const to = validDate(toParam) ? toParam : defTo;
  const tab = sp.get('tab') === 'gaps' ? 'gaps' : 'overview';
  const days = Number(sp.get('days')) || 30;
  const [draft, setDraft] = useState<Partial<KnowledgeDraft> | null>(null);
  const [gapRefresh, setGapRefresh] = useState(0);

  const set = (patch: Record<string, string | number>) => {
    const next = new URLSearchParams(sp);
    for (const [k, v] of Object.entries(patch)) {
      if (v === '' || v === undefined) next.delete(k);
      else next.set(k, String(v));
    }
    setSp(next, { replace: true });
  };

  const addKnowledge = (query: string) => setDraft({ kind: 'alias', term: query, source: 'gap' });

  const range: [Dayjs, Dayjs] = [dayjs(from, DATE), dayjs(to, DATE)];

  return (
    <>
      <AdminTitle>搜索分析</AdminTitle>
      <Tabs
        activeKey={tab}
        onChange={(k) => set({ tab: k === 'gaps' ? 'gaps' : '' })}
        items={[
          {
            key: 'overview',
            label: '搜索概况',
            children: (
              <>
                <Card size="small" style={{ marginBottom: 16 }} className="tb-admin-filter">
                  <span id="adm-ss-range-label" className="tb-admin-filter-label" style={fieldLabel}>
                    统计日期
                  </span>
                  <label htmlFor="adm-ss-from" className="tb-sr-only">
                    开始日期
                  </label>
                  <label htmlFor="adm-ss-to" className="tb-sr-only">
                    结束日期
                  </label>
                  <DatePicker.RangePicker
                    id={{ start: 'adm-ss-from', end: 'adm-ss-to' }}
                    value={range}
                    allowClear={false}
                    disabledDate={(d) => d.isAfter(dayjs(), 'day')}
                    presets={[
                      { label: '最近 7 天', value: [dayjs().subtract(6, 'day'), dayjs()] },
                      { label: '最近 30 天', value: [dayjs().subtract(29, 'day'), dayjs()] },
                      { label: '最近 90 天', value: [dayjs().subtract(89, 'day'), dayjs()] },
                    ]}
                    onChange={(v) => {
                      if (v?.[0] && v[1]) set({ from: v[0].format(DATE), to: v[1].format(DATE) });
                    }}
                  />
                </Card>
                <Overview from={from} to={to} onAddKnowledge={addKnowledge} />
              </>
            ),
          },
          {
            key: 'gaps',
            label: '目录缺口',
            children: <Gaps key={gapRefresh} days={days} setDays={(d) => set({ days: d === 30 ? '' : d })} onAddKnowledge={addKnowledge} />,
          },
        ]}
      />
      <KnowledgeFormModal
        open={!!draft}
        initial={draft ?? undefined}
        onClose={() => setDraft(null)}
        onSaved={() => {
          setDraft(null);
          setGapRefresh((n) => n + 1);
        }}
      />
    </>
  );
}
