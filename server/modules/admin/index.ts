// Administration that spans modules: the audit trail.
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { typed, Page, type App } from '../../platform/http.ts';
import { requireAdmin } from '../../platform/auth.ts';
import { sealAudit, verifyAudit } from '../../platform/audit.ts';

export function registerAdmin(app: App, deps: AppDeps) {
  const r = typed(app);
  const tags = ['admin'];
  const admin = (req: Parameters<typeof requireAdmin>[0]) => requireAdmin(req, '只有系统管理员可以查看审计日志');

  r.get('/api/admin/audit', { schema: { tags, summary: '审计日志', querystring: Page.extend({ action: z.string().max(60).optional() }) } }, async (req) => {
    admin(req);
    let q = deps.db.selectFrom('auditLog');
    if (req.query.action) q = q.where('action', 'like', `${req.query.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    const [rows, total] = await Promise.all([
      q.selectAll().orderBy('id', 'desc').offset((req.query.page - 1) * req.query.pageSize).limit(req.query.pageSize).execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return {
      items: rows.map((r) => ({ id: r.id, seq: r.seq, at: new Date(r.at).toISOString(), actorName: r.actorName, action: r.action, targetType: r.targetType, targetId: r.targetId, detail: r.detail, ip: r.ip, sealed: !!r.hash })),
      total: Number(total.n),
    };
  });

  r.post('/api/admin/audit/verify', { schema: { tags, summary: '校验审计日志哈希链' } }, async (req) => {
    admin(req);
    await sealAudit(deps.db);
    return verifyAudit(deps.db);
  });
}
