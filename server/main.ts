// Reads the configuration, migrates, loads the demo data on first start, serves API and web, shuts down cleanly.
import { loadConfig } from './platform/config.ts';
import { openDatabase } from './platform/db/index.ts';
import { migrate } from './platform/db/migrate.ts';
import { buildApp } from './app.ts';
import { seedDemo, seedKnowledge, DEMO_PASSWORD } from './seed/index.ts';
import { DEMO_OPEN311_KEY } from './seed/demo-accounts.ts';
import { seedDemoRequests } from './seed/demo-requests.ts';
import { seedDemoLicences } from './seed/demo-licences.ts';
import { seedDemoSharedRecords } from './seed/demo-shared-records.ts';
import { refuseUnsafeProduction } from './platform/production.ts';
import { sealAudit } from './platform/audit.ts';

const config = loadConfig();
try {
  await refuseUnsafeProduction(config, null);
} catch (e) {
  console.error(`\n拒绝启动：${(e as Error).message}\n`);
  process.exit(1);
}

const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl ? undefined : `${config.dataDir}/pglite` });
const applied = await migrate(database.db);
let banner = '';
// Search vocabulary ships with the product: an empty knowledge base gets it on first start.
if (!config.demo) await seedKnowledge(database.db);
if (config.demo) {
  const { seeded, accounts } = await seedDemo(database.db, { fastHash: false });
  // 12345 requests of the last 30 days for the desk and the dashboard (only into an empty requests table; not in tests).
  const demoRequests = await seedDemoRequests(database.db, new Date());
  // Signed e-licences for the demo citizen and enterprise (only when they hold none yet).
  const demoLicences = await seedDemoLicences(database.db, config);
  // Data other systems hold about them (户籍, 社保, 公积金 …), for 免提交 (only into an empty table).
  const demoShared = await seedDemoSharedRecords(database.db);
  const staff = accounts.filter((a) => !a.username.startsWith('reviewer-') && !a.username.startsWith('handler-'));
  const reviewers = accounts.filter((a) => a.username.startsWith('reviewer-')).map((a) => a.username);
  const handlers = accounts.filter((a) => a.username.startsWith('handler-')).map((a) => a.username);
  banner = [
    seeded ? '已载入演示数据（28 个部门、257 个事项、12 个一件事、2007–2026 年工作日历）。' : '沿用已有数据。',
    ...(demoRequests ? [`已载入 ${demoRequests} 条近 30 天的 12345 演示诉求。`] : []),
    ...(demoLicences ? [`已为 citizen 和 enterprise 签发 ${demoLicences} 本演示电子证照（卡包）。`] : []),
    ...(demoShared ? [`已载入 ${demoShared} 条演示共享数据（户籍、社保、公积金等），办事时可免提交。`] : []),
    `演示账号（密码均为 ${DEMO_PASSWORD}）：`,
    ...staff.map((a) => `  ${a.username.padEnd(12)} ${a.note}`),
    `  ${reviewers.slice(0, 4).join(', ')} … 共 ${reviewers.length} 个部门审批账号（reviewer-<部门编号>）`,
    `  ${handlers.slice(0, 4).join(', ')} … 共 ${handlers.length} 个部门和街道的 12345 诉求承办账号（handler-<部门编号>）`,
    `Open311 演示客户端 api_key：${DEMO_OPEN311_KEY}（POST /open311/v2/requests.json）`,
  ].join('\n');
}
try {
  await refuseUnsafeProduction(config, database.db);
} catch (e) {
  console.error(`\n拒绝启动：${(e as Error).message}\n`);
  await database.close();
  process.exit(1);
}

const app = await buildApp({ config, database, auditSealIntervalMs: 2000, jobsIntervalMs: 60_000, warmUp: true });
await app.listen({ port: config.port, host: config.host });
const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${config.port}`;
console.log(`
通办 Tongban 已启动
  网址:     ${url}
  接口文档: ${url}/api/docs
  数据库:   ${database.kind === 'pglite' ? `内嵌 PGlite（${config.dataDir}/pglite）` : 'PostgreSQL（DATABASE_URL）'}
  迁移:     ${applied.length ? `本次执行 ${applied.join(', ')}` : '已是最新'}
${banner}
`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, 'shutting down');
  await app.close();
  await sealAudit(database.db).catch(() => undefined);
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
