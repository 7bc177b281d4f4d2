// 智能客服: answers in Chinese from catalogue data only. It finds the item or bundle with the search
// engine, keeps the conversation's subject in a session so follow-ups (要带什么材料？多久能办好？) work,
// and hands over to the 12345 hotline when it cannot help.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../../platform/db/index.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { CatalogService } from '../../catalog/index.ts';
import type { SearchService } from '../search.service.ts';
import * as repo from '../search.repo.ts';
import { BUNDLE_FOLLOW_UPS, FOLLOW_UPS, bundleOverview, bundleTopic, itemOverview, itemTopic, type BundleFacts, type ItemFacts } from './answers.ts';
import { detectTopics, pickOption, subjectOf } from './intents.ts';

interface Subject {
  code: string;
  kind: 'item' | 'bundle';
}

interface Context {
  focus: Subject | null;
  /** Codes the last answer numbered, so "第二个" can pick one. */
  options: Subject[];
  turns: number;
}

interface Card {
  code: string;
  kind: 'item' | 'bundle';
  name: string;
  departmentName: string;
  link: string;
}

export interface AssistantReply {
  sessionId: string;
  reply: string;
  cards: Card[];
  actions: { label: string; href: string }[];
  suggestions: string[];
  handoff: boolean;
}

const SESSION_ID = /^[A-Za-z0-9-]{8,64}$/;
/** Results scoring at least this share of the best one count as "about equally good". */
const CLOSE_SCORE = 0.9;
const link = (s: Subject) => (s.kind === 'item' ? `/items/${s.code}` : `/bundles/${s.code}`);
const HANDOFF_ACTIONS = [
  { label: '拨打 12345 热线', href: 'tel:12345' },
  { label: '浏览全部事项', href: '/items' },
];

export function createAssistantService(db: Db, clock: Clock, catalog: CatalogService, search: SearchService) {
  async function itemFacts(code: string): Promise<ItemFacts> {
    const i = await catalog.getItem(code);
    return { ...i, departmentName: i.department?.name ?? i.departmentId };
  }

  async function bundleFacts(code: string): Promise<BundleFacts> {
    const b = await catalog.getBundle(code);
    return { code: b.code, name: b.name, description: b.description, items: b.items.map((i) => ({ code: i.code, name: i.name, departmentName: i.departmentName, promisedLimitDays: i.promisedLimitDays })) };
  }

  const itemCard = (i: ItemFacts): Card => ({ code: i.code, kind: 'item', name: i.name, departmentName: i.departmentName, link: link({ code: i.code, kind: 'item' }) });
  const bundleCard = (b: BundleFacts): Card => ({ code: b.code, kind: 'bundle', name: b.name, departmentName: `一件事 · ${b.items.length} 个事项`, link: link({ code: b.code, kind: 'bundle' }) });

  async function card(s: Subject): Promise<Card> {
    return s.kind === 'item' ? itemCard(await itemFacts(s.code)) : bundleCard(await bundleFacts(s.code));
  }

  async function describe(s: Subject, topics: ReturnType<typeof detectTopics>, fresh: boolean) {
    if (s.kind === 'bundle') {
      const b = await bundleFacts(s.code);
      const lines = topics.length ? topics.flatMap((t) => bundleTopic(b, t)) : bundleOverview(b);
      return {
        card: bundleCard(b),
        lines: fresh && topics.length ? [`为您找到“${b.name}”。`, ...lines] : lines,
        options: b.items.map((i) => ({ code: i.code, kind: 'item' as const })),
        actions: [{ label: '查看一件事', href: link(s) }],
        suggestions: BUNDLE_FOLLOW_UPS,
      };
    }
    const i = await itemFacts(s.code);
    const lines = topics.length ? topics.flatMap((t) => itemTopic(i, t)) : itemOverview(i);
    const actions = [{ label: '查看办事指南', href: link(s) }];
    if (i.canApplyOnline) actions.unshift({ label: '在线申请', href: `/apply/${s.code}` });
    return {
      card: itemCard(i),
      lines: fresh && topics.length ? [`关于“${i.name}”（${i.departmentName}）：`, ...lines] : topics.length ? [`“${i.name}”：`, ...lines] : lines,
      options: [] as Subject[],
      actions,
      suggestions: FOLLOW_UPS.filter((f) => !topics.some((t) => detectTopics(f).includes(t))),
    };
  }

  return {
    async reply(message: string, sessionId?: string): Promise<AssistantReply> {
      const id = sessionId && SESSION_ID.test(sessionId) ? sessionId : randomUUID();
      const stored = await repo.findSession(db, id);
      const ctx: Context = { focus: null, options: [], turns: 0, ...((stored?.context as Partial<Context>) ?? {}) };
      const topics = detectTopics(message);
      const subject = subjectOf(message);

      let focus: Subject | null = null;
      let fresh = false;
      let alternatives: Subject[] = [];
      let close: Subject[] = [];
      let outOfScope: string | null = null;
      const picked = pickOption(message, ctx.options.length);
      if (picked !== null) {
        focus = ctx.options[picked] ?? null;
        fresh = true;
      } else if (subject.length >= 2 || (subject.length === 1 && !ctx.focus)) {
        const found = await search.search(message, 4, 'assistant');
        const [top, ...rest] = found.results;
        if (!found.noMatch && top) {
          focus = { code: top.code, kind: top.kind };
          fresh = focus.code !== ctx.focus?.code;
          alternatives = rest.slice(0, 2).map((r) => ({ code: r.code, kind: r.kind }));
          // Several items fit about equally well (公积金提取: renting, buying, retiring…): ask which one.
          close = [top, ...rest].filter((r) => r.kind === 'item' && r.score >= top.score * CLOSE_SCORE).slice(0, 4).map((r) => ({ code: r.code, kind: r.kind }));
          if (top.kind !== 'item' || close.length < 2 || topics.length) close = [];
        } else {
          outOfScope = found.outOfScope;
          // A follow-up whose extra words matched nothing still refers to the current subject.
          if (ctx.focus && topics.length) focus = ctx.focus;
        }
      } else focus = ctx.focus;

      let reply: AssistantReply;
      if (!focus) {
        const lines = [
          subject.length >= 1 ? '抱歉，没有找到与您的问题相符的政务服务事项。' : '请告诉我您想办理什么事，比如“补办身份证”“公积金提取”。',
          ...(outOfScope ? [`您问的是${outOfScope}方面的事，不属于政务服务，请咨询相关机构。`] : []),
          '如需人工帮助，可拨打 12345 政务服务便民热线，工作人员会为您解答或转交相关部门。',
        ];
        reply = { sessionId: id, reply: lines.join('\n'), cards: [], actions: HANDOFF_ACTIONS, suggestions: (await search.hot(3)).hotwords, handoff: true };
        await repo.saveSession(db, id, { ...ctx, turns: ctx.turns + 1 }, clock.now());
        return reply;
      }

      if (close.length) {
        const cards = await Promise.all(close.map(card));
        const lines = ['找到几个相近的事项，请问您要办哪一个？回复序号即可：', ...cards.map((c, n) => `${n + 1}. ${c.name}（${c.departmentName}）`)];
        reply = { sessionId: id, reply: lines.join('\n'), cards, actions: [], suggestions: cards.map((_, n) => `第${n + 1}个`), handoff: false };
        await repo.saveSession(db, id, { focus, options: close, turns: ctx.turns + 1 }, clock.now());
        return reply;
      }

      const d = await describe(focus, topics, fresh);
      // The subject's card comes with its description: the record is read once.
      const cards = [d.card, ...(await Promise.all(alternatives.map(card)))];
      const lines = [...d.lines];
      if (fresh && alternatives.length && !topics.length) lines.push('如果不是您要办的，下面还有相近的事项。');
      reply = { sessionId: id, reply: lines.join('\n'), cards, actions: d.actions, suggestions: d.suggestions, handoff: false };
      // Numbers in the next message pick from a bundle's items, or from the cards just shown.
      const options = d.options.length ? d.options : fresh ? [focus, ...alternatives] : ctx.options;
      await repo.saveSession(db, id, { focus, options, turns: ctx.turns + 1 }, clock.now());
      return reply;
    },

    /** Forgets conversations idle for a day. */
    purgeIdle: () => repo.deleteSessionsBefore(db, new Date(clock.now().getTime() - 86_400_000)),
  };
}

export type AssistantService = ReturnType<typeof createAssistantService>;
