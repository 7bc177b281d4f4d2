// Production must not run with demo accounts or known passwords.
import type { Config } from './config.ts';
import type { Db } from './db/index.ts';

export async function refuseUnsafeProduction(config: Config, db: Db | null) {
  if (!config.production) return;
  if (config.demo) throw new Error('NODE_ENV=production 时不能启用演示模式（TONGBAN_DEMO=1）：演示账号的密码是公开的。');
  if (!config.databaseUrl && !process.env.TONGBAN_ALLOW_PGLITE_IN_PRODUCTION) {
    // Allowed, but worth saying: PGlite has one connection and no replication.
    console.warn('提示：生产环境建议使用 PostgreSQL（设置 DATABASE_URL）。');
  }
  if (db) {
    const demo = await db.selectFrom('users').select('username').where('isDemo', '=', true).where('disabled', '=', false).limit(5).execute();
    if (demo.length) {
      throw new Error(`数据库中有使用公开密码的演示账号（${demo.map((d) => d.username).join(', ')}…）。请先停用或删除这些账号（npx tongban disable-demo-accounts），再以生产模式启动。`);
    }
  }
  if (!config.masterKey) throw new Error('生产环境须设置 TONGBAN_MASTER_KEY（32 位十六进制的 SM4 主密钥，用于加密各部门的签章私钥）。生成：npx tongban new-master-key');
}
