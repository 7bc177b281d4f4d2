// The dashboard's charts (ECharts canvas). Each has a spoken summary (aria-label) and the same numbers as
// a table behind "以表格查看", so nothing is only in the picture.
import { useMemo, type ReactNode } from 'react';
import dayjs from 'dayjs';
import { useElderly } from '../../../app/elderly.tsx';
import { EChart, type EChartOption } from '../../../components/EChart.tsx';
import type { StatsGranularity } from '../../../../../domain/request-stats.ts';
import { pct, type Rates, type RequestStats } from './types.ts';

export const COLORS = { received: '#0052d9', closed: '#237804', rate: '#d46b08', overdue: '#c41d1d' };

function useChartText() {
  const { elderly } = useElderly();
  return { fontSize: elderly ? 18 : 13, color: elderly ? '#111' : '#3a3a3a', elderly };
}

/** The chart's numbers as a plain table, folded away under a summary line. */
export function DataTable({ caption, head, rows }: { caption: string; head: string[]; rows: ReactNode[][] }) {
  return (
    <details className="tb-dash-table">
      <summary>以表格查看</summary>
      <div className="tb-dash-table-scroll" tabIndex={0} role="region" aria-label={caption}>
        <table>
          <caption className="tb-sr-only">{caption}</caption>
          <thead>
            <tr>
              {head.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>
                {r.map((c, j) => (j === 0 ? <th key={j} scope="row">{c}</th> : <td key={j}>{c}</td>))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

export function bucketLabel(bucket: string, g: StatsGranularity): string {
  const d = dayjs(bucket);
  if (g === 'month') return d.format('YYYY年M月');
  if (g === 'week') return `${d.format('M月D日')}起一周`;
  return d.format('M月D日');
}

export function TrendChart({ series, granularity }: { series: RequestStats['series']; granularity: StatsGranularity }) {
  const text = useChartText();
  const option = useMemo<EChartOption>(
    () => ({
      color: [COLORS.received, COLORS.closed, COLORS.rate],
      textStyle: { fontSize: text.fontSize, color: text.color },
      tooltip: { trigger: 'axis', textStyle: { fontSize: text.fontSize } },
      legend: { top: 0, textStyle: { fontSize: text.fontSize, color: text.color } },
      grid: { left: 8, right: 8, top: text.fontSize * 3, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: series.map((s) => (granularity === 'month' ? dayjs(s.bucket).format('YYYY-MM') : dayjs(s.bucket).format('M-D'))),
        axisLabel: { fontSize: text.fontSize, color: text.color },
      },
      yAxis: [
        { type: 'value', minInterval: 1, name: '件', axisLabel: { fontSize: text.fontSize, color: text.color } },
        { type: 'value', min: 0, max: 100, name: '%', splitLine: { show: false }, axisLabel: { fontSize: text.fontSize, color: text.color } },
      ],
      series: [
        { name: '受理', type: 'bar', barMaxWidth: 18, data: series.map((s) => s.received) },
        { name: '已办结', type: 'bar', barMaxWidth: 18, data: series.map((s) => s.closed) },
        {
          name: '按时办结率',
          type: 'line',
          yAxisIndex: 1,
          symbolSize: 6,
          connectNulls: true,
          data: series.map((s) => (s.onTimeRate === null ? null : Math.round(s.onTimeRate * 1000) / 10)),
        },
      ],
    }),
    [series, granularity, text.fontSize, text.color],
  );
  const total = series.reduce((a, s) => a + s.received, 0);
  const peak = series.reduce<RequestStats['series'][number] | null>((p, s) => (!p || s.received > p.received ? s : p), null);
  const label = `受理与办结趋势图：共 ${series.length} 个时段、受理 ${total} 件${peak && peak.received ? `，最多的是${bucketLabel(peak.bucket, granularity)}（${peak.received} 件）` : ''}。`;
  return (
    <>
      <EChart option={option} height={text.elderly ? 400 : 320} ariaLabel={label} />
      <DataTable
        caption="受理与办结趋势"
        head={['时段', '受理', '已办结', '按时办结率', '满意率']}
        rows={series.map((s) => [bucketLabel(s.bucket, granularity), s.received, s.closed, pct(s.onTimeRate), pct(s.satisfactionRate)])}
      />
    </>
  );
}

/** Horizontal bars of received and overdue per name, the biggest at the top. */
export function RankBars({ rows, caption, unit = '件' }: { rows: (Rates & { name: string })[]; caption: string; unit?: string }) {
  const text = useChartText();
  const top = useMemo(() => rows.slice(0, 12), [rows]);
  const option = useMemo<EChartOption>(() => {
    const r = [...top].reverse();
    return {
      color: [COLORS.received, COLORS.overdue],
      textStyle: { fontSize: text.fontSize, color: text.color },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, textStyle: { fontSize: text.fontSize } },
      legend: { top: 0, textStyle: { fontSize: text.fontSize, color: text.color } },
      grid: { left: 8, right: 24, top: text.fontSize * 3, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: text.fontSize, color: text.color } },
      yAxis: { type: 'category', data: r.map((x) => x.name), axisLabel: { fontSize: text.fontSize, color: text.color, width: 130, overflow: 'truncate' } },
      series: [
        { name: '受理', type: 'bar', barMaxWidth: 16, data: r.map((x) => x.received) },
        { name: '超期', type: 'bar', barMaxWidth: 16, data: r.map((x) => x.overdue) },
      ],
    };
  }, [top, text.fontSize, text.color]);
  const label = `${caption}条形图，前 ${top.length} 名：${top
    .slice(0, 5)
    .map((x) => `${x.name} ${x.received} ${unit}`)
    .join('，')}${top.length > 5 ? '等' : ''}。`;
  const height = Math.max(220, top.length * (text.elderly ? 52 : 34) + 70);
  return (
    <>
      <EChart option={option} height={height} ariaLabel={label} />
      <DataTable
        caption={caption}
        head={['名称', '受理', '已办结', '按时办结率', '满意率', '超期']}
        rows={rows.map((x) => [x.name, x.received, x.closed, pct(x.onTimeRate), pct(x.satisfactionRate), x.overdue])}
      />
    </>
  );
}
