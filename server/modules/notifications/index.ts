import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { typed, Page, type App } from '../../platform/http.ts';
import { requireUser } from '../../platform/auth.ts';
import { notFound } from '../../../domain/errors.ts';
import { createNotificationsService } from './notifications.service.ts';

export { notify, notificationRow } from './notifications.service.ts';

export function registerNotifications(app: App, deps: AppDeps) {
  const service = createNotificationsService(deps.db, deps.clock);
  const r = typed(app);
  const tags = ['notifications'];
  r.get('/api/notifications', { schema: { tags, summary: '我的消息', querystring: Page.extend({ unread: z.enum(['true', 'false']).optional() }) } }, async (req) => {
    const u = requireUser(req);
    return service.list(u.id, (req.query.page - 1) * req.query.pageSize, req.query.pageSize, req.query.unread === 'true');
  });
  r.post('/api/notifications/:id/read', { schema: { tags, summary: '标为已读', params: z.object({ id: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER) }) } }, async (req) => {
    const u = requireUser(req);
    // Nothing updated: already read (fine) or not this user's message (not found, whoever's it is).
    if (!(await service.markRead(u.id, req.params.id)) && !(await service.isMine(u.id, req.params.id))) {
      throw notFound('NOTIFICATION_NOT_FOUND', '消息不存在');
    }
    return { ok: true };
  });
  r.post('/api/notifications/read-all', { schema: { tags, summary: '全部标为已读' } }, async (req) => ({ updated: await service.markAllRead(requireUser(req).id) }));
  return service;
}
