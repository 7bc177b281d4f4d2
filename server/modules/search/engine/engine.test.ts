// The engine on a small made-up catalogue (not the demo): it works on any catalogue, and each stage
// (normalisation, knowledge phrases, pinyin, homophones, ranking, bundles, no-match, typeahead) does its part.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeText } from './normalize.ts';
import { Bm25fIndex } from './bm25.ts';
import { SearchEngine } from './engine.ts';
import { PhraseMap } from './vocabulary.ts';
import type { KnowledgeEntry, SearchDoc } from './types.ts';

const item = (code: string, name: string, extra: Partial<SearchDoc> = {}): SearchDoc => ({
  code, kind: 'item', name, departmentId: 'x', departmentName: '示例局', tags: [], description: '', conditions: '', materials: [], ...extra,
});
const DOCS: SearchDoc[] = [
  item('T-1', '机动车驾驶证换领', { tags: ['交通出行'], description: '机动车驾驶证有效期满前申请换领。' }),
  item('T-2', '机动车驾驶证遗失补领', { tags: ['交通出行'], description: '驾驶证遗失后申请补领。' }),
  item('T-3', '养犬登记', { description: '在城市区域饲养犬只的，应当办理养犬登记。' }),
  item('T-4', '图书馆读者证办理', { description: '办理公共图书馆读者证。' }),
  item('T-5', '老年人优待证办理', { description: '年满六十周岁的老年人申领优待证。', tags: ['养老服务'] }),
  item('T-6', '高龄津贴申领', { description: '八十周岁以上老年人申领高龄津贴。', tags: ['养老服务'] }),
  { code: 'B-1', kind: 'bundle', name: '养老服务一件事', departmentId: null, departmentName: '', tags: [], description: '将老年人优待证办理和高龄津贴申领整合为一件事。', conditions: '', materials: [], itemCodes: ['T-5', 'T-6'] },
];
const kb = (kind: KnowledgeEntry['kind'], term: string, targets: string[] = [], expansion: string[] = []): KnowledgeEntry => ({ kind, term, targets, expansion, weight: 1 });
const KNOWLEDGE: KnowledgeEntry[] = [
  kb('alias', '驾照丢了', ['T-2']),
  kb('alias', '狗证', ['T-3']),
  kb('synonym', '驾照', [], ['机动车驾驶证']),
  kb('english', 'driver license', [], ['机动车驾驶证']),
  kb('english', 'lost', [], ['遗失', '补领']),
  kb('scenario', '父母年纪大了', ['B-1']),
  kb('stopword', '怎么'),
  kb('stopword', '办'),
  kb('out_of_scope', '信用卡', [], ['银行']),
  kb('hotword', '养犬登记'),
];
const engine = SearchEngine.build(DOCS, KNOWLEDGE);
const top = (q: string) => engine.search(q, 5).results[0]?.code;

test('normalisation: full width, case, traditional characters, punctuation', () => {
  assert.equal(normalizeText('ＡＢＣ　機動車駕駛證！'), 'abc 机动车驾驶证');
  assert.equal(normalizeText('  养犬，登记？ '), '养犬 登记');
});

test('phrase scan keeps the longest overlapping hit', () => {
  const m = new PhraseMap<number>();
  m.set('驾照', 1);
  m.set('驾照丢了', 2);
  assert.deepEqual(m.scan('我的驾照丢了').map((h) => h.phrase), ['驾照丢了']);
});

test('BM25F: a term in the name outweighs the same term in the description', () => {
  const index = new Bm25fIndex([{ weight: 3, b: 0.5 }, { weight: 0.5, b: 0.75 }], [[['犬'], []], [[], ['犬']], [['书'], []]]);
  const scores = new Float64Array(3);
  const touched = index.score([{ term: '犬', weight: 1 }], scores);
  assert.deepEqual(touched.sort(), [0, 1]);
  assert.ok(scores[0]! > scores[1]!);
  assert.ok(index.contains('书', 2) && !index.contains('书', 0));
});

test('official names, aliases and synonyms', () => {
  assert.equal(top('机动车驾驶证遗失补领'), 'T-2');
  assert.equal(top('驾照丢了怎么办'), 'T-2');
  assert.equal(top('驾照换领'), 'T-1');
  assert.equal(top('办狗证'), 'T-3');
});

test('English and pinyin are read into Chinese', () => {
  assert.equal(top('lost driver license'), 'T-2');
  const py = engine.search('yangquan dengji');
  assert.equal(py.results[0]?.code, 'T-3');
  assert.equal(py.suggestion, '养犬登记');
  assert.equal(top('yqdj'), 'T-3');
});

test('homophone typos are corrected and offered as "did you mean"', () => {
  const r = engine.search('养犬登纪');
  assert.equal(r.results[0]?.code, 'T-3');
  assert.equal(r.suggestion, '养犬登记');
});

test('a life-event phrase puts the bundle first; naming one item keeps that item first', () => {
  const scenario = engine.search('父母年纪大了');
  assert.equal(scenario.results[0]?.code, 'B-1');
  assert.equal(scenario.results[0]?.kind, 'bundle');
  assert.equal(top('父母年纪大了申领高龄津贴'), 'T-6');
});

test('no match: outside topics and nonsense say so instead of guessing', () => {
  for (const q of ['信用卡', '信用卡怎么办', 'zzqxv', '天气预报明天', '怎么']) {
    const r = engine.search(q);
    assert.equal(r.noMatch, true, q);
    assert.deepEqual(r.results, [], q);
  }
  assert.equal(engine.search('信用卡').outOfScope, '银行');
});

test('typeahead: prefix, infix and pinyin initials; one suggestion per item', () => {
  assert.deepEqual(engine.suggest('养犬').map((s) => s.code), ['T-3']);
  assert.ok(engine.suggest('驾驶证').every((s) => s.text.includes('驾驶证')));
  assert.equal(engine.suggest('jdcjsz')[0]?.text.startsWith('机动车驾驶证'), true);
  assert.deepEqual(engine.suggest(''), []);
  assert.ok(engine.hotwords.includes('养犬登记'));
});

test('results are best first and limited', () => {
  const r = engine.search('机动车驾驶证', 1);
  assert.equal(r.results.length, 1);
  const all = engine.search('机动车驾驶证', 10).results;
  for (let i = 1; i < all.length; i++) assert.ok(all[i - 1]!.score >= all[i]!.score);
});
