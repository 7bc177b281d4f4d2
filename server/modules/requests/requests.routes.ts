import { z } from 'zod';
import { typed, type App } from '../../platform/http.ts';
import { hasRole, requireUser } from '../../platform/auth.ts';
import { Role } from '../../../domain/enums.ts';
import { forbidden } from '../../../domain/errors.ts';
import { IntakeInput, type RequestsService } from './requests.service.ts';
import { ActionInput } from './requests.actions.ts';
import { boolParam, Page } from '../../platform/http.ts';
import { RequestStatus } from '../../../domain/requests.ts';

export function requestsRoutes(app: App, service: RequestsService) {
  const r = typed(app);
  const tags = ['requests'];
  r.post('/api/requests', { schema: { tags, summary: '提交 12345 诉求（可匿名）', body: IntakeInput } }, async (req, reply) =>
    reply.code(201).send(await service.intake(req.body, req.user ?? null)));
  r.post('/api/requests/classify', {
    schema: { tags, summary: '诉求自动分类（话务员界面用；不写记录）', body: z.object({ text: z.string().trim().min(1, '请输入诉求内容').max(4000, '诉求内容不能超过 4000 字') }) },
  }, async (req) => {
    if (!hasRole(requireUser(req), Role.operator, Role.supervisor, Role.admin)) throw forbidden('只有热线中心可以使用自动分类');
    const { urgent, ...c } = await service.classify(req.body.text);
    return { ...c, urgent };
  });
  r.get('/api/requests/meta', { schema: { tags, summary: '诉求表单用的分类、地点、类型和办理时限' } }, async () => service.meta());
  r.get('/api/requests', {
    schema: {
      tags, summary: '诉求列表（热线全部、部门本部门、群众本人）',
      querystring: Page.extend({
        status: z.enum(Object.values(RequestStatus) as [string, ...string[]]).optional(), departmentId: z.string().max(40).optional(),
        category: z.string().max(20).optional(), type: z.string().max(4).optional(), urgent: boolParam.optional(), supervised: boolParam.optional(),
        overdue: boolParam.optional(), warning: boolParam.optional(), sort: z.enum(['due', 'newest'], { message: '排序应为 due 或 newest' }).optional(), q: z.string().trim().max(100).optional(),
      }),
    },
  }, async (req) => {
    const { page, pageSize, ...f } = req.query;
    return service.list(f, requireUser(req), page, pageSize);
  });

  r.post('/api/requests/:id/actions', { schema: { tags, summary: '诉求办理操作', params: z.object({ id: z.uuid('诉求编号格式不正确') }), body: ActionInput } }, async (req) => {
    const user = requireUser(req);
    await service.act(req.params.id, req.body, user);
    return service.get(req.params.id, user);
  });

  r.get('/api/requests/:id', { schema: { tags, summary: '诉求详情（含流转记录）', params: z.object({ id: z.uuid('诉求编号格式不正确') }) } }, async (req) =>
    service.get(req.params.id, requireUser(req)));
}
