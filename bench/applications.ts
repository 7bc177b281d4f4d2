// npm run bench:applications [-- --seconds 10 --warmup 2 --clients 20 --db pglite,postgres --server inproc|child --client http|fetch]
//
// Submission throughput: for each database, a fresh migrated + seeded store, the HTTP server on a random
// loopback port, 20 registered citizens (one small PDF uploaded each) and 20 concurrent keep-alive clients
// looping POST /api/applications with a unique Idempotency-Key. Then, on the same database, the same rows
// (application + one event) inserted directly through Kysely at the same concurrency: the ceiling the
// database alone allows. Progress on stderr; the last line of stdout is the JSON result.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../server/platform/db/index.ts';
import { chinaDate, computeDeadline, makeCalendar } from '../domain/calendar.ts';
import { parseArgs } from './lib/args.ts';
import { machineNote, progress, printResult, round } from './lib/report.ts';
import { summarize } from './lib/stats.ts';
import { ensurePostgres } from './lib/postgres.ts';
import { openSpec, uniqueSuffix, type ServerOptions } from './lib/server.ts';
import { makeClient, type ClientKind } from './lib/http.ts';
import { registerCitizens, type Citizen } from './lib/accounts.ts';
import { runLoad } from './lib/load.ts';
import { freshStore, startBenchServer } from './lib/setup.ts';

const args = parseArgs({
  seconds: { default: 10, help: 'measured seconds per database (HTTP and raw inserts each)' },
  warmup: { default: 2, help: 'warm-up seconds before measuring' },
  clients: { default: 20, help: 'concurrent clients / concurrent raw inserters' },
  db: { default: 'pglite,postgres', help: 'databases to run, comma separated' },
  server: { default: 'inproc', help: 'inproc: server in this process, same JS thread as the load generator (measured faster on 2 cores: PostgreSQL gets the other core); child: server in a child process' },
  client: { default: 'http', help: 'http (node:http keep-alive agent) or fetch (Node global fetch / undici)' },
  item: { default: 'SFQ-GA-004', help: 'item code to apply for (an online item for persons)' },
  seal: { default: true, help: 'seal the audit chain every 2 s while loading, like server/main.ts (--seal=false to turn off)' },
  'log-level': { default: 'warn', help: 'server log level' },
  'with-material': { default: false, help: 'attach the uploaded PDF to every submission (default: materials [])' },
});

const dbs = String(args.db).split(',').map((s) => s.trim()).filter(Boolean) as ('pglite' | 'postgres')[];
for (const d of dbs) if (d !== 'pglite' && d !== 'postgres') throw new Error(`unknown --db ${d}`);
if (args.server !== 'child' && args.server !== 'inproc') throw new Error('--server must be child or inproc');
const pgServer = dbs.includes('postgres') ? ensurePostgres() : undefined;

const machine = machineNote();
const serverOpts: ServerOptions = { logLevel: String(args['log-level']), auditSealIntervalMs: args.seal ? 2000 : 0 };

interface DbResult {
  db: string;
  submitsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  rawInsertsPerSec: number;
  errors: number;
  requests: number;
  p90Ms: number;
  maxMs: number;
  rawP50Ms: number;
  rawP99Ms: number;
  server: string;
  errorSamples?: string[];
}

async function benchOne(kind: 'pglite' | 'postgres'): Promise<DbResult> {
  // --- a fresh store, migrated and seeded, and the server on it ---
  const { spec, drop: dropStore } = await freshStore(kind, pgServer);
  const started = await startBenchServer(spec, String(args.server), serverOpts);
  const { server } = started;
  let database = started.database;

  const client = makeClient(server.baseUrl, args.client as ClientKind, args.clients * 2);
  const citizens: Citizen[] = await registerCitizens(client, args.clients, uniqueSuffix());
  progress(`${kind}: ${citizens.length} citizens registered, one PDF each uploaded`);

  // --- HTTP submissions ---
  const runTag = randomUUID().slice(0, 8);
  const load = await runLoad({
    clients: args.clients,
    warmupMs: args.warmup * 1000,
    measureMs: args.seconds * 1000,
    async run(i, seq) {
      const c = citizens[i]!;
      const res = await client.request('POST', '/api/applications', {
        token: c.token,
        headers: { 'idempotency-key': `bench-${runTag}-${i}-${seq}` },
        json: { itemCode: args.item, formData: {}, materials: args['with-material'] ? [{ name: '出生医学证明', fileId: c.fileId }] : [] },
      });
      return res.status === 201 ? true : { error: `HTTP ${res.status}: ${res.body.slice(0, 200)}` };
    },
    onTick: ({ elapsedMs, ok, errors }) => progress(`${kind}: http ${(elapsedMs / 1000).toFixed(0)} s, ${ok} ok / ${errors} errors in window`),
  });
  client.close();
  await server.close();
  const http = summarize(load.latenciesMs);
  progress(`${kind}: http ${load.ok} × 201 in ${load.measuredSeconds} s = ${round(load.ok / load.measuredSeconds)}/s, p50 ${round(http.p50, 2)} ms, p99 ${round(http.p99, 2)} ms, errors ${load.errors}`);
  for (const e of load.errorSamples) progress(`${kind}:   error sample: ${e}`);

  // --- raw inserts: the same rows straight through Kysely ---
  database ??= await openSpec(spec);
  const raw = await rawInserts(database, citizens, kind);
  await database.close();
  await dropStore();

  return {
    db: kind,
    submitsPerSec: round(load.ok / load.measuredSeconds),
    p50Ms: round(http.p50, 2),
    p99Ms: round(http.p99, 2),
    rawInsertsPerSec: round(raw.perSec),
    errors: load.errors,
    requests: load.requests,
    p90Ms: round(http.p90, 2),
    maxMs: round(http.max, 2),
    rawP50Ms: round(raw.p50, 2),
    rawP99Ms: round(raw.p99, 2),
    server: server.mode,
    ...(load.errorSamples.length ? { errorSamples: load.errorSamples } : {}),
  };
}

/** applications + one application_events row per transaction, case number from the same sequence, at `clients` concurrency. */
async function rawInserts(database: Database, citizens: Citizen[], kind: string) {
  const { db } = database;
  const it = await db.selectFrom('items').selectAll().where('code', '=', args.item).executeTakeFirstOrThrow();
  const [days, years] = await Promise.all([db.selectFrom('calendarDays').select(['date', 'isOffDay']).execute(), db.selectFrom('calendarYears').select('year').execute()]);
  const cal = makeCalendar(days as never, years.map((y) => y.year));
  const users = await db.selectFrom('users').select(['id', 'kind', 'realName', 'idNumber', 'phone', 'companyName', 'uscc', 'username'])
    .where('id', 'in', citizens.map((c) => c.userId)).execute();
  const runTag = randomUUID().slice(0, 8);
  const load = await runLoad({
    clients: args.clients,
    warmupMs: args.warmup * 1000,
    measureMs: args.seconds * 1000,
    async run(i, seq) {
      const u = users[i % users.length]!;
      const now = new Date();
      const today = chinaDate(now);
      const deadline = computeDeadline(cal, today, it.promisedLimitDays);
      await db.transaction().execute(async (trx) => {
        const n = Number((await sql<{ n: number }>`SELECT nextval('application_case_no_seq')::int8 AS n`.execute(trx)).rows[0]!.n);
        const row = await trx.insertInto('applications').values({
          caseNo: `SFQ${today.replaceAll('-', '')}${String(n).padStart(6, '0')}`,
          itemCode: it.code, itemVersion: it.version, departmentId: it.departmentId, applicantId: u.id,
          applicant: JSON.stringify({ kind: u.kind, name: u.realName, idNumber: u.idNumber, phone: u.phone, companyName: u.companyName, uscc: u.uscc }),
          formData: '{}', status: 'submitted', limitDays: it.promisedLimitDays, submittedAt: now,
          dueDate: deadline.dueDate, warnDate: deadline.warnDate, dueDateProvisional: deadline.provisional,
          idempotencyKey: `raw-${runTag}-${i}-${seq}`, createdAt: now, updatedAt: now,
        }).returning(['id', 'status']).executeTakeFirstOrThrow();
        await trx.insertInto('applicationEvents').values({
          applicationId: row.id, action: 'submit', fromStatus: null, toStatus: row.status, actorId: u.id, actorName: u.realName, actorRole: 'applicant', at: now, comment: null, missingMaterials: null,
        }).execute();
      });
      return true;
    },
    onTick: ({ elapsedMs, ok }) => progress(`${kind}: raw ${(elapsedMs / 1000).toFixed(0)} s, ${ok} inserts in window`),
  });
  const s = summarize(load.latenciesMs);
  progress(`${kind}: raw ${load.ok} inserts in ${load.measuredSeconds} s = ${round(load.ok / load.measuredSeconds)}/s, p50 ${round(s.p50, 2)} ms, p99 ${round(s.p99, 2)} ms${load.errors ? `, errors ${load.errors}: ${load.errorSamples[0]}` : ''}`);
  return { perSec: load.ok / load.measuredSeconds, p50: s.p50, p99: s.p99 };
}

const results: DbResult[] = [];
for (const kind of dbs) results.push(await benchOne(kind));
printResult({ results, clients: args.clients, seconds: args.seconds, machine });
process.exit(0);
