import type { Executor } from '../../platform/db/index.ts';
import type { Insertable } from 'kysely';
import type { UsersTable } from '../../platform/db/schema.ts';

export const findUserByUsername = (db: Executor, username: string) => db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
export const findUserById = (db: Executor, id: string) => db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
export const insertUser = (db: Executor, u: Insertable<UsersTable>) => db.insertInto('users').values(u).returningAll().executeTakeFirstOrThrow();

export const insertSession = (db: Executor, s: { tokenHash: string; userId: string; expiresAt: Date; ip: string | null; userAgent: string | null; createdAt: Date }) =>
  db.insertInto('sessions').values(s).execute();
export const deleteSession = (db: Executor, tokenHash: string) => db.deleteFrom('sessions').where('tokenHash', '=', tokenHash).execute();
export const deleteOtherSessions = (db: Executor, userId: string, keepHash: string) =>
  db.deleteFrom('sessions').where('userId', '=', userId).where('tokenHash', '!=', keepHash).execute();

export async function countFailures(db: Executor, username: string, ip: string, since: Date) {
  const [byUser, byIp] = await Promise.all([
    db.selectFrom('loginFailures').select((eb) => eb.fn.countAll<number>().as('n')).where('username', '=', username).where('at', '>', since).executeTakeFirstOrThrow(),
    db.selectFrom('loginFailures').select((eb) => eb.fn.countAll<number>().as('n')).where('ip', '=', ip).where('at', '>', since).executeTakeFirstOrThrow(),
  ]);
  return { byUser: Number(byUser.n), byIp: Number(byIp.n) };
}
export const insertFailure = (db: Executor, username: string, ip: string, at: Date) => db.insertInto('loginFailures').values({ username, ip, at }).execute();

export const setPassword = (db: Executor, id: string, passwordHash: string, at: Date) =>
  db.updateTable('users').set({ passwordHash, passwordChangedAt: at }).where('id', '=', id).execute();

const usersWithRole = (db: Executor, role?: string) => {
  const q = db.selectFrom('users');
  return role ? q.where((eb) => eb(eb.val(role), '=', eb.fn.any('roles'))) : q;
};
export const listUsers = (db: Executor, offset: number, limit: number, role?: string) =>
  usersWithRole(db, role).select(['id', 'username', 'kind', 'roles', 'departmentId', 'realName', 'phone', 'idNumber', 'companyName', 'disabled', 'createdAt'])
    .orderBy('username').offset(offset).limit(limit).execute();
export const countUsers = (db: Executor, role?: string) => usersWithRole(db, role).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
