// The search knowledge base: kinds, their Chinese labels, which fields each kind uses, and field errors from a 400.
import type { Tone } from '../../../components/SoftTag.tsx';
import { ApiError } from '../../../lib/api.ts';
import type { KnowledgeKind } from '../../../lib/types.ts';

export const KNOWLEDGE_KINDS: KnowledgeKind[] = ['alias', 'synonym', 'scenario', 'english', 'stopword', 'out_of_scope', 'hotword'];

export const KIND_LABEL: Record<KnowledgeKind, string> = {
  alias: '俗称/别名',
  synonym: '同义词',
  scenario: '情景(一件事)',
  english: '英文词',
  stopword: '停用词',
  out_of_scope: '非政务话题',
  hotword: '热词',
};

export const KIND_TONE: Record<KnowledgeKind, Tone> = {
  alias: 'blue',
  synonym: 'cyan',
  scenario: 'purple',
  english: 'green',
  stopword: 'grey',
  out_of_scope: 'orange',
  hotword: 'red',
};

/** What an entry of the kind does, shown under the kind selector. */
export const KIND_HELP: Record<KnowledgeKind, string> = {
  alias: '群众的说法直接指向事项或一件事，如“身份证丢了”→ 居民身份证补领。',
  synonym: '把日常用语扩展为规范用语参与检索，如“孩子”→ 子女、未成年人。',
  scenario: '人生或经营中的情景指向一件事（也可指向事项），如“生孩子”→ 新生儿出生一件事。',
  english: '英文或拼音缩写扩展为中文词，如 passport → 护照。',
  stopword: '检索时忽略的虚词、口头语，如“怎么办”“请问”。',
  out_of_scope: '不属于政务服务的话题，检索时如实告知并建议咨询相关机构；扩展词第一个为话题名称，如“信用卡”→ 银行。',
  hotword: '显示在首页搜索框下方的热门搜索词。',
};

/** Kinds whose entry points at catalogue items or bundles. */
export const usesTargets = (k: KnowledgeKind | undefined) => k === 'alias' || k === 'scenario';
/** Kinds whose entry expands to other words. */
export const usesExpansion = (k: KnowledgeKind | undefined) => k === 'synonym' || k === 'english' || k === 'out_of_scope';

export const EXPANSION_LABEL: Partial<Record<KnowledgeKind, string>> = {
  synonym: '扩展为（规范用语）',
  english: '对应中文词',
  out_of_scope: '话题名称及相关词',
};

/** Field errors of a 400 answer: the server sends them as `details` (knowledge API) or `fields` (zod). */
export function fieldErrors(e: unknown): { field: string; message: string }[] {
  if (!(e instanceof ApiError) || e.status !== 400) return [];
  const list = (e.body.details ?? e.body.fields) as { field?: string; path?: string; message?: string }[] | undefined;
  if (!Array.isArray(list)) return [];
  return list.map((d) => ({ field: String(d.field ?? d.path ?? ''), message: String(d.message ?? '') })).filter((d) => d.message);
}
