// tongban <command>: operations on the configured database (DATABASE_URL, or PGlite in TONGBAN_DATA_DIR).
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/platform/config.ts';
import { openDatabase, type Database } from '../server/platform/db/index.ts';
import { migrate } from '../server/platform/db/migrate.ts';
import { sealAudit, verifyAudit } from '../server/platform/audit.ts';
import { seedDemo, seedKnowledge } from '../server/seed/index.ts';
import { hashPassword, passwordProblem } from '../server/platform/passwords.ts';
import { Role } from '../domain/enums.ts';
import { createCalendarService } from '../server/modules/calendar/calendar.service.ts';
import { createCatalogService } from '../server/modules/catalog/catalog.service.ts';
import { createApplicationsService } from '../server/modules/applications/applications.service.ts';
import { systemClock } from '../server/platform/clock.ts';
import { sm4GenerateKey } from '../server/platform/sm.ts';
import { verifyLicenceCommand } from './verify-licence.ts';

const HELP = `用法: npx tongban <命令>

  migrate                        执行数据库迁移
  seed                           载入演示数据（空库时；生产模式拒绝）
  seed-knowledge                 载入随产品提供的搜索知识库（知识库为空时）
  audit verify                   校验审计日志哈希链，报告第一条被篡改的记录
  create-user --username U --role admin|clerk|reviewer|operator --name 姓名 [--department ID]
                                 创建工作人员账号，密码从环境变量 TONGBAN_NEW_PASSWORD 读取
  disable-demo-accounts          停用全部演示账号（上线前执行）
  train                          用随产品提供的样本和话务员确认过的诉求重新训练 12345 分类模型
  verify-licence <PDF文件|二维码内容> [--keys URL|文件] [--json]
                                 仅用公布的公钥离线核验电子证照（默认取 $TONGBAN_PUBLIC_URL/api/licences/keys）
  new-master-key                 生成一个 SM4 主密钥（TONGBAN_MASTER_KEY），用于加密各部门签章私钥
  recompute-deadlines [--from YYYY-MM-DD]
                                 按当前工作日历重算未办结办件的到期日

数据库: 设置 DATABASE_URL=postgres://… 使用 PostgreSQL；否则使用 TONGBAN_DATA_DIR（默认 ./var/data）中的内嵌 PGlite。`;

async function open(): Promise<Database> {
  const config = loadConfig();
  return openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl ? undefined : `${config.dataDir}/pglite`, poolSize: 4 });
}

async function run(argv: string[]): Promise<number> {
  const [cmd, sub, ...rest] = argv;
  const config = loadConfig();
  if (!cmd || cmd === 'help' || cmd === '--help') {
    console.log(HELP);
    return cmd ? 0 : 1;
  }
  // Commands that need no database.
  if (cmd === 'verify-licence') return verifyLicenceCommand([sub, ...rest].filter((a): a is string => a !== undefined));
  if (cmd === 'new-master-key') {
    console.log(sm4GenerateKey());
    return 0;
  }
  const database = await open();
  try {
    const db = database.db;
    switch (cmd) {
      case 'migrate': {
        const applied = await migrate(db);
        console.log(applied.length ? `已执行迁移：${applied.join(', ')}` : '数据库已是最新');
        return 0;
      }
      case 'seed': {
        if (config.production) {
          console.error('生产模式下不能载入演示数据');
          return 1;
        }
        await migrate(db);
        const r = await seedDemo(db, { fastHash: false });
        console.log(r.seeded ? `已载入演示数据和 ${r.accounts.length} 个演示账号` : '数据库已有数据，未重复载入');
        return 0;
      }
      case 'seed-knowledge': {
        await migrate(db);
        const n = await seedKnowledge(db);
        console.log(n ? `已载入搜索知识库 ${n} 条` : '知识库已有词条，未重复载入（请在管理后台“知识库”中维护）');
        return 0;
      }
      case 'audit': {
        if (sub !== 'verify') {
          console.error('用法: npx tongban audit verify');
          return 1;
        }
        await migrate(db);
        const sealed = await sealAudit(db);
        const r = await verifyAudit(db);
        if (r.ok) {
          console.log(`审计日志完整：共校验 ${r.checked} 条${sealed ? `（本次封存 ${sealed} 条）` : ''}`);
          return 0;
        }
        console.error(`审计日志被篡改：第一条异常记录 seq=${r.firstBadSeq}${r.firstBadId ? ` id=${r.firstBadId}` : ''}，${r.reason}（此前 ${r.checked} 条完好）`);
        return 2;
      }
      case 'create-user': {
        const { values } = parseArgs({ args: [sub, ...rest].filter(Boolean) as string[], options: { username: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' }, department: { type: 'string' } } });
        const password = process.env.TONGBAN_NEW_PASSWORD ?? '';
        const problem = passwordProblem(password);
        if (!values.username || !values.role || !values.name) {
          console.error('缺少参数：--username、--role、--name 必填');
          return 1;
        }
        if (![Role.admin, Role.clerk, Role.reviewer, Role.operator].includes(values.role as never)) {
          console.error('角色只能是 admin、clerk、reviewer、operator');
          return 1;
        }
        if (values.role === Role.reviewer && !values.department) {
          console.error('审批人员须指定 --department');
          return 1;
        }
        if (problem) {
          console.error(`TONGBAN_NEW_PASSWORD 不合要求：${problem}`);
          return 1;
        }
        await migrate(db);
        await db.insertInto('users').values({
          username: values.username, passwordHash: await hashPassword(password), kind: 'staff', roles: [values.role],
          departmentId: values.department ?? null, realName: values.name, idNumber: null, phone: null, email: null, companyName: null, uscc: null, address: null,
        }).execute();
        console.log(`已创建账号 ${values.username}（${values.role}）`);
        return 0;
      }
      case 'disable-demo-accounts': {
        const r = await db.updateTable('users').set({ disabled: true }).where('isDemo', '=', true).executeTakeFirst();
        await db.deleteFrom('sessions').where('userId', 'in', db.selectFrom('users').select('id').where('isDemo', '=', true)).execute();
        console.log(`已停用 ${Number(r.numUpdatedRows)} 个演示账号`);
        return 0;
      }
      case 'train': {
        await migrate(db);
        const { trainAndStore } = await import('../server/modules/requests/classifier/stored-model.ts');
        const r = await trainAndStore(db, new Date(), 'cli');
        console.log(`已训练 12345 诉求分类模型：共 ${r.samples} 条样本，其中 ${r.confirmed} 条为话务员确认的诉求；各服务实例一分钟内改用新模型`);
        return 0;
      }
      case 'recompute-deadlines': {
        const { values } = parseArgs({ args: [sub, ...rest].filter(Boolean) as string[], options: { from: { type: 'string', default: '2000-01-01' } } });
        const calendar = createCalendarService(db, systemClock);
        const apps = createApplicationsService(db, systemClock, createCatalogService(db, systemClock), calendar);
        const n = await apps.recomputeDueDates(values.from!);
        console.log(`已更新 ${n} 个办件的到期日`);
        return 0;
      }
      default:
        console.error(`未知命令：${cmd}\n\n${HELP}`);
        return 1;
    }
  } finally {
    await database.close();
  }
}

process.exitCode = await run(process.argv.slice(2));
