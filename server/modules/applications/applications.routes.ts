import { z } from 'zod';
import { typed, Page, errors, type App } from '../../platform/http.ts';
import { clientIp, requireUser } from '../../platform/auth.ts';
import { ApplicationAction, ApplicationStatus } from '../../../domain/workflow.ts';
import { ITEM_CODE } from '../../../domain/catalog.ts';
import { invalid } from '../../../domain/errors.ts';
import { SharedMaterials } from '../sharing/index.ts';
import type { ApplicationsService } from './applications.service.ts';

const MaterialRef = z.object({
  name: z.string().trim().min(1, '材料名称不能为空').max(200, '材料名称不能超过 200 字'),
  fileId: z.uuid('文件编号格式不正确'),
});
const FormData = z.record(z.string().max(60, '字段名过长'), z.union([z.string().max(2000, '字段内容不能超过 2000 字'), z.number(), z.boolean(), z.null()]))
  .refine((o) => Object.keys(o).length <= 50, '表单字段不能超过 50 个');
const Id = z.object({ id: z.uuid('办件编号格式不正确') });
const IdempotencyKey = z.string().min(1).max(100, 'Idempotency-Key 不能超过 100 个字符');

export function applicationsRoutes(app: App, svc: ApplicationsService) {
  const r = typed(app);
  const tags = ['applications'];

  r.post('/api/applications', {
    schema: {
      tags, summary: '提交申请（或保存草稿）；Idempotency-Key 相同则返回同一办件；sharedMaterials 为经申请人同意使用的政府已有数据（免提交）',
      headers: z.object({ 'idempotency-key': IdempotencyKey.optional() }).passthrough(),
      body: z.object({
        itemCode: z.string({ error: '请提供事项编码 itemCode' }).regex(ITEM_CODE, '事项编码格式不正确'),
        formData: FormData.default({}),
        materials: z.array(MaterialRef).max(100, '材料不能超过 100 份').default([]),
        sharedMaterials: SharedMaterials.default([]),
        draft: z.boolean().optional(),
      }),
      response: {
        201: z.object({ id: z.string(), caseNo: z.string(), status: z.string(), dueDate: z.string().nullable(), dueDateProvisional: z.boolean(), checklist: z.array(z.any()) }),
        ...errors(400, 401, 403),
      },
    },
  }, async (req, reply) => {
    const user = requireUser(req);
    const { replayed, row, checklist } = await svc.create(user, req.body, req.headers['idempotency-key'], clientIp(req));
    if (replayed) reply.header('idempotent-replayed', 'true');
    return reply.status(201).send({ id: row.id, caseNo: row.caseNo, status: row.status, dueDate: row.dueDate, dueDateProvisional: row.dueDateProvisional, checklist });
  });

  r.get('/api/applications', {
    schema: {
      tags, summary: '办件列表：申请人看本人的；综合窗口看全部；审批人员看本部门',
      querystring: Page.extend({
        status: z.enum(Object.values(ApplicationStatus) as [string, ...string[]], { error: '办件状态不正确' }).optional(),
        departmentId: z.string().max(40).optional(),
        itemCode: z.string().max(40).optional(),
        q: z.string().trim().max(50, '检索词不能超过 50 字').optional(),
        sort: z.enum(['timeLeft', 'newest'], { error: '排序只能是 timeLeft 或 newest' }).optional(),
      }),
    },
  }, async (req) => svc.list(requireUser(req), { ...req.query, q: req.query.q || undefined }));

  r.get('/api/applications/summary', { schema: { tags, summary: '工作台统计（待受理、预警、超期…）' } }, async (req) => svc.summary(requireUser(req)));

  r.get('/api/applications/:id', { schema: { tags, summary: '办件详情（含时间线）', params: Id } }, async (req) =>
    svc.detail(requireUser(req), req.params.id, clientIp(req)));

  r.put('/api/applications/:id', {
    schema: {
      tags, summary: '修改草稿', params: Id,
      body: z.object({ formData: FormData.default({}), materials: z.array(MaterialRef).max(100).default([]), sharedMaterials: SharedMaterials.default([]) }),
    },
  }, async (req) => svc.updateDraft(requireUser(req), req.params.id, req.body.formData, req.body.materials, req.body.sharedMaterials, clientIp(req)));

  r.get('/api/applications/:id/licence-draft', {
    schema: { tags, summary: '办结时将签发的电子证照（类型和字段值，经办人员可在办结时修改非持证人字段）', params: Id },
  }, async (req) => svc.licenceDraft(requireUser(req), req.params.id));

  r.post('/api/applications/:id/actions', {
    schema: {
      tags, summary: '办件操作：accept|reject|request_correction|resubmit|suspend|resume|approve|deny|complete|withdraw|submit',
      params: Id,
      body: z.object({
        action: z.enum(Object.values(ApplicationAction) as [ApplicationAction, ...ApplicationAction[]], { error: '不支持的操作' }),
        comment: z.string().max(2000, '意见不能超过 2000 字').optional(),
        missingMaterials: z.array(z.string().max(200, '材料名称不能超过 200 字')).max(100).optional(),
        materials: z.array(MaterialRef).max(100).optional(),
        version: z.number().int().min(1).optional(),
        licenceFields: z.record(z.string().max(40), z.string().trim().max(500, '证照字段不能超过 500 字')).refine((o) => Object.keys(o).length <= 40, '证照字段过多').optional(),
      }),

    },
  }, async (req) => {
    if (req.body.missingMaterials && req.body.action !== 'request_correction') throw invalid('missingMaterials', '只有“一次性告知补正”需要填写缺少的材料');
    if (req.body.licenceFields && req.body.action !== 'complete') throw invalid('licenceFields', '只有“办结”时可以填写证照内容');
    return svc.act(requireUser(req), req.params.id, req.body, clientIp(req));
  });
}
