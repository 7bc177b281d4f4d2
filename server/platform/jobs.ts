// Background jobs in the database. Workers claim due jobs with FOR UPDATE SKIP LOCKED, so several server
// instances share the work without running a job twice. Handlers must be idempotent: a job whose worker
// died is claimed again after the lock times out.
import { sql } from 'kysely';
import type { Db, Executor } from './db/index.ts';
import type { Clock } from './clock.ts';

export type JobHandler = (payload: Record<string, unknown>) => Promise<void>;

/** `runAt` comes from the caller's clock, so tests that move time see their jobs come due. */
export async function enqueue(db: Executor, kind: string, payload: Record<string, unknown>, opts: { runAt: Date; dedupeKey?: string }) {
  await db.insertInto('jobs').values({ kind, payload: JSON.stringify(payload), runAt: opts.runAt, dedupeKey: opts.dedupeKey ?? null, createdAt: opts.runAt })
    .onConflict((oc) => oc.columns(['kind', 'dedupeKey']).doNothing()).execute();
}

export interface JobRunner {
  register(kind: string, handler: JobHandler): void;
  /** Something to run on every tick before the due jobs, e.g. enqueueing periodic work. */
  schedule(tick: () => Promise<void>): void;
  /** Runs the scheduled ticks, then the due jobs. */
  tick(): Promise<number>;
  /** Claims and runs due jobs until none is left; returns how many ran. */
  runDue(limit?: number): Promise<number>;
  start(intervalMs: number): void;
  stop(): void;
}

const LOCK_TIMEOUT_MS = 5 * 60_000;
const MAX_ATTEMPTS = 5;

export function createJobRunner(db: Db, clock: Clock, onError: (kind: string, err: unknown) => void): JobRunner {
  const handlers = new Map<string, JobHandler>();
  const ticks: (() => Promise<void>)[] = [];
  let timer: NodeJS.Timeout | undefined;
  let running = false;

  async function claim() {
    const now = clock.now();
    return db.transaction().execute(async (trx) => {
      const job = await trx.selectFrom('jobs').selectAll()
        .where('doneAt', 'is', null).where('runAt', '<=', now).where('attempts', '<', MAX_ATTEMPTS)
        .where((eb) => eb.or([eb('lockedAt', 'is', null), eb('lockedAt', '<', new Date(now.getTime() - LOCK_TIMEOUT_MS))]))
        .orderBy('runAt').orderBy('id').limit(1).forUpdate().skipLocked().executeTakeFirst();
      if (!job) return undefined;
      await trx.updateTable('jobs').set({ lockedAt: now, attempts: sql`attempts + 1` }).where('id', '=', job.id).execute();
      return job;
    });
  }

  return {
    register(kind, handler) {
      handlers.set(kind, handler);
    },
    schedule(tick) {
      ticks.push(tick);
    },
    async tick() {
      for (const t of ticks) await t();
      return this.runDue();
    },
    async runDue(limit = 100) {
      let ran = 0;
      while (ran < limit) {
        const job = await claim();
        if (!job) break;
        ran++;
        const handler = handlers.get(job.kind);
        try {
          if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
          await handler(job.payload as Record<string, unknown>);
          await db.updateTable('jobs').set({ doneAt: clock.now(), lockedAt: null, lastError: null }).where('id', '=', job.id).execute();
        } catch (err) {
          onError(job.kind, err);
          // Retried later with a growing delay.
          const delay = 60_000 * 2 ** Math.min(job.attempts, 6);
          await db.updateTable('jobs').set({ lockedAt: null, lastError: String((err as Error).message ?? err).slice(0, 2000), runAt: new Date(clock.now().getTime() + delay) }).where('id', '=', job.id).execute();
        }
      }
      return ran;
    },
    start(intervalMs) {
      timer = setInterval(() => {
        if (running) return;
        running = true;
        this.tick().catch((err) => onError('runner', err)).finally(() => (running = false));
      }, intervalMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
    },
  };
}
