import { z } from 'zod';
import { typed, type App } from '../../platform/http.ts';
import { requireAdmin } from '../../platform/auth.ts';
import { isIsoDate } from '../../../domain/calendar.ts';
import type { CalendarService } from './calendar.service.ts';

const IsoDateParam = z.string().refine(isIsoDate, '日期格式应为 YYYY-MM-DD 且为有效日期');
const Year = z.coerce.number().int('年份应为整数').min(2000, '年份不能早于 2000').max(2100, '年份不能晚于 2100');

export function calendarRoutes(app: App, calendar: CalendarService) {
  const r = typed(app);
  const tags = ['calendar'];
  const admin = (req: Parameters<typeof requireAdmin>[0]) => requireAdmin(req, '只有系统管理员可以维护工作日历');

  r.get('/api/calendar/add-working-days', {
    schema: {
      tags, summary: '计算第 N 个工作日（受理当日不计）',
      querystring: z.object({ from: IsoDateParam, days: z.coerce.number().int('days 应为整数').min(0, 'days 不能为负').max(3650, 'days 不能超过 3650') }),
    },
  }, async (req) => calendar.addWorkingDays(req.query.from, req.query.days));

  r.get('/api/calendar/working-days-between', {
    schema: { tags, summary: '两日之间的工作日数（不含起始日）', querystring: z.object({ from: IsoDateParam, to: IsoDateParam }) },
  }, async (req) => ({ days: await calendar.workingDaysBetween(req.query.from, req.query.to) }));

  r.get('/api/calendar/years/:year', { schema: { tags, summary: '某年的节假日与调休', params: z.object({ year: Year }) } },
    async (req) => calendar.year(req.params.year));

  r.put('/api/calendar/days/:date', {
    schema: {
      tags, summary: '设置节假日或调休上班日（管理员）', params: z.object({ date: IsoDateParam }),
      body: z.object({ isOffDay: z.boolean({ error: 'isOffDay 应为布尔值' }), name: z.string().trim().max(40, '名称不能超过 40 字').nullable().default(null) }),
    },
  }, async (req) => {
    const u = admin(req);
    await calendar.setDay(req.params.date, req.body.isOffDay, req.body.name, u);
    return calendar.year(Number(req.params.date.slice(0, 4)));
  });

  r.delete('/api/calendar/days/:date', { schema: { tags, summary: '恢复为默认（周末休息）', params: z.object({ date: IsoDateParam }) } }, async (req) => {
    const u = admin(req);
    await calendar.clearDay(req.params.date, u);
    return calendar.year(Number(req.params.date.slice(0, 4)));
  });

  r.put('/api/calendar/years/:year', {
    schema: {
      tags, summary: '标记某年节假日安排已发布（管理员）', params: z.object({ year: Year }),
      body: z.object({ covered: z.boolean(), source: z.string().trim().max(300).default('管理员录入') }),
    },
  }, async (req) => {
    const u = admin(req);
    await calendar.setYearCovered(req.params.year, req.body.covered, req.body.source, u);
    return calendar.year(req.params.year);
  });
}
