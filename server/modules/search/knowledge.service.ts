// The knowledge base admins edit: colloquial aliases, synonyms, scenarios, English words, stopwords,
// out-of-scope topics and hot words. Every change is audited and rebuilds the engine at once.
import { z } from 'zod';
import type { Db } from '../../platform/db/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { AuthUser } from '../../platform/auth.ts';
import { writeAudit } from '../../platform/audit.ts';
import { conflict, invalid, notFound } from '../../../domain/errors.ts';
import type { CatalogService } from '../catalog/index.ts';
import { KNOWLEDGE_KINDS } from './engine/types.ts';
import type { EngineHolder } from './engine-holder.ts';
import * as repo from './search.repo.ts';

export const KNOWLEDGE_KIND_LABELS: Record<(typeof KNOWLEDGE_KINDS)[number], string> = {
  alias: '俗称/别名',
  synonym: '同义词',
  scenario: '情景（一件事）',
  english: '英文词',
  stopword: '停用词',
  out_of_scope: '非政务话题',
  hotword: '热词',
};

const text = (max: number, what: string) => z.string().trim().min(1, `${what}不能为空`).max(max, `${what}不能超过 ${max} 字`);

export const KnowledgeInput = z.object({
  kind: z.enum(KNOWLEDGE_KINDS, { message: '类型应为 alias、synonym、scenario、english、stopword、out_of_scope 或 hotword' }),
  term: text(100, '词条'),
  targets: z.array(z.string().trim().min(1).max(40)).max(20, '指向的事项最多 20 个').default([]),
  expansion: z.array(text(50, '扩展词')).max(20, '扩展词最多 20 个').default([]),
  weight: z.number().gt(0, '权重应大于 0').max(5, '权重不能超过 5').default(1),
  enabled: z.boolean().default(true),
  note: z.string().trim().max(500, '备注不能超过 500 字').nullable().optional(),
  source: z.enum(['admin', 'gap']).default('admin'),
});
export type KnowledgeInput = z.infer<typeof KnowledgeInput>;

type Row = NonNullable<Awaited<ReturnType<typeof repo.findKnowledge>>>;
const toDto = (r: Row) => ({
  id: r.id,
  kind: r.kind,
  term: r.term,
  targets: r.targets,
  expansion: r.expansion,
  weight: r.weight,
  enabled: r.enabled,
  note: r.note,
  source: r.source,
  updatedAt: new Date(r.updatedAt).toISOString(),
  updatedBy: r.updatedBy,
});

export function createKnowledgeService(db: Db, clock: Clock, catalog: CatalogService, holder: EngineHolder) {
  async function check(input: KnowledgeInput) {
    if ((input.kind === 'alias' || input.kind === 'scenario') && input.targets.length === 0) {
      throw invalid('targets', '俗称和情景需要指向至少一个事项或一件事');
    }
    if (['synonym', 'english', 'out_of_scope'].includes(input.kind) && input.expansion.length === 0) {
      throw invalid('expansion', input.kind === 'out_of_scope' ? '请填写话题名称（如：银行）' : '请填写至少一个扩展词');
    }
    if (input.targets.length) {
      const { items, bundles } = await catalog.searchCorpus();
      const known = new Set([...items.map((i) => i.code), ...bundles.map((b) => b.code)]);
      const unknown = input.targets.filter((c) => !known.has(c));
      if (unknown.length) throw invalid('targets', `事项不存在：${unknown.join('、')}`);
    }
  }

  async function ensureUnique(kind: string, term: string, exceptId?: number) {
    const other = await repo.knowledgeByTerm(db, kind, term);
    if (other && other.id !== exceptId) throw conflict('KNOWLEDGE_EXISTS', `该类型下已有词条“${term}”，请直接编辑它`, { id: other.id });
  }

  return {
    async list(filter: repo.KnowledgeFilter, page: number, pageSize: number) {
      const { rows, total } = await repo.listKnowledge(db, filter, (page - 1) * pageSize, pageSize);
      return { items: rows.map(toDto), total, page, pageSize };
    },

    async create(input: KnowledgeInput, user: AuthUser) {
      await check(input);
      await ensureUnique(input.kind, input.term);
      const at = clock.now();
      const row = await db.transaction().execute(async (trx) => {
        const r = await trx.insertInto('searchKnowledge').values({
          kind: input.kind, term: input.term, targets: input.targets, expansion: input.expansion, weight: input.weight,
          enabled: input.enabled, note: input.note ?? null, source: input.source, createdAt: at, updatedAt: at, updatedBy: user.username,
        }).returningAll().executeTakeFirstOrThrow();
        await writeAudit(trx, { actorId: user.id, actorName: user.username, action: 'knowledge.create', targetType: 'knowledge', targetId: String(r.id), detail: { kind: r.kind, term: r.term } }, at);
        return r;
      });
      await holder.refresh();
      return toDto(row);
    },

    async update(id: number, input: KnowledgeInput, user: AuthUser) {
      await check(input);
      await ensureUnique(input.kind, input.term, id);
      const at = clock.now();
      const row = await db.transaction().execute(async (trx) => {
        const r = await trx.updateTable('searchKnowledge').set({
          kind: input.kind, term: input.term, targets: input.targets, expansion: input.expansion, weight: input.weight,
          enabled: input.enabled, note: input.note ?? null, updatedAt: at, updatedBy: user.username,
        }).where('id', '=', id).returningAll().executeTakeFirst();
        if (!r) throw notFound('KNOWLEDGE_NOT_FOUND', '词条不存在');
        await writeAudit(trx, { actorId: user.id, actorName: user.username, action: 'knowledge.update', targetType: 'knowledge', targetId: String(id), detail: { kind: r.kind, term: r.term } }, at);
        return r;
      });
      await holder.refresh();
      return toDto(row);
    },

    async remove(id: number, user: AuthUser) {
      const at = clock.now();
      await db.transaction().execute(async (trx) => {
        const r = await trx.deleteFrom('searchKnowledge').where('id', '=', id).returning(['kind', 'term']).executeTakeFirst();
        if (!r) throw notFound('KNOWLEDGE_NOT_FOUND', '词条不存在');
        await writeAudit(trx, { actorId: user.id, actorName: user.username, action: 'knowledge.delete', targetType: 'knowledge', targetId: String(id), detail: r }, at);
      });
      await holder.refresh();
    },
  };
}

export type KnowledgeService = ReturnType<typeof createKnowledgeService>;
