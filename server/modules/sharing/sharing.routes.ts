import { z } from 'zod';
import { typed, Page, errors, type App } from '../../platform/http.ts';
import { clientIp, requireUser } from '../../platform/auth.ts';
import { SharedSource } from '../../../domain/enums.ts';
import { ITEM_CODE } from '../../../domain/catalog.ts';
import { SHARED_RECORD_KINDS } from './adapter.ts';
import type { SharingService } from './sharing.service.ts';

const SOURCES = Object.values(SharedSource) as [SharedSource, ...SharedSource[]];
export const SharedSourceParam = z.enum(SOURCES, { error: '不支持的共享数据来源' });
export const Purpose = z.string({ error: '请填写用证事由' }).trim().min(1, '请填写用证事由').max(200, '用证事由不能超过 200 字');

const Field = z.object({ label: z.string(), value: z.string() });
const SharedRecord = z.object({
  kind: z.enum(SHARED_RECORD_KINDS), ref: z.string(), title: z.string(), provider: z.string(), issuedAt: z.string().nullable(), fields: z.array(Field),
});

const DataUsePage = z.object({
  items: z.array(z.object({
    at: z.string(), action: z.enum(['fetch', 'view']), actorName: z.string(), actorOrg: z.string().nullable(), purpose: z.string(),
    source: z.string(), sourceLabel: z.string(), recordKind: z.string(), recordTitle: z.string(), caseNo: z.string().nullable(),
  })),
  total: z.number().int(), page: z.number().int(), pageSize: z.number().int(),
});

/** A material taken from shared data in a submission (POST /api/applications, PUT drafts). */
export const SharedMaterialRef = z.object({
  name: z.string({ error: '请提供材料名称' }).trim().min(1, '材料名称不能为空').max(200, '材料名称不能超过 200 字'),
  source: SharedSourceParam,
  kind: z.enum(SHARED_RECORD_KINDS, { error: '数据类别只能是 licence 或 shared_record' }),
  ref: z.string({ error: '请提供数据编号 ref' }).trim().min(1, '数据编号不能为空').max(100, '数据编号过长'),
  purpose: Purpose,
  consent: z.boolean({ error: '请确认是否同意使用政府已有数据（consent）' }),
});
export const SharedMaterials = z.array(SharedMaterialRef).max(100, '共享材料不能超过 100 项');

export function sharingRoutes(app: App, svc: SharingService) {
  const r = typed(app);
  const tags = ['sharing'];

  r.get('/api/shared-data/:source', {
    schema: {
      tags, summary: '获取本人在政府共享数据/电子证照库中的数据（免提交）；须填写用证事由，每次获取都会记录',
      params: z.object({ source: SharedSourceParam }),
      querystring: z.object({ purpose: Purpose, itemCode: z.string().regex(ITEM_CODE, '事项编码格式不正确').optional() }),
      response: { 200: z.object({ source: z.string(), sourceLabel: z.string(), records: z.array(SharedRecord) }), ...errors(400, 401, 403) },
    },
  }, async (req) => svc.fetch(requireUser(req), req.params.source, req.query.purpose, req.query.itemCode, clientIp(req)));

  r.get('/api/my/data-use', {
    schema: { tags, summary: '本人数据的使用记录：谁、何时、为何获取或查看（最新在前）', querystring: Page, response: { 200: DataUsePage, ...errors(400, 401, 403) } },
  }, async (req) => svc.myDataUse(requireUser(req), req.query.page, req.query.pageSize));

  r.get('/api/sharing/summary', {
    schema: {
      tags, summary: '免提交统计：平台累计少交的材料份数；登录的申请人另有本人的份数',
      response: { 200: z.object({ total: z.number().int(), mine: z.number().int().nullable() }) },
    },
  }, async (req) => svc.summary(req.user));
}
