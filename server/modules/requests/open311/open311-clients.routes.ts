// Administrators issue and revoke the api_keys of Open311 client applications.
import { z } from 'zod';
import { typed, type App } from '../../../platform/http.ts';
import { clientIp, requireAdmin } from '../../../platform/auth.ts';
import type { Open311Service } from './open311.service.ts';

const tags = ['open311'];
const NOT_ADMIN = '只有管理员可以管理 Open311 接入客户端';

export function open311ClientRoutes(app: App, service: Open311Service) {
  const r = typed(app);
  r.get('/api/admin/open311-clients', { schema: { tags, summary: 'Open311 接入客户端列表（不含密钥）' } }, async (req) => {
    requireAdmin(req, NOT_ADMIN);
    return { items: await service.clients() };
  });
  r.post('/api/admin/open311-clients', {
    schema: { tags, summary: '新建 Open311 接入客户端（密钥只在此时返回一次）', body: z.object({ name: z.string().trim().min(2, '名称至少 2 个字').max(60, '名称不能超过 60 字') }) },
  }, async (req, reply) => {
    const user = requireAdmin(req, NOT_ADMIN);
    return reply.code(201).send(await service.createClient(req.body.name, user, clientIp(req)));
  });
  r.delete('/api/admin/open311-clients/:id', {
    schema: { tags, summary: '吊销 Open311 接入客户端的密钥', params: z.object({ id: z.coerce.number().int('编号应为整数').min(1, '编号应为正整数').max(2 ** 53, '编号过大') }) },
  }, async (req) => {
    const user = requireAdmin(req, NOT_ADMIN);
    return service.revokeClient(req.params.id, user, clientIp(req));
  });
}
