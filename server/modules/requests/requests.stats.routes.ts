// HTTP of the 12345 reports: the dashboard figures and the daily report as Excel.
import { z } from 'zod';
import { typed, type App } from '../../platform/http.ts';
import { requireUser } from '../../platform/auth.ts';
import type { AppDeps } from '../../deps.ts';
import { isIsoDate } from '../../../domain/calendar.ts';
import { StatsGranularity } from '../../../domain/request-stats.ts';
import { createRequestStats } from './requests.stats.ts';
import { attachment, dailyWorkbook } from './requests.stats.xlsx.ts';

const ChinaDate = (what: string) => z.string().refine(isIsoDate, `${what}应为 YYYY-MM-DD 格式的日期`);
const DepartmentId = z.string().trim().regex(/^[a-z]{1,40}$/, '部门编号格式不正确').optional();

export function requestStatsRoutes(app: App, deps: Pick<AppDeps, 'db' | 'clock'>) {
  const stats = createRequestStats(deps.db, deps.clock);
  const r = typed(app);
  const tags = ['requests'];

  r.get('/api/requests/stats', {
    schema: {
      tags, summary: '诉求统计：受理、按时办结率、解决率、满意率、退单、超期，趋势、分类、部门排名、热点',
      querystring: z.object({
        from: ChinaDate('开始日期').optional(),
        to: ChinaDate('结束日期').optional(),
        departmentId: DepartmentId,
        granularity: z.enum(Object.values(StatsGranularity) as [StatsGranularity, ...StatsGranularity[]], { message: '统计粒度应为 day、week 或 month' }).default('day'),
      }),
    },
  }, async (req) => stats.stats(requireUser(req), { ...req.query, departmentId: req.query.departmentId || undefined }));

  r.get('/api/requests/stats/daily.xlsx', {
    schema: { tags, summary: '诉求日报（Excel）', querystring: z.object({ date: ChinaDate('日期').optional(), departmentId: DepartmentId }) },
  }, async (req, reply) => {
    const d = await stats.daily(requireUser(req), req.query.date, req.query.departmentId || undefined);
    const name = `12345诉求日报-${d.departmentName ? `${d.departmentName}-` : ''}${d.date}.xlsx`;
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', attachment(`12345-daily-report-${d.date}.xlsx`, name))
      .header('cache-control', 'no-store')
      .send(await dailyWorkbook(d));
  });
}
