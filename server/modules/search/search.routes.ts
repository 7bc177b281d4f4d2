// HTTP for search, typeahead, clicks, hot words and the assistant (public), and the admin's
// analytics and knowledge base.
import { z } from 'zod';
import { Role } from '../../../domain/enums.ts';
import { typed, Page, type App } from '../../platform/http.ts';
import { hasRole, requireAdmin } from '../../platform/auth.ts';
import type { SearchService } from './search.service.ts';
import type { KnowledgeService } from './knowledge.service.ts';
import { KnowledgeInput } from './knowledge.service.ts';
import type { AssistantService } from './assistant/assistant.service.ts';
import { KNOWLEDGE_KINDS } from './engine/types.ts';

const Query = z.string().trim().min(1, '请输入要搜索的内容').max(200, '搜索内容不能超过 200 字');
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const Id = z.object({ id: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER) });

export function searchRoutes(app: App, search: SearchService, knowledge: KnowledgeService, assistant: AssistantService) {
  const r = typed(app);
  const tags = ['search'];
  const admin = (req: Parameters<typeof requireAdmin>[0]) => requireAdmin(req, '只有系统管理员可以管理搜索');

  r.get('/api/search', {
    schema: { tags, summary: '智能搜索：事项和一件事，最相关的在前', querystring: z.object({ q: Query, limit: z.coerce.number().int('条数应为整数').min(1, '至少 1 条').max(50, '最多 50 条').default(10) }) },
  }, async (req) => search.search(req.query.q, req.query.limit, 'search', { log: !hasRole(req.user, Role.operator, Role.supervisor, Role.handler) }));

  r.get('/api/search/suggest', {
    schema: { tags, summary: '输入提示（前缀、拼音首字母）', querystring: z.object({ q: z.string().max(50, '输入内容不能超过 50 字').default('') }) },
  }, async (req) => search.suggest(req.query.q));

  r.post('/api/search/click', {
    schema: { tags, summary: '记录点击了哪个结果', body: z.object({ logId: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER), code: z.string().min(1).max(40), rank: z.number().int().min(0).max(100).default(0) }) },
  }, async (req, reply) => {
    await search.click(req.body.logId, req.body.code, req.body.rank);
    return reply.code(204).send();
  });

  r.get('/api/search/hot', { schema: { tags, summary: '热词' } }, async () => search.hot());

  r.post('/api/assistant', {
    schema: { tags, summary: '智能客服：回答来自事项目录', body: z.object({ message: z.string().trim().min(1, '请输入您的问题').max(500, '问题不能超过 500 字'), sessionId: z.string().max(64).optional() }) },
  }, async (req) => assistant.reply(req.body.message, req.body.sessionId));

  r.get('/api/admin/search/stats', {
    schema: { tags, summary: '搜索分析：热搜、无结果、点击率、趋势', querystring: z.object({ from: IsoDate.optional(), to: IsoDate.optional() }) },
  }, async (req) => {
    admin(req);
    return search.stats(req.query.from, req.query.to);
  });

  r.get('/api/admin/search/gaps', {
    schema: { tags, summary: '目录缺口：常见的无结果搜索', querystring: z.object({ days: z.coerce.number().int().min(1, '至少 1 天').max(365, '最多 365 天').default(30), min: z.coerce.number().int().min(1).max(1000).default(2) }) },
  }, async (req) => {
    admin(req);
    return search.gaps(req.query.days, req.query.min);
  });

  r.get('/api/admin/knowledge', {
    schema: { tags, summary: '知识库词条', querystring: Page.extend({ kind: z.enum(KNOWLEDGE_KINDS).optional(), q: z.string().trim().max(100).optional() }) },
  }, async (req) => {
    admin(req);
    return knowledge.list({ kind: req.query.kind, q: req.query.q || undefined }, req.query.page, req.query.pageSize);
  });

  r.post('/api/admin/knowledge', { schema: { tags, summary: '新建知识库词条', body: KnowledgeInput } }, async (req, reply) => {
    const u = admin(req);
    return reply.code(201).send(await knowledge.create(req.body, u));
  });

  r.put('/api/admin/knowledge/:id', { schema: { tags, summary: '修改知识库词条', params: Id, body: KnowledgeInput } }, async (req) => {
    const u = admin(req);
    return knowledge.update(req.params.id, req.body, u);
  });

  r.delete('/api/admin/knowledge/:id', { schema: { tags, summary: '删除知识库词条', params: Id } }, async (req, reply) => {
    const u = admin(req);
    await knowledge.remove(req.params.id, u);
    return reply.code(204).send();
  });
}
