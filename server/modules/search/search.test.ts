// Search, typeahead, logging and the knowledge base over real HTTP on the demo catalogue.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestContext, type TestContext } from '../../test/harness.ts';

let t: TestContext;
let admin: string;
before(async () => {
  t = await createTestContext();
  admin = await t.login('admin');
});
after(async () => { await t.close(); });

const search = async (q: string, limit?: number) =>
  (await t.call(null, { method: 'GET', url: `/api/search?q=${encodeURIComponent(q)}${limit ? `&limit=${limit}` : ''}` })).json;

test('an official item name finds that item first, with badges', async () => {
  const r = await search('居民身份证首次申领');
  assert.equal(r.noMatch, false);
  assert.equal(r.results[0].code, 'SFQ-GA-001');
  assert.equal(r.results[0].kind, 'item');
  assert.equal(r.results[0].departmentId, 'ga');
  assert.ok(r.results[0].departmentName.includes('公安'));
  assert.ok(['full_online', 'online_apply_onsite_verify', 'onsite'].includes(r.results[0].onlineDepth));
  assert.ok(r.results[0].score > 0);
  for (let i = 1; i < r.results.length; i++) assert.ok(r.results[i - 1].score >= r.results[i].score, 'best first');
  assert.match(r.logId, /^\d+$/);
});

test('full-width, traditional characters and extra punctuation find the same item', async () => {
  const plain = await search('居民身份证首次申领');
  for (const q of ['居民身份證首次申領', '　居民身份证，首次申领！', 'ＡＢ居民身份证首次申领'.slice(2)]) {
    const r = await search(q);
    assert.equal(r.results[0].code, plain.results[0].code, q);
  }
});

test('a bundle name finds the bundle first', async () => {
  const r = await search('新生儿出生一件事');
  assert.equal(r.results[0].code, 'SFQ-BUNDLE-01');
  assert.equal(r.results[0].kind, 'bundle');
  assert.equal(r.results[0].itemCount, 5);
});

test('pinyin of an item name is read back into Chinese and reported as the suggestion', async () => {
  const r = await search('jumin shenfenzheng shouci shenling');
  assert.equal(r.noMatch, false);
  assert.equal(r.results[0].code, 'SFQ-GA-001');
  assert.ok(r.suggestion?.includes('身份证'));
});

test('a homophone typo is corrected ("did you mean")', async () => {
  const r = await search('居民身份正首次申领');
  assert.equal(r.results[0].code, 'SFQ-GA-001');
  assert.equal(r.suggestion, '居民身份证首次申领');
});

test('nonsense and topics outside the catalogue get noMatch with the hotline', async () => {
  for (const q of ['qwxzkvb', '信用卡还款']) {
    const r = await search(q);
    assert.equal(r.noMatch, true, q);
    assert.deepEqual(r.results, []);
    assert.equal(r.hotline, '12345');
  }
});

test('bad input is a 400 in Chinese, never a 500', async () => {
  for (const url of ['/api/search', '/api/search?q=', '/api/search?q=%20%20', `/api/search?q=${'长'.repeat(201)}`, '/api/search?q=a&limit=0', '/api/search?q=a&limit=x']) {
    const res = await t.call(null, { method: 'GET', url });
    assert.equal(res.status, 400, url);
    assert.match(res.json.message, /[\u4e00-\u9fa5]/);
  }
  const long = await t.call(null, { method: 'GET', url: `/api/search/suggest?q=${'长'.repeat(51)}` });
  assert.equal(long.status, 400);
});

test('searches are logged without personal data, and only a shown result counts as a click', async () => {
  const r = await search('社保卡 13812345678 110101199003077777');
  const log = await t.database.db.selectFrom('searchLog').selectAll().where('id', '=', Number(r.logId)).executeTakeFirstOrThrow();
  assert.ok(!log.query.includes('13812345678') && !log.query.includes('110101199003077777'), log.query);
  assert.ok(log.query.includes('[手机号]') && log.query.includes('[身份证号]'));
  const shown = r.results[0].code;
  const bad = await t.call(null, { method: 'POST', url: '/api/search/click', payload: { logId: Number(r.logId), code: 'SFQ-NOT-001', rank: 0 } });
  assert.equal(bad.status, 204);
  assert.equal((await t.database.db.selectFrom('searchLog').select('clickedCode').where('id', '=', Number(r.logId)).executeTakeFirstOrThrow()).clickedCode, null);
  await t.call(null, { method: 'POST', url: '/api/search/click', payload: { logId: Number(r.logId), code: shown, rank: 0 } });
  assert.equal((await t.database.db.selectFrom('searchLog').select('clickedCode').where('id', '=', Number(r.logId)).executeTakeFirstOrThrow()).clickedCode, shown);
});

test('typeahead: Chinese prefix or infix, and pinyin initials', async () => {
  const zh = (await t.call(null, { method: 'GET', url: `/api/search/suggest?q=${encodeURIComponent('身份证')}` })).json.suggestions;
  assert.ok(zh.length > 0 && zh.length <= 8);
  assert.ok(zh.every((s: { text: string }) => s.text.includes('身份证')), JSON.stringify(zh));
  const ini = (await t.call(null, { method: 'GET', url: '/api/search/suggest?q=jmsfz' })).json.suggestions;
  assert.ok(ini.some((s: { text: string }) => s.text.startsWith('居民身份证')), JSON.stringify(ini));
  assert.deepEqual((await t.call(null, { method: 'GET', url: '/api/search/suggest?q=' })).json.suggestions, []);
});

test('hot words: Chinese queries many people searched and opened, then the curated ones', async () => {
  const before = (await t.call(null, { method: 'GET', url: '/api/search/hot' })).json.hotwords;
  assert.ok(before.length > 0 && before.length <= 10);
  for (let i = 0; i < 3; i++) {
    const hit = await search('临时居民身份证核发');
    await t.call(null, { method: 'POST', url: '/api/search/click', payload: { logId: Number(hit.logId), code: hit.results[0].code, rank: 0 } });
    await search('linshi shenfenzheng');
  }
  const after = (await t.call(null, { method: 'GET', url: '/api/search/hot' })).json.hotwords;
  assert.equal(after[0], '临时居民身份证核发');
  assert.ok(!after.includes('linshi shenfenzheng'), 'pinyin and unopened queries are not shown');
});

test('an admin teaches the engine a new colloquial term without a restart', async () => {
  const term = '测试俗称甲乙丙';
  assert.equal((await search(term)).noMatch, true);
  const created = await t.call(admin, { method: 'POST', url: '/api/admin/knowledge', payload: { kind: 'alias', term, targets: ['SFQ-GA-004'] } });
  assert.equal(created.status, 201);
  const found = await search(term);
  assert.equal(found.noMatch, false);
  assert.equal(found.results[0].code, 'SFQ-GA-004');

  const dup = await t.call(admin, { method: 'POST', url: '/api/admin/knowledge', payload: { kind: 'alias', term, targets: ['SFQ-GA-001'] } });
  assert.equal(dup.status, 409);

  const moved = await t.call(admin, { method: 'PUT', url: `/api/admin/knowledge/${created.json.id}`, payload: { kind: 'alias', term, targets: ['SFQ-GA-005'] } });
  assert.equal(moved.status, 200);
  assert.equal((await search(term)).results[0].code, 'SFQ-GA-005');

  const listed = (await t.call(admin, { method: 'GET', url: `/api/admin/knowledge?q=${encodeURIComponent(term)}` })).json;
  assert.equal(listed.total, 1);
  assert.equal(listed.items[0].updatedBy, 'admin');

  assert.equal((await t.call(admin, { method: 'DELETE', url: `/api/admin/knowledge/${created.json.id}` })).status, 204);
  assert.equal((await search(term)).noMatch, true);
  assert.equal((await t.call(admin, { method: 'DELETE', url: `/api/admin/knowledge/${created.json.id}` })).status, 404);
});

test('knowledge entries are validated in Chinese', async () => {
  const cases: [Record<string, unknown>, string][] = [
    [{ kind: 'alias', term: '没有目标' }, 'targets'],
    [{ kind: 'alias', term: '目标不存在', targets: ['SFQ-XX-999'] }, 'targets'],
    [{ kind: 'synonym', term: '没有扩展' }, 'expansion'],
    [{ kind: 'nope', term: '类型错' }, 'kind'],
    [{ kind: 'stopword', term: '' }, 'term'],
    [{ kind: 'stopword', term: '权重', weight: 9 }, 'weight'],
  ];
  for (const [payload, field] of cases) {
    const res = await t.call(admin, { method: 'POST', url: '/api/admin/knowledge', payload });
    assert.equal(res.status, 400, JSON.stringify(payload));
    assert.ok(JSON.stringify(res.json).includes(field), JSON.stringify(res.json));
    assert.match(res.json.message, /[\u4e00-\u9fa5]/);
  }
});

test('analytics: totals, daily trend, hot and zero-result queries, and catalogue gaps that an entry closes', async () => {
  const gap = '测试缺口查询丁戊';
  for (let i = 0; i < 3; i++) await search(gap);
  const hit = await search('居民身份证首次申领');
  await t.call(null, { method: 'POST', url: '/api/search/click', payload: { logId: Number(hit.logId), code: hit.results[0].code, rank: 0 } });

  const stats = (await t.call(admin, { method: 'GET', url: '/api/admin/search/stats' })).json;
  assert.ok(stats.totals.searches >= 4);
  assert.ok(stats.totals.noMatch >= 3);
  assert.ok(stats.totals.clicks >= 1);
  assert.ok(stats.totals.clickThroughRate > 0 && stats.totals.clickThroughRate <= 1);
  assert.equal(stats.daily.length, 30, 'every day of the default 30-day range, quiet days as zero');
  assert.equal(stats.daily.reduce((n: number, d: { searches: number }) => n + d.searches, 0), stats.totals.searches);
  assert.ok(stats.zeroResult.some((z: { query: string; count: number }) => z.query === gap && z.count === 3));
  assert.ok(stats.hotQueries.length > 0);

  let gaps = (await t.call(admin, { method: 'GET', url: '/api/admin/search/gaps?days=7' })).json.gaps;
  const g = gaps.find((x: { query: string }) => x.query === gap);
  assert.equal(g.count, 3);
  assert.equal(g.nowAnswered, false);

  await t.call(admin, { method: 'POST', url: '/api/admin/knowledge', payload: { kind: 'alias', term: gap, targets: ['SFQ-GA-001'], source: 'gap' } });
  gaps = (await t.call(admin, { method: 'GET', url: '/api/admin/search/gaps?days=7' })).json.gaps;
  const closed = gaps.find((x: { query: string }) => x.query === gap);
  assert.equal(closed.nowAnswered, true);
  assert.equal(closed.topResult.code, 'SFQ-GA-001');

  const bad = await t.call(admin, { method: 'GET', url: '/api/admin/search/stats?from=2026-05-01&to=2026-04-01' });
  assert.equal(bad.status, 400);
});

test('an edited item is found under its new name at once', async () => {
  const item = (await t.call(null, { method: 'GET', url: '/api/items/SFQ-GA-007' })).json;
  const { code: _c, version, updatedAt: _u, department: _d, canApplyOnline: _a, ...content } = item;
  const res = await t.call(admin, { method: 'PUT', url: '/api/items/SFQ-GA-007', payload: { ...content, name: `${item.name}（庚辛测试版）`, version } });
  assert.equal(res.status, 200, JSON.stringify(res.json));
  let r = await search('庚辛测试版');
  for (let i = 0; i < 30 && r.results[0]?.code !== 'SFQ-GA-007'; i++) {
    await new Promise((ok) => setTimeout(ok, 100));
    r = await search('庚辛测试版');
  }
  assert.equal(r.results[0].code, 'SFQ-GA-007');
});

test('the shipped knowledge base loads into an empty table once, keeping only entries whose items exist', async () => {
  const { seedKnowledge } = await import('../../seed/knowledge.ts');
  const db = t.database.db;
  assert.equal(await seedKnowledge(db), 0, 'not over existing entries');
  await db.deleteFrom('searchKnowledge').execute();
  await db.deleteFrom('bundles').where('code', '=', 'SFQ-BUNDLE-12').execute();
  const n = await seedKnowledge(db);
  assert.ok(n > 3000, String(n));
  const orphan = await db.selectFrom('searchKnowledge').select('id').where(sql<boolean>`'SFQ-BUNDLE-12' = ANY(targets)`).execute();
  assert.equal(orphan.length, 0);
  const kinds = await db.selectFrom('searchKnowledge').select('kind').distinct().execute();
  assert.equal(kinds.length, 7);
});

test('the search log is kept for 400 days', async () => {
  const db = t.database.db;
  const old = new Date(t.clock.now().getTime() - 401 * 86_400_000);
  const { id } = await db.insertInto('searchLog').values({ query: '很久以前', normalized: '很久以前', resultCodes: [], noMatch: true, source: 'search', createdAt: old }).returning('id').executeTakeFirstOrThrow();
  const recent = await search('居民身份证首次申领');
  await t.app.jobs.tick();
  assert.equal(await db.selectFrom('searchLog').select('id').where('id', '=', id).executeTakeFirst(), undefined);
  assert.ok(await db.selectFrom('searchLog').select('id').where('id', '=', Number(recent.logId)).executeTakeFirst());
});
