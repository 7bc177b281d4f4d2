import type { Db } from '../platform/db/index.ts';
import { seedCatalog } from './catalog.ts';
import { seedDemoAccounts, type DemoAccount } from './demo-accounts.ts';
import { seedKnowledge } from './knowledge.ts';

export { DEMO_PASSWORD } from './demo-accounts.ts';
export { seedKnowledge } from './knowledge.ts';

/** Loads the demo catalog, calendar and accounts, once: a database that already has departments is left alone. */
export async function seedDemo(db: Db, opts: { fastHash: boolean }): Promise<{ seeded: boolean; accounts: DemoAccount[] }> {
  const has = await db.selectFrom('departments').select('id').limit(1).executeTakeFirst();
  if (has) {
    await seedKnowledge(db);
    // Accounts added by a newer version (e.g. the 12345 handlers) join an existing demo database.
    await seedDemoAccounts(db, opts.fastHash);
    const users = await db.selectFrom('users').select(['username', 'realName', 'roles', 'departmentId', 'kind']).where('isDemo', '=', true).orderBy('username').execute();
    return { seeded: false, accounts: users.map((u) => ({ username: u.username, kind: u.kind as DemoAccount['kind'], roles: u.roles, departmentId: u.departmentId, realName: u.realName, note: u.realName })) };
  }
  await seedCatalog(db);
  await seedKnowledge(db);
  const accounts = await seedDemoAccounts(db, opts.fastHash);
  return { seeded: true, accounts };
}
