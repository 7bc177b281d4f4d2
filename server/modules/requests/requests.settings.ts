// What an admin configures for the hotline: direct-dispatch rules (category + street → department) and
// the time limits by type. Both are read on every intake, so they are cached for a few seconds; a local
// change clears the cache at once, other instances pick it up within CACHE_MS.
import { z } from 'zod';
import type { Db, Executor } from '../../platform/db/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { AuthUser } from '../../platform/auth.ts';
import { writeAudit } from '../../platform/audit.ts';
import { conflict, invalid, notFound } from '../../../domain/errors.ts';
import { DEFAULT_TIME_LIMITS, RequestType, type TimeLimits } from '../../../domain/requests.ts';

const CACHE_MS = 10_000;
const TIME_LIMITS_KEY = 'timeLimits';

export const DispatchRuleInput = z.object({
  category: z.string().trim().min(1, '请选择分类').max(20),
  streetId: z.string().trim().min(1).max(40).nullable().default(null),
  departmentId: z.string().trim().min(1, '请选择承办部门').max(40),
  note: z.string().trim().max(200, '备注不能超过 200 字').nullable().optional(),
});
export type DispatchRuleInput = z.infer<typeof DispatchRuleInput>;

const days = (t: string) => z.number({ message: `请填写“${t}”的办理时限` }).int('时限应为整数个工作日').min(1, '时限至少 1 个工作日').max(60, '时限最多 60 个工作日');
export const TimeLimitsInput = z.object({
  urgentHours: z.number({ message: '请填写紧急诉求的时限' }).int('小时数应为整数').min(1, '至少 1 小时').max(72, '最多 72 小时'),
  days: z.object(Object.fromEntries(RequestType.map((t) => [t, days(t)])) as Record<RequestType, ReturnType<typeof days>>),
});

interface Rule { id: number; category: string; streetId: string | null; departmentId: string; note: string | null; updatedBy: string | null; updatedAt: string }

export function createRequestSettings(db: Db, clock: Clock, categories: Set<string>) {
  let cache: { at: number; rules: Rule[]; limits: TimeLimits } | undefined;
  async function load() {
    if (cache && Date.now() - cache.at < CACHE_MS) return cache;
    const [rules, limits] = await Promise.all([
      db.selectFrom('requestDispatchRules').selectAll().orderBy('category').orderBy('streetId').execute(),
      db.selectFrom('requestSettings').select('value').where('key', '=', TIME_LIMITS_KEY).executeTakeFirst(),
    ]);
    cache = {
      at: Date.now(),
      rules: rules.map((r) => ({ ...r, updatedAt: new Date(r.updatedAt).toISOString() })),
      limits: (limits?.value as TimeLimits | undefined) ?? DEFAULT_TIME_LIMITS,
    };
    return cache;
  }

  async function checkRule(trx: Executor, input: DispatchRuleInput) {
    if (!categories.has(input.category)) throw invalid('category', `分类不存在：${input.category}`);
    const depts = new Map((await trx.selectFrom('departments').select(['id', 'kind']).execute()).map((d) => [d.id, d.kind]));
    if (!depts.has(input.departmentId)) throw invalid('departmentId', `部门不存在：${input.departmentId}`);
    if (input.streetId && depts.get(input.streetId) !== 'street') throw invalid('streetId', `街道（乡镇）不存在：${input.streetId}`);
  }
  /** Runs a rule change; a second rule for the same category and street is a 409, not a 500. */
  async function ruleChange<T>(change: () => Promise<T>): Promise<T> {
    try {
      const out = await change();
      cache = undefined;
      return out;
    } catch (e) {
      if ((e as { code?: string }).code === '23505') throw conflict('RULE_EXISTS', '该分类在该街道已有派单规则，请直接修改它');
      throw e;
    }
  }

  return {
    /** The rule for this category in this street, else for this category anywhere. */
    async ruleFor(category: string, streetId: string | null): Promise<Rule | undefined> {
      const { rules } = await load();
      return rules.find((r) => r.category === category && r.streetId === streetId && streetId !== null) ?? rules.find((r) => r.category === category && r.streetId === null);
    },
    async timeLimits(): Promise<TimeLimits> {
      return (await load()).limits;
    },
    async listRules() {
      return { rules: (await load()).rules };
    },

    async createRule(input: DispatchRuleInput, user: AuthUser) {
      const at = clock.now();
      return ruleChange(() => db.transaction().execute(async (trx) => {
        await checkRule(trx, input);
        const r = await trx.insertInto('requestDispatchRules').values({ ...input, note: input.note ?? null, updatedBy: user.username, updatedAt: at }).returningAll().executeTakeFirstOrThrow();
        await writeAudit(trx, { actorId: user.id, actorName: user.username, action: 'request.rule.create', targetType: 'request_dispatch_rule', targetId: String(r.id), detail: input }, at);
        return r;
      }));
    },

    async updateRule(id: number, input: DispatchRuleInput, user: AuthUser) {
      const at = clock.now();
      return ruleChange(() => db.transaction().execute(async (trx) => {
        await checkRule(trx, input);
        const r = await trx.updateTable('requestDispatchRules').set({ ...input, note: input.note ?? null, updatedBy: user.username, updatedAt: at }).where('id', '=', id).returningAll().executeTakeFirst();
        if (!r) throw notFound('RULE_NOT_FOUND', '派单规则不存在');
        await writeAudit(trx, { actorId: user.id, actorName: user.username, action: 'request.rule.update', targetType: 'request_dispatch_rule', targetId: String(id), detail: input }, at);
        return r;
      }));
    },

    async deleteRule(id: number, user: AuthUser) {
      const at = clock.now();
      await ruleChange(() => db.transaction().execute(async (trx) => {
        const r = await trx.deleteFrom('requestDispatchRules').where('id', '=', id).returningAll().executeTakeFirst();
        if (!r) throw notFound('RULE_NOT_FOUND', '派单规则不存在');
        await writeAudit(trx, { actorId: user.id, actorName: user.username, action: 'request.rule.delete', targetType: 'request_dispatch_rule', targetId: String(id), detail: { category: r.category, streetId: r.streetId, departmentId: r.departmentId } }, at);
      }));
    },

    async setTimeLimits(limits: TimeLimits, user: AuthUser) {
      const at = clock.now();
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('requestSettings').values({ key: TIME_LIMITS_KEY, value: JSON.stringify(limits), updatedBy: user.username, updatedAt: at })
          .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(limits), updatedBy: user.username, updatedAt: at })).execute();
        await writeAudit(trx, { actorId: user.id, actorName: user.username, action: 'request.time-limits', targetType: 'request_settings', targetId: TIME_LIMITS_KEY, detail: limits }, at);
      });
      cache = undefined;
      return limits;
    },
  };
}

export type RequestSettings = ReturnType<typeof createRequestSettings>;
