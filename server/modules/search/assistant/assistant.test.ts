// 智能客服 over real HTTP: every fact in an answer is checked against the catalogue record.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { detectTopics, pickOption, subjectOf } from './intents.ts';

let t: TestContext;
before(async () => { t = await createTestContext(); });
after(async () => { await t.close(); });

const ask = async (message: string, sessionId?: string) => {
  const res = await t.call(null, { method: 'POST', url: '/api/assistant', payload: { message, sessionId } });
  assert.equal(res.status, 200, res.body);
  return res.json;
};
const item = async (code: string) => (await t.call(null, { method: 'GET', url: `/api/items/${code}` })).json;

test('intents: follow-up topics, what is left as a subject, and numbered picks', () => {
  assert.deepEqual(detectTopics('要带什么材料？'), ['materials']);
  assert.deepEqual(detectTopics('多久能办好，要收费吗'), ['time', 'fee']);
  assert.equal(subjectOf('要带什么材料？'), '');
  assert.equal(subjectOf('多久能办好？'), '');
  assert.ok(subjectOf('身份证要带什么材料').includes('身份证'));
  assert.equal(pickOption('第二个', 3), 1);
  assert.equal(pickOption('3', 3), 2);
  assert.equal(pickOption('4', 3), null);
  assert.equal(pickOption('身份证', 3), null);
});

test('a question gets the item with facts from the catalogue, and follow-ups keep the subject', async () => {
  const first = await ask('居民身份证首次申领');
  assert.equal(first.handoff, false);
  assert.equal(first.cards[0].code, 'SFQ-GA-001');
  assert.equal(first.cards[0].link, '/items/SFQ-GA-001');
  const facts = await item('SFQ-GA-001');
  assert.ok(first.reply.includes(facts.name));
  assert.ok(first.reply.includes(String(facts.promisedLimitDays)));
  assert.ok(first.reply.includes(facts.fee), 'fee from the catalogue');
  assert.ok(first.actions.some((a: { href: string }) => a.href === '/items/SFQ-GA-001'));
  assert.ok(first.suggestions.length > 0);

  const materials = await ask('要带什么材料？', first.sessionId);
  assert.equal(materials.sessionId, first.sessionId);
  for (const m of facts.materials) assert.ok(materials.reply.includes(m.name), m.name);

  const time = await ask('多久能办好？', first.sessionId);
  assert.ok(time.reply.includes(`${facts.promisedLimitDays} 个工作日`));
  assert.ok(time.reply.includes(`${facts.legalLimitDays} 个工作日`));

  const where = await ask('在哪里办？', first.sessionId);
  assert.ok(where.reply.includes(facts.department.name));
});

test('a new subject in the same conversation switches to it', async () => {
  const a = await ask('居民身份证首次申领');
  const b = await ask('新生儿出生一件事', a.sessionId);
  assert.equal(b.cards[0].kind, 'bundle');
  assert.equal(b.cards[0].code, 'SFQ-BUNDLE-01');
  const bundle = (await t.call(null, { method: 'GET', url: '/api/bundles/SFQ-BUNDLE-01' })).json;
  for (const it of bundle.items) assert.ok(b.reply.includes(it.name), it.name);
  // "第2个" picks the second item of the bundle.
  const second = await ask('第2个', a.sessionId);
  assert.equal(second.cards[0].code, bundle.items[1].code);
});

test('when it cannot help it says so and offers the 12345 hotline', async () => {
  const r = await ask('qwxzkvb');
  assert.equal(r.handoff, true);
  assert.ok(r.reply.includes('12345'));
  assert.deepEqual(r.cards, []);
  assert.ok(r.actions.some((a: { href: string }) => a.href === 'tel:12345'));
  const outside = await ask('信用卡还款');
  assert.equal(outside.handoff, true);
  // A follow-up with no subject in a fresh conversation asks what the citizen wants.
  const lost = await ask('要带什么材料？');
  assert.equal(lost.handoff, true);
  assert.ok(lost.reply.includes('您想办理什么'));
});

test('bad input is a 400 in Chinese', async () => {
  for (const payload of [{}, { message: '' }, { message: '   ' }, { message: '长'.repeat(501) }, { message: '问', sessionId: 'x'.repeat(65) }]) {
    const res = await t.call(null, { method: 'POST', url: '/api/assistant', payload });
    assert.equal(res.status, 400, JSON.stringify(payload));
    assert.match(res.json.message, /[\u4e00-\u9fa5]/);
  }
});

test('when several items fit about equally it asks which one, and a number picks it', async () => {
  const r = await ask('提取住房公积金');
  assert.ok(r.reply.includes('请问您要办哪一个'), r.reply);
  assert.ok(r.cards.length >= 2);
  for (const c of r.cards) assert.ok(c.name.includes('提取住房公积金'), c.name);
  const picked = await ask('第2个', r.sessionId);
  assert.equal(picked.cards[0].code, r.cards[1].code);
  const facts = await item(r.cards[1].code);
  assert.ok(picked.reply.includes(facts.fee));
});
