// npm run bench:queue [-- --cases 1000000 --requests 300 --warmup 30 --users 5000 --explain]
//
// The staff queue at scale: a fresh PostgreSQL database (BENCH_DATABASE_URL, or a throw-away cluster), migrated and
// seeded with the demo data, then `--cases` cases made with set-based SQL (INSERT … SELECT FROM generate_series),
// VACUUM ANALYZE, and the first page of the queue as staff see it over HTTP:
//   reviewer of the department with the most open cases: GET /api/applications?sort=timeLeft&page=1&pageSize=20
//   clerk (综合窗口, all departments):                       the same request with the clerk's token
// Each is requested `--warmup` times, then `--requests` times one after another, timed on the client.
// Progress on stderr; the last line of stdout is the JSON result.
import { performance } from 'node:perf_hooks';
import { CamelCasePlugin, Kysely, PostgresDialect, sql, type LogEvent } from 'kysely';
import pg from 'pg';
import type { DB } from '../server/platform/db/index.ts';
import { listApplications, type ListFilter } from '../server/modules/applications/applications.repo.ts';
import { parseArgs } from './lib/args.ts';
import { machineNote, progress, printResult, round } from './lib/report.ts';
import { summarize } from './lib/stats.ts';
import { createFreshDatabase, ensurePostgres, serverInfo } from './lib/postgres.ts';
import { openSpec, prepareDatabase, startChild, startInProcess, type DbSpec, type RunningServer, type ServerOptions } from './lib/server.ts';
import { json, makeClient, type ClientKind } from './lib/http.ts';
import { loginDemo } from './lib/accounts.ts';

const args = parseArgs({
  cases: { default: 1_000_000, help: 'cases to generate' },
  users: { default: 5000, help: 'generated citizens the cases are spread over' },
  requests: { default: 300, help: 'measured requests per queue' },
  warmup: { default: 30, help: 'warm-up requests per queue' },
  server: { default: 'inproc', help: 'inproc: server in this process; child: server in a child process' },
  client: { default: 'http', help: 'http (node:http keep-alive agent) or fetch' },
  explain: { default: false, help: 'print EXPLAIN (ANALYZE, BUFFERS) of the queries the list endpoint runs' },
  keep: { default: false, help: 'keep the database afterwards (its URL is printed)' },
});
if (args.server !== 'child' && args.server !== 'inproc') throw new Error('--server must be child or inproc');

const machine = machineNote();
const pgServer = ensurePostgres();
const OPEN = ['submitted', 'correction_required', 'accepted', 'suspended', 'approved', 'denied'];

const fresh = await createFreshDatabase(pgServer, 'tongban_queue');
const spec: DbSpec = { kind: 'postgres', url: fresh.url };
progress(`postgres: ${await serverInfo(pgServer)}; database ${fresh.name}`);
let database = await openSpec(spec);
await prepareDatabase(database);
const { db } = database;

// --- citizens and cases, set-based ---------------------------------------------------------------------------
let t = performance.now();
await sql`
  INSERT INTO users (username, password_hash, kind, roles, real_name, id_number, phone)
  SELECT 'bench-q-' || g, '!', 'person', ARRAY['citizen'],
         (ARRAY['王','李','张','刘','陈','杨','黄','赵','吴','周','徐','孙','马','朱','胡','郭','何','高','林','罗'])[1 + g % 20]
           || (ARRAY['伟','芳','娜','秀英','敏','静','丽','强','磊','军','洋','勇','艳','杰','娟','涛','明','超','秀兰','霞'])[1 + (g / 20) % 20],
         f17 || substr('10X98765432', 1 + (SELECT sum(substr(f17, i, 1)::int * (ARRAY[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2])[i]) FROM generate_series(1, 17) i)::int % 11, 1),
         '139' || lpad(g::text, 8, '0')
  FROM (SELECT g, '340102' || to_char(date '1960-01-01' + (g * 37) % 14600, 'YYYYMMDD') || lpad((g % 1000)::text, 3, '0') AS f17
        FROM generate_series(1, ${args.users}::int) g) s`.execute(db);
progress(`${args.users} citizens in ${Math.round(performance.now() - t)} ms`);

// Items get a popularity by a hash of their code (so no department is favoured by its name), skewed: rn 1 is the
// most asked for. Cases pick an item by power(random(), 2), an applicant by a spread of the row number.
await sql`CREATE TABLE bench_items AS SELECT row_number() OVER (ORDER BY md5(code)) AS rn, code, version, department_id, promised_limit_days FROM items`.execute(db);
await sql`CREATE TABLE bench_users AS SELECT row_number() OVER (ORDER BY id) AS rn, id, real_name, id_number, phone FROM users WHERE username LIKE 'bench-q-%'`.execute(db);
const ni = Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM bench_items`.execute(db)).rows[0]!.n);
const nu = Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM bench_users`.execute(db)).rows[0]!.n);

t = performance.now();
const CHUNK = 200_000;
for (let from = 1; from <= args.cases; from += CHUNK) {
  const to = Math.min(args.cases, from + CHUNK - 1);
  await sql`
    INSERT INTO applications (case_no, item_code, item_version, department_id, applicant_id, applicant, form_data, status, limit_days,
      submitted_at, accepted_at, accept_date, due_date, warn_date, suspended_since, correction, decided_at, completed_at, created_at, updated_at)
    SELECT 'SFQ' || to_char(sub_at AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || CASE WHEN g < 100000 THEN lpad(g::text, 6, '0') ELSE g::text END,
           it.code, it.version, it.department_id, u.id,
           jsonb_build_object('kind', 'person', 'name', u.real_name, 'idNumber', u.id_number, 'phone', u.phone, 'companyName', null, 'uscc', null),
           '{}'::jsonb, st, it.promised_limit_days,
           sub_at,
           CASE WHEN st IN ('accepted','suspended','approved','denied','completed') THEN sub_at + interval '1 day' END,
           CASE WHEN st IN ('accepted','suspended','approved','denied','completed') THEN (sub_at + interval '1 day')::date END,
           due, due - greatest(1, it.promised_limit_days * 2 / 7),
           CASE WHEN st = 'suspended' THEN due - 10 END,
           CASE WHEN st = 'correction_required' THEN jsonb_build_object('missingMaterials', jsonb_build_array('申请人身份证明'), 'comment', null, 'requestedAt', sub_at + interval '1 day', 'requestedBy', '审批员') END,
           CASE WHEN st IN ('approved','denied','completed') THEN sub_at + interval '5 days' END,
           CASE WHEN st = 'completed' THEN sub_at + interval '6 days' END,
           sub_at, sub_at + interval '6 days'
    FROM (
      SELECT g, it_rn, u_rn, due,
             CASE WHEN r < 0.08 THEN 'submitted' WHEN r < 0.18 THEN 'accepted' WHEN r < 0.21 THEN 'correction_required'
                  WHEN r < 0.225 THEN 'suspended' WHEN r < 0.245 THEN 'approved' WHEN r < 0.25 THEN 'denied'
                  WHEN r < 0.85 THEN 'completed' WHEN r < 0.93 THEN 'rejected' ELSE 'withdrawn' END AS st
      FROM (
        SELECT g, random() AS r, 1 + floor(${ni}::int * power(random(), 2))::int AS it_rn, 1 + ((g::bigint * 7919) % ${nu}::int)::int AS u_rn,
               current_date + (floor(random() * 121)::int - 60) AS due
        FROM generate_series(${from}::int, ${to}::int) g
      ) a
    ) s
    JOIN bench_items it ON it.rn = s.it_rn
    -- submitted the item's working days (7 calendar days per 5) before the due date, 09:00-17:00 China time
    CROSS JOIN LATERAL (SELECT ((s.due - (it.promised_limit_days * 7 / 5 + 1))::timestamp AT TIME ZONE 'Asia/Shanghai')
                               + interval '9 hours' + (s.g % 480) * interval '1 minute' AS sub_at) x
    JOIN bench_users u ON u.rn = s.u_rn`.execute(db);
  progress(`${to} cases (${Math.round((performance.now() - t) / 1000)} s)`);
}
await sql`SELECT setval('application_case_no_seq', ${args.cases + 1}::bigint)`.execute(db);
await sql`DROP TABLE bench_items, bench_users`.execute(db);
const seedSeconds = (performance.now() - t) / 1000;
t = performance.now();
await sql`VACUUM (ANALYZE) applications`.execute(db);
progress(`${args.cases} cases inserted in ${seedSeconds.toFixed(1)} s; VACUUM ANALYZE in ${((performance.now() - t) / 1000).toFixed(1)} s`);

const mix = await sql<{ status: string; n: number }>`SELECT status, count(*)::int AS n FROM applications GROUP BY 1 ORDER BY 2 DESC`.execute(db);
progress(`statuses: ${mix.rows.map((r) => `${r.status} ${r.n}`).join(', ')}`);
const largest = (await sql<{ departmentId: string; n: number }>`
  SELECT department_id, count(*)::int AS n FROM applications WHERE status IN (${sql.join(OPEN)}) GROUP BY 1 ORDER BY 2 DESC LIMIT 1`.execute(db)).rows[0]!;
const openTotal = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM applications WHERE status IN (${sql.join(OPEN)})`.execute(db)).rows[0]!.n;
progress(`largest department: ${largest.departmentId} with ${largest.n} open cases (all departments: ${openTotal} open)`);

if (args.explain) await explainList([{ label: 'reviewer', f: { departmentId: largest.departmentId, active: true, sort: 'timeLeft' } }, { label: 'clerk', f: { active: true, sort: 'timeLeft' } }]);

// --- the queue over HTTP -------------------------------------------------------------------------------------------
const serverOpts: ServerOptions = { logLevel: 'warn', auditSealIntervalMs: 2000 };
let server: RunningServer;
if (args.server === 'child') {
  await database.close();
  server = await startChild(spec, serverOpts);
} else server = await startInProcess(database, serverOpts);
progress(`server (${server.mode}) at ${server.baseUrl}`);
const client = makeClient(server.baseUrl, args.client as ClientKind, 4);

async function measureQueue(username: string) {
  const token = await loginDemo(client, username);
  const path = '/api/applications?sort=timeLeft&page=1&pageSize=20';
  const samples: number[] = [];
  let total = 0;
  for (let i = 0; i < args.warmup + args.requests; i++) {
    const t0 = performance.now();
    const res = await client.request('GET', path, { token });
    const ms = performance.now() - t0;
    const body = json<{ items: unknown[]; total: number }>(res, 200);
    if (body.items.length !== Math.min(20, body.total)) throw new Error(`unexpected page: ${body.items.length} items of ${body.total}`);
    total = body.total;
    if (i >= args.warmup) samples.push(ms);
  }
  const s = summarize(samples);
  progress(`${username}: total ${total}; ${s.n} requests p50 ${round(s.p50, 2)} ms, p90 ${round(s.p90, 2)} ms, p99 ${round(s.p99, 2)} ms, max ${round(s.max, 2)} ms`);
  return { s, total };
}

const reviewer = await measureQueue(`reviewer-${largest.departmentId}`);
const clerk = await measureQueue('clerk');
// The totals must be exact: the same numbers a count(*) over the table gave above.
if (reviewer.total !== largest.n || clerk.total !== openTotal) {
  throw new Error(`queue totals differ from count(*): reviewer ${reviewer.total} vs ${largest.n}, clerk ${clerk.total} vs ${openTotal}`);
}
client.close();
await server.close();
if (args.server === 'inproc') await database.close();
if (args.keep) progress(`kept database ${fresh.url}`);
else await fresh.drop();

printResult({
  cases: args.cases,
  queueP50Ms: round(reviewer.s.p50, 2),
  queueP99Ms: round(reviewer.s.p99, 2),
  clerkQueueP50Ms: round(clerk.s.p50, 2),
  clerkQueueP99Ms: round(clerk.s.p99, 2),
  department: largest.departmentId,
  departmentOpenCases: largest.n,
  reviewerTotal: reviewer.total,
  clerkTotal: clerk.total,
  requests: args.requests,
  seedSeconds: round(seedSeconds, 1),
  server: server.mode,
  machine,
});
process.exit(0);

/** EXPLAIN ANALYZE of exactly the SQL listApplications sends (captured through Kysely's log hook). */
async function explainList(cases: { label: string; f: ListFilter }[]) {
  const captured: { sql: string; params: readonly unknown[] }[] = [];
  const pool = new pg.Pool({ connectionString: fresh.url, max: 2 });
  const k = new Kysely<DB>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new CamelCasePlugin()],
    log: (e: LogEvent) => void captured.push({ sql: e.query.sql, params: e.query.parameters }),
  });
  for (const c of cases) {
    captured.length = 0;
    await listApplications(k, c.f, 0, 20);
    for (const q of [...captured]) {
      const plan = await pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${q.sql}`, q.params as unknown[]);
      process.stderr.write(`\n--- ${c.label}: ${q.sql}\n    params ${JSON.stringify(q.params)}\n${plan.rows.map((r) => `    ${r['QUERY PLAN']}`).join('\n')}\n`);
    }
  }
  await k.destroy();
}
