import { z } from 'zod';
import { typed, Page, type App } from '../../platform/http.ts';
import { requireUser } from '../../platform/auth.ts';
import { ItemContent, ITEM_CODE } from '../../../domain/catalog.ts';
import { ApplicantType, OnlineDepth } from '../../../domain/enums.ts';
import { boolParam } from '../../platform/http.ts';
import type { CatalogService } from './catalog.service.ts';
import { assertCanEditCatalog } from './catalog.policy.ts';

const Code = z.object({ code: z.string().regex(ITEM_CODE, '事项编码格式不正确') });

export function catalogRoutes(app: App, catalog: CatalogService) {
  const r = typed(app);
  const tags = ['catalog'];

  r.get('/api/departments', { schema: { tags, summary: '部门列表' } }, async () => ({ departments: await catalog.departments() }));
  r.get('/api/tags', { schema: { tags, summary: '主题标签' } }, async () => ({ tags: await catalog.tags() }));

  r.get('/api/items', {
    schema: {
      tags, summary: '事项列表（按部门、主题、服务对象、办理深度、跨省通办筛选；名称检索）',
      querystring: Page.extend({
        q: z.string().trim().max(100, '检索词不能超过 100 字').optional(),
        departmentId: z.string().max(40).optional(),
        tag: z.string().max(20).optional(),
        applicantType: z.enum(Object.values(ApplicantType) as [string, ...string[]]).optional(),
        onlineDepth: z.enum(Object.values(OnlineDepth) as [string, ...string[]]).optional(),
        crossProvince: boolParam.optional(),
      }),
    },
  }, async (req) => {
    const { page, pageSize, ...filter } = req.query;
    return catalog.listItems({ ...filter, q: filter.q || undefined }, page, pageSize);
  });

  r.get('/api/items/popular', {
    schema: { tags, summary: '热门事项', querystring: z.object({ limit: z.coerce.number().int().min(1).max(50).default(8) }) },
  }, async (req) => ({ items: await catalog.popularItems(req.query.limit) }));

  r.get('/api/items/:code', { schema: { tags, summary: '办事指南', params: Code } }, async (req) => catalog.getItem(req.params.code));

  r.post('/api/items', { schema: { tags, summary: '新建事项（管理员）', body: ItemContent } }, async (req, reply) => {
    const user = requireUser(req);
    assertCanEditCatalog(user);
    return reply.code(201).send(await catalog.createItem(req.body, user));
  });

  r.put('/api/items/:code', {
    schema: { tags, summary: '修改事项（管理员；产生新版本）', params: Code, body: ItemContent.extend({ version: z.number().int().min(1) }) },
  }, async (req) => {
    const user = requireUser(req);
    assertCanEditCatalog(user);
    const { version, ...content } = req.body;
    return catalog.updateItem(req.params.code, content, version, user);
  });

  r.get('/api/items/:code/versions', { schema: { tags, summary: '事项历史版本', params: Code } }, async (req) => ({ versions: await catalog.itemVersions(req.params.code) }));
  r.get('/api/items/:code/versions/:version', {
    schema: { tags, summary: '事项某一版本', params: Code.extend({ version: z.coerce.number().int().min(1).max(100000) }) },
  }, async (req) => catalog.itemVersion(req.params.code, req.params.version));

  r.get('/api/bundles', { schema: { tags, summary: '一件事列表' } }, async () => ({ bundles: await catalog.bundles() }));
  r.get('/api/bundles/:code', { schema: { tags, summary: '一件事详情', params: Code } }, async (req) => catalog.getBundle(req.params.code));
}
