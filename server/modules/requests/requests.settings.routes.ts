// Admin routes of the hotline's configuration: direct-dispatch rules and time limits.
import { z } from 'zod';
import { typed, type App } from '../../platform/http.ts';
import { requireAdmin } from '../../platform/auth.ts';
import { DispatchRuleInput, TimeLimitsInput, type RequestSettings } from './requests.settings.ts';

export function requestSettingsRoutes(app: App, settings: RequestSettings) {
  const r = typed(app);
  const tags = ['requests'];
  const Id = z.object({ id: z.coerce.number().int().positive('规则编号格式不正确') });
  const admin = (req: Parameters<typeof requireAdmin>[0]) => requireAdmin(req, '只有管理员可以修改诉求派单规则和办理时限');

  r.get('/api/admin/requests/dispatch-rules', { schema: { tags, summary: '直派规则列表（分类 + 街道 → 承办部门）' } }, async (req) => {
    admin(req);
    return settings.listRules();
  });
  r.post('/api/admin/requests/dispatch-rules', { schema: { tags, summary: '新建直派规则', body: DispatchRuleInput } }, async (req, reply) =>
    reply.code(201).send(await settings.createRule(req.body, admin(req))));
  r.put('/api/admin/requests/dispatch-rules/:id', { schema: { tags, summary: '修改直派规则', params: Id, body: DispatchRuleInput } }, async (req) =>
    settings.updateRule(req.params.id, req.body, admin(req)));
  r.delete('/api/admin/requests/dispatch-rules/:id', { schema: { tags, summary: '删除直派规则', params: Id } }, async (req, reply) => {
    await settings.deleteRule(req.params.id, admin(req));
    return reply.code(204).send();
  });

  // Anyone reads the time limits in GET /api/requests/meta; only an admin changes them.
  r.put('/api/admin/requests/time-limits', { schema: { tags, summary: '修改办理时限（工作日；紧急诉求为小时）', body: TimeLimitsInput } }, async (req) =>
    settings.setTimeLimits(req.body, admin(req)));
}
