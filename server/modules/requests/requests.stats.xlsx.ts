// The daily report (日报) as an Excel workbook: the day and the month to date, by department, by
// category, and the day's requests. Phones are masked and anonymous or confidential filers unnamed.
import ExcelJS from 'exceljs';
import { chinaDate } from '../../../domain/calendar.ts';
import { maskName, maskPhone } from '../../../domain/codes.ts';
import { RequestChannelLabel, RequestStatusLabel, type RequestChannel, type RequestStatus } from '../../../domain/requests.ts';
import type { RequestFigures } from '../../../domain/request-stats.ts';
import type { RequestStats } from './requests.stats.ts';

type Daily = Awaited<ReturnType<RequestStats['daily']>>;
type Column = { header: string; key: string; width: number; pct?: boolean };

const NONE = '—';
/** 2026-03-02 10:05 in China time. */
const chinaTime = (d: Date | string | null) => {
  if (!d) return '';
  const t = new Date(d);
  return `${chinaDate(t)} ${new Date(t.getTime() + 8 * 3_600_000).toISOString().slice(11, 16)}`;
};

function sheet(wb: ExcelJS.Workbook, name: string, columns: Column[], rows: Record<string, unknown>[]) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  for (const r of rows) {
    // A rate without a denominator is shown as a dash, not 0 %.
    ws.addRow(Object.fromEntries(columns.map((c) => [c.key, c.pct && (r[c.key] === null || r[c.key] === undefined) ? NONE : r[c.key]])));
  }
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF9' } };
  columns.forEach((c, i) => {
    if (c.pct) ws.getColumn(i + 1).numFmt = '0.0%';
  });
  return ws;
}

const FIGURES: { key: keyof RequestFigures; label: string; pct?: boolean }[] = [
  { key: 'received', label: '受理量（件）' },
  { key: 'closed', label: '其中已办结（件）' },
  { key: 'onTimeRate', label: '按时办结率', pct: true },
  { key: 'resolutionRate', label: '解决率', pct: true },
  { key: 'satisfactionRate', label: '满意率', pct: true },
  { key: 'returns', label: '退单（次）' },
  { key: 'overdue', label: '超期未办结（件）' },
  { key: 'urgent', label: '紧急（件）' },
  { key: 'supervised', label: '督办（件）' },
  { key: 'reopened', label: '重办（件）' },
];

function onTime(r: Daily['requests'][number], now: Date): string {
  if (r.status === 'closed') return r.closedOnTime ? '按时办结' : '超时办结';
  return new Date(r.dueAt) < now ? '已超期' : '未到期';
}

export async function dailyWorkbook(d: Daily): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '通办 12345 热线';
  wb.created = d.now;
  const scope = d.departmentName ?? '全部（热线中心）';

  const summary = sheet(wb, '汇总', [
    { header: '指标', key: 'label', width: 22 },
    { header: `当日（${d.date}）`, key: 'day', width: 18 },
    { header: `本月累计（${d.month.from} 至 ${d.date}）`, key: 'month', width: 30 },
  ], []);
  for (const f of FIGURES) {
    const cell = (v: number | null) => (f.pct && v === null ? NONE : v);
    const row = summary.addRow({ label: f.label, day: cell(d.today.totals[f.key]), month: cell(d.month.totals[f.key]) });
    if (f.pct) row.numFmt = '0.0%';
  }
  summary.addRow([]);
  summary.addRow(['统计范围', scope]);
  summary.addRow(['统计口径', '当日/本月受理的诉求及其目前的办理情况；比率的定义见系统文档']);
  summary.addRow(['生成时间', chinaTime(d.now)]);

  const monthDept = new Map(d.month.byDepartment.map((r) => [r.departmentId, r]));
  const dayDept = new Map(d.today.byDepartment.map((r) => [r.departmentId, r]));
  sheet(wb, '按部门', [
    { header: '承办部门', key: 'name', width: 20 },
    { header: '当日受理', key: 'dayReceived', width: 11 },
    { header: '当日办结', key: 'dayClosed', width: 11 },
    { header: '本月受理', key: 'received', width: 11 },
    { header: '本月办结', key: 'closed', width: 11 },
    { header: '按时办结率', key: 'onTimeRate', width: 12, pct: true },
    { header: '解决率', key: 'resolutionRate', width: 10, pct: true },
    { header: '满意率', key: 'satisfactionRate', width: 10, pct: true },
    { header: '退单（次）', key: 'returns', width: 11 },
    { header: '超期未办结', key: 'overdue', width: 12 },
  ], [...new Set([...monthDept.keys(), ...dayDept.keys()])].map((id) => {
    const m = monthDept.get(id);
    const t = dayDept.get(id);
    return { ...m, name: m?.departmentName ?? t?.departmentName, dayReceived: t?.received ?? 0, dayClosed: t?.closed ?? 0, received: m?.received ?? 0, closed: m?.closed ?? 0 };
  }));

  const dayCat = new Map(d.today.byCategory.map((r) => [r.category, r]));
  sheet(wb, '按分类', [
    { header: '诉求分类', key: 'category', width: 16 },
    { header: '当日受理', key: 'dayReceived', width: 11 },
    { header: '本月受理', key: 'received', width: 11 },
    { header: '本月办结', key: 'closed', width: 11 },
    { header: '按时办结率', key: 'onTimeRate', width: 12, pct: true },
    { header: '满意率', key: 'satisfactionRate', width: 10, pct: true },
    { header: '超期未办结', key: 'overdue', width: 12 },
  ], d.month.byCategory.map((c) => ({ ...c, dayReceived: dayCat.get(c.category)?.received ?? 0 })));

  sheet(wb, '当日诉求清单', [
    { header: '工单号', key: 'ticketNo', width: 18 },
    { header: '受理时间', key: 'receivedAt', width: 17 },
    { header: '渠道', key: 'channel', width: 11 },
    { header: '类型', key: 'type', width: 7 },
    { header: '分类', key: 'category', width: 12 },
    { header: '承办部门', key: 'department', width: 18 },
    { header: '街道', key: 'street', width: 10 },
    { header: '社区', key: 'community', width: 11 },
    { header: '联系人', key: 'contact', width: 10 },
    { header: '联系电话', key: 'phone', width: 14 },
    { header: '状态', key: 'status', width: 14 },
    { header: '办理时限', key: 'dueAt', width: 17 },
    { header: '是否按时', key: 'onTime', width: 10 },
  ], d.requests.map((r) => {
    const hidden = r.anonymous || r.confidential;
    return {
      ticketNo: r.ticketNo, receivedAt: chinaTime(r.receivedAt), channel: RequestChannelLabel[r.channel as RequestChannel] ?? r.channel,
      type: r.urgent ? `${r.type}（急）` : r.type, category: r.category, department: r.departmentName || '未派单',
      street: r.streetName, community: r.community ?? '', contact: hidden ? (r.anonymous ? '匿名' : '保密') : (maskName(r.contactName) ?? ''),
      phone: hidden ? '' : (maskPhone(r.phone) ?? ''), status: RequestStatusLabel[r.status as RequestStatus] ?? r.status,
      dueAt: chinaTime(r.dueAt), onTime: onTime(r, d.now),
    };
  }));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Content-Disposition for a Chinese file name (RFC 6266 / RFC 5987), with an ASCII fallback. */
export function attachment(asciiName: string, name: string): string {
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
