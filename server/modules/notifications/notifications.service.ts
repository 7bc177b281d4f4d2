import type { Db, Executor } from '../../platform/db/index.ts';
import type { Clock } from '../../platform/clock.ts';

export interface NewNotification { userId: string; title: string; body: string; link?: string }

/** Written in the caller's transaction, so a notification exists exactly when its cause does. */
export async function notify(db: Executor, n: NewNotification, at: Date) {
  await db.insertInto('notifications').values(notificationRow(n, at)).execute();
}

/** The notifications row (for callers that insert it as part of a larger statement). */
export const notificationRow = (n: NewNotification, at: Date) => ({ userId: n.userId, title: n.title, body: n.body, link: n.link ?? null, createdAt: at });

export function createNotificationsService(db: Db, clock: Clock) {
  return {
    async list(userId: string, offset: number, limit: number, unreadOnly: boolean) {
      let q = db.selectFrom('notifications').selectAll().where('userId', '=', userId);
      if (unreadOnly) q = q.where('readAt', 'is', null);
      const [rows, unread, total] = await Promise.all([
        q.orderBy('id', 'desc').offset(offset).limit(limit).execute(),
        db.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n')).where('userId', '=', userId).where('readAt', 'is', null).executeTakeFirstOrThrow(),
        db.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n')).where('userId', '=', userId).executeTakeFirstOrThrow(),
      ]);
      return {
        items: rows.map((r) => ({ id: r.id, title: r.title, body: r.body, link: r.link, createdAt: new Date(r.createdAt).toISOString(), readAt: r.readAt ? new Date(r.readAt).toISOString() : null })),
        unread: Number(unread.n),
        total: Number(total.n),
      };
    },
    async markRead(userId: string, id: number) {
      const res = await db.updateTable('notifications').set({ readAt: clock.now() }).where('id', '=', id).where('userId', '=', userId).where('readAt', 'is', null).executeTakeFirst();
      return Number(res.numUpdatedRows);
    },
    async isMine(userId: string, id: number) {
      return !!(await db.selectFrom('notifications').select('id').where('id', '=', id).where('userId', '=', userId).executeTakeFirst());
    },
    async markAllRead(userId: string) {
      const res = await db.updateTable('notifications').set({ readAt: clock.now() }).where('userId', '=', userId).where('readAt', 'is', null).executeTakeFirst();
      return Number(res.numUpdatedRows);
    },
  };
}
