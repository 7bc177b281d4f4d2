// npm run bench:requests-load [-- --seconds 10 --warmup 3 --clients 20 --db pglite|postgres --server inproc|child]
//
// Intake throughput of 12345 requests: a fresh migrated + seeded database, the real server on a loopback
// port, and `clients` concurrent keep-alive clients looping POST /api/requests over HTTP with varied texts
// made from our own templates (places, objects, problems, durations, asks; never dev or evaluation texts).
// Most come from the web form with a phone number (some phones repeat, so the duplicate check has work),
// some anonymously, some entered by a hotline operator. The database is PostgreSQL when BENCH_DATABASE_URL
// is set (scripts/with-postgres.sh sets it), PGlite otherwise, or as --db says. Progress on stderr; the last
// stdout line is {requestsPerSec,p50Ms,p99Ms,errors,n,database,…}.
import { performance } from 'node:perf_hooks';
import { parseArgs } from './lib/args.ts';
import { machineNote, progress, printResult, round } from './lib/report.ts';
import { summarize } from './lib/stats.ts';
import type { ServerOptions } from './lib/server.ts';
import { makeClient } from './lib/http.ts';
import { loginDemo } from './lib/accounts.ts';
import { runLoad } from './lib/load.ts';
import { freshStore, startBenchServer } from './lib/setup.ts';
import { mulberry32 } from '../domain/random.ts';

const args = parseArgs({
  seconds: { default: 10, help: 'measured seconds' },
  warmup: { default: 3, help: 'warm-up seconds before measuring (the classifier trains on first use before that)' },
  clients: { default: 20, help: 'concurrent HTTP clients' },
  db: { default: process.env.BENCH_DATABASE_URL ? 'postgres' : 'pglite', help: 'pglite or postgres (default: postgres when BENCH_DATABASE_URL is set)' },
  server: { default: 'inproc', help: 'inproc: server in this process; child: server in a child process' },
  seal: { default: true, help: 'seal the audit chain every 2 s while loading, like server/main.ts' },
  'log-level': { default: 'warn', help: 'server log level' },
  seed: { default: 12345, help: 'seed of the text generator (same seed, same texts)' },
});
const kind = String(args.db) as 'pglite' | 'postgres';
if (kind !== 'pglite' && kind !== 'postgres') throw new Error('--db must be pglite or postgres');
if (args.server !== 'inproc' && args.server !== 'child') throw new Error('--server must be inproc or child');

// --- request texts from templates of our own ---------------------------------------------------------------
const PLACES = ['春晖社区', '望江社区', '东城花园', '湖滨社区', '柳岸小区', '西湖新村', '竹林村', '石桥村', '南山村', '科创路', '滨江大道', '人民路', '文化广场', '火车站附近', '实验小学门口'];
const SPOTS = ['门口', '3 栋楼下', '北门', '东侧路口', '菜市场旁', '公交站边上', '停车场', '小广场', '后面的小路', '健身区'];
const ISSUES: [string, string][] = [
  ['路灯', '一到晚上就不亮'], ['井盖', '松动了，车一压就响'], ['垃圾桶', '满了好几天没人清运'], ['下水道', '堵了，污水漫到路面上'],
  ['烧烤摊', '油烟很大，熏得窗户都不敢开'], ['工地', '半夜还在施工，噪音吵得睡不着'], ['红绿灯', '坏了，车辆和行人乱成一团'],
  ['公交车', '经常不按时发车，等半小时都不来'], ['人行道', '被电动车和小摊占满了'], ['自来水', '发黄有异味'], ['小区物业', '不作为，电梯坏了一周没人修'],
  ['饭店', '卫生条件很差，后厨苍蝇乱飞'], ['培训机构', '收了预付费后老板跑路了'], ['药店', '卖的药价格比别家高很多'], ['楼道', '堆满了杂物，有消防隐患'],
  ['绿化带', '被人私自改成了菜地'], ['路面', '坑坑洼洼，骑车摔过好几次'], ['广场舞音响', '声音开得太大，天天到晚上十点'], ['空地', '有人私搭乱建棚子'],
  ['河道', '漂着很多垃圾，气味难闻'],
];
const SINCE = ['这几天', '一个多星期了', '已经半个月', '从上个月开始', '最近一直', '今天早上发现'];
const ASKS = ['请尽快派人处理。', '希望有关部门管一管。', '反映过一次还没解决，麻烦跟进。', '请问应该找哪个部门？', '建议加强日常巡查。', '谢谢！'];

const rand = mulberry32(args.seed); // deterministic, so runs are comparable
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;

function makeRequest(operatorToken: string): { body: Record<string, unknown>; token?: string } {
  const place = pick(PLACES);
  const [thing, problem] = pick(ISSUES);
  const text = `${place}${pick(SPOTS)}的${thing}${pick(SINCE)}${problem}，${pick(ASKS)}`;
  // A pool of 2,000 phones: some callers call again, so duplicate proposals find candidates.
  const phone = `139${String(10_000_000 + Math.floor(rand() * 2000)).slice(-8)}`;
  const r = rand();
  if (r < 0.1) return { body: { text, anonymous: true, address: place } };
  if (r < 0.25) return { body: { text, phone, contactName: '来电群众', address: place, channel: 'phone' }, token: operatorToken };
  return { body: { text, phone, address: `${place}${pick(SPOTS)}` } };
}

// --- run -----------------------------------------------------------------------------------------------------
const machine = machineNote();
const serverOpts: ServerOptions = { logLevel: String(args['log-level']), auditSealIntervalMs: args.seal ? 2000 : 0 };
const { spec, drop: dropStore, postgresInfo: pgInfo } = await freshStore(kind);
const { server, database } = await startBenchServer(spec, String(args.server), serverOpts);
const client = makeClient(server.baseUrl, 'http', args.clients * 2);
const operator = await loginDemo(client, 'operator');

// The first request trains (or loads) the classifier; it is not part of the measurement.
const t1 = performance.now();
const first = await client.request('POST', '/api/requests', { json: makeRequest(operator).body });
if (first.status !== 201) throw new Error(`first request failed: ${first.status} ${first.body.slice(0, 300)}`);
progress(`${kind}: first request (classifier ready) in ${Math.round(performance.now() - t1)} ms`);

// CPU of this process in the measured window (in-process: the server and the load generator together).
let cpuFrom = process.cpuUsage();
const cpuTimer = setTimeout(() => { cpuFrom = process.cpuUsage(); }, args.warmup * 1000);
const load = await runLoad({
  clients: args.clients,
  warmupMs: args.warmup * 1000,
  measureMs: args.seconds * 1000,
  async run() {
    const { body, token } = makeRequest(operator);
    const res = await client.request('POST', '/api/requests', { json: body, token });
    return res.status === 201 ? true : { error: `HTTP ${res.status}: ${res.body.slice(0, 200)}` };
  },
  onTick: ({ elapsedMs, ok, errors }) => progress(`${kind}: ${(elapsedMs / 1000).toFixed(0)} s, ${ok} ok / ${errors} errors in window`),
});
const cpu = process.cpuUsage(cpuFrom);
clearTimeout(cpuTimer);
client.close();
await server.close();
if (database) await database.close();
await dropStore();

const s = summarize(load.latenciesMs);
for (const e of load.errorSamples) progress(`error sample: ${e}`);
printResult({
  requestsPerSec: round(load.ok / load.measuredSeconds),
  p50Ms: round(s.p50, 2),
  p99Ms: round(s.p99, 2),
  errors: load.errors,
  n: load.requests,
  database: kind,
  p90Ms: round(s.p90, 2),
  maxMs: round(s.max, 2),
  clients: args.clients,
  seconds: args.seconds,
  server: server.mode,
  // CPU ms of this process per measured request: with --server inproc, HTTP server + intake + load generator.
  processCpuMsPerRequest: round((cpu.user + cpu.system) / 1000 / Math.max(1, load.requests), 2),
  // The target is set for PostgreSQL; on PGlite `met` is null.
  target: { requestsPerSec: 300, p99Ms: 100, met: kind === 'postgres' ? load.ok / load.measuredSeconds >= 300 && s.p99 < 100 : null },
  ...(pgInfo ? { postgres: pgInfo } : {}),
  machine,
});
process.exit(0);
