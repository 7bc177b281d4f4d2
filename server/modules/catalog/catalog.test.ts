import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { DEMO_DIR } from '../../seed/catalog.ts';

let t: TestContext;
before(async () => { t = await createTestContext(); });
after(async () => { await t.close(); });

test('health reports the database kind', async () => {
  const r = await t.call(null, { method: 'GET', url: '/api/health' });
  assert.equal(r.status, 200);
  assert.deepEqual(r.json, { status: 'ok', db: process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite' });
});

test('the demo catalog has 28 departments, 257 items and 12 bundles', async () => {
  const d = await t.call(null, { method: 'GET', url: '/api/departments' });
  assert.equal(d.json.departments.length, 28);
  const i = await t.call(null, { method: 'GET', url: '/api/items?pageSize=1' });
  assert.equal(i.json.total, 257);
  const b = await t.call(null, { method: 'GET', url: '/api/bundles' });
  assert.equal(b.json.bundles.length, 12);
});

// ---- listing and filters -------------------------------------------------------------------

interface DemoItem { code: string; name: string; departmentId: string; tags: string[]; applicantTypes: string[]; onlineDepth: string; crossProvince: boolean }
const demo = JSON.parse(readFileSync(join(DEMO_DIR, 'items.json'), 'utf8')) as DemoItem[];
const list = (query: string) => t.call(null, { method: 'GET', url: `/api/items?pageSize=100&${query}` });

async function allCodes(query: string): Promise<string[]> {
  const codes: string[] = [];
  for (let page = 1; ; page++) {
    const r = await list(`${query}&page=${page}`);
    assert.equal(r.status, 200, r.body);
    codes.push(...r.json.items.map((i: { code: string }) => i.code));
    if (codes.length >= r.json.total) return codes.sort();
  }
}
const expected = (f: (i: DemoItem) => boolean) => demo.filter(f).map((i) => i.code).sort();

test('items can be filtered by department', async () => {
  assert.deepEqual(await allCodes('departmentId=ga'), expected((i) => i.departmentId === 'ga'));
});

test('items can be filtered by topic tag', async () => {
  const codes = await allCodes(`tag=${encodeURIComponent('户籍办理')}`);
  assert.equal(codes.length, 13);
  assert.deepEqual(codes, expected((i) => i.tags.includes('户籍办理')));
});

test('items can be filtered by who may apply', async () => {
  assert.deepEqual(await allCodes('applicantType=enterprise'), expected((i) => i.applicantTypes.includes('enterprise')));
  assert.deepEqual(await allCodes('applicantType=person'), expected((i) => i.applicantTypes.includes('person')));
});

test('items can be filtered by how far they can be done online', async () => {
  assert.deepEqual(await allCodes('onlineDepth=full_online'), expected((i) => i.onlineDepth === 'full_online'));
  const onsite = await list('onlineDepth=onsite');
  assert.ok(onsite.json.items.every((i: { canApplyOnline: boolean }) => !i.canApplyOnline));
});

test('59 items can be handled across provinces (跨省通办)', async () => {
  const yes = await list('crossProvince=true');
  assert.equal(yes.json.total, 59);
  assert.ok(yes.json.items.every((i: { crossProvince: boolean }) => i.crossProvince));
  const no = await list('crossProvince=false');
  assert.equal(no.json.total, 257 - 59);
  assert.equal((await list('crossProvince=maybe')).status, 400);
});

test('filters combine', async () => {
  assert.deepEqual(
    await allCodes('departmentId=rsj&applicantType=enterprise&onlineDepth=full_online'),
    expected((i) => i.departmentId === 'rsj' && i.applicantTypes.includes('enterprise') && i.onlineDepth === 'full_online'),
  );
});

test('items can be found by a part of their name or code', async () => {
  const r = await list(`q=${encodeURIComponent('出生')}`);
  assert.equal(r.status, 200);
  assert.deepEqual(r.json.items.map((i: { code: string }) => i.code).sort(), expected((i) => i.name.includes('出生')));
  assert.ok(r.json.items.some((i: { code: string }) => i.code === 'SFQ-GA-004'));
  assert.equal((await list('q=SFQ-GA-004')).json.total, 1);
  assert.equal((await list(`q=${encodeURIComponent('%')}`)).json.total, 0, 'a % is a character, not a wildcard');
  assert.equal((await list(`q=${encodeURIComponent('没有这种事项')}`)).json.total, 0);
});

test('pages do not overlap and page size is bounded', async () => {
  const p1 = await t.call(null, { method: 'GET', url: '/api/items?page=1&pageSize=10' });
  const p2 = await t.call(null, { method: 'GET', url: '/api/items?page=2&pageSize=10' });
  assert.equal(p1.json.items.length, 10);
  assert.equal(p1.json.page, 1);
  assert.equal(p2.json.page, 2);
  const codes1 = new Set(p1.json.items.map((i: { code: string }) => i.code));
  assert.ok(p2.json.items.every((i: { code: string }) => !codes1.has(i.code)));
  const far = await t.call(null, { method: 'GET', url: '/api/items?page=1000&pageSize=100' });
  assert.equal(far.status, 200);
  assert.deepEqual(far.json.items, []);
  assert.equal(far.json.total, 257);
  for (const q of ['pageSize=1000', 'pageSize=0', 'page=0', 'page=abc']) {
    const r = await t.call(null, { method: 'GET', url: `/api/items?${q}` });
    assert.equal(r.status, 400, q);
    assert.equal(r.json.fields[0].field, q.split('=')[0]);
  }
});

test('departments list their item counts and tags their use', async () => {
  const d = await t.call(null, { method: 'GET', url: '/api/departments' });
  const ga = d.json.departments.find((x: { id: string }) => x.id === 'ga');
  assert.equal(ga.itemCount, demo.filter((i) => i.departmentId === 'ga').length);
  const tags = await t.call(null, { method: 'GET', url: '/api/tags' });
  assert.deepEqual(tags.json.tags.find((x: { tag: string }) => x.tag === '户籍办理'), { tag: '户籍办理', count: 13 });
});

// ---- item detail and bundles ---------------------------------------------------------------

test('an item guide shows its materials with their form and shared-data source', async () => {
  const r = await t.call(null, { method: 'GET', url: '/api/items/SFQ-GA-004' });
  assert.equal(r.status, 200);
  assert.equal(r.json.name, '出生登记');
  assert.equal(r.json.version, 1);
  assert.equal(r.json.canApplyOnline, true);
  assert.equal(r.json.promisedLimitDays, 0);
  assert.deepEqual(r.json.department && { id: r.json.department.id, kind: r.json.department.kind }, { id: 'ga', kind: 'department' });
  assert.ok(r.json.legalBasis && r.json.acceptConditions && r.json.fee);
  assert.deepEqual(r.json.materials[0], { name: '出生医学证明', required: true, form: 'original', copies: 1, sharedSource: 'birth_medical' });
  assert.ok(r.json.materials.every((m: { form: string; sharedSource: unknown }) => ['original', 'copy', 'electronic'].includes(m.form) && 'sharedSource' in m));
});

test('an unknown item is 404 and a malformed code 400', async () => {
  const r = await t.call(null, { method: 'GET', url: '/api/items/SFQ-XX-999' });
  assert.equal(r.status, 404);
  assert.equal(r.json.code, 'ITEM_NOT_FOUND');
  assert.ok(/[\u4e00-\u9fff]/.test(r.json.message));
  assert.equal((await t.call(null, { method: 'GET', url: '/api/items/not%20a%20code' })).status, 400);
  assert.equal((await t.call(null, { method: 'GET', url: '/api/items/SFQ-XX-999/versions' })).status, 404);
});

test('a bundle (一件事) lists its items in order', async () => {
  const r = await t.call(null, { method: 'GET', url: '/api/bundles/SFQ-BUNDLE-01' });
  assert.equal(r.status, 200);
  assert.equal(r.json.name, '新生儿出生一件事');
  assert.deepEqual(r.json.items.map((i: { code: string }) => i.code), r.json.itemCodes);
  assert.equal(r.json.items.length, 5);
  assert.ok(r.json.items.every((i: { name: string; departmentName: string }) => i.name && i.departmentName));
  assert.equal((await t.call(null, { method: 'GET', url: '/api/bundles/SFQ-BUNDLE-99' })).status, 404);
});

test('popular items are items', async () => {
  const r = await t.call(null, { method: 'GET', url: '/api/items/popular?limit=5' });
  assert.equal(r.status, 200);
  assert.equal(r.json.items.length, 5);
  assert.equal((await t.call(null, { method: 'GET', url: '/api/items/popular?limit=500' })).status, 400);
});

// ---- editing and versions ------------------------------------------------------------------

async function editable(code: string) {
  const r = await t.call(null, { method: 'GET', url: `/api/items/${code}` });
  assert.equal(r.status, 200);
  return r.json as Record<string, unknown> & { version: number };
}
const put = async (username: string | null, code: string, body: Record<string, unknown>) =>
  t.call(username ? await t.login(username) : null, { method: 'PUT', url: `/api/items/${code}`, payload: body });

test('an administrator edits an item and a new version is kept beside the old', async () => {
  const item = await editable('SFQ-GA-007');
  const r = await put('admin', 'SFQ-GA-007', { ...item, fee: '不收费（测试修改）' });
  assert.equal(r.status, 200, r.body);
  assert.equal(r.json.version, 2);
  assert.equal(r.json.fee, '不收费（测试修改）');
  assert.equal((await editable('SFQ-GA-007')).version, 2);
  const versions = await t.call(null, { method: 'GET', url: '/api/items/SFQ-GA-007/versions' });
  assert.deepEqual(versions.json.versions.map((v: { version: number }) => v.version).sort(), [1, 2]);
  assert.equal(versions.json.versions.find((v: { version: number }) => v.version === 2).createdBy, 'admin');
  const v1 = await t.call(null, { method: 'GET', url: '/api/items/SFQ-GA-007/versions/1' });
  assert.equal(v1.status, 200);
  assert.equal(v1.json.content.fee, item.fee);
  assert.equal((await t.call(null, { method: 'GET', url: '/api/items/SFQ-GA-007/versions/9' })).status, 404);
});

test('saving over someone else’s newer version is refused with 409', async () => {
  const item = await editable('SFQ-GA-008');
  assert.equal((await put('admin', 'SFQ-GA-008', { ...item, fee: '第一次' })).status, 200);
  const stale = await put('admin', 'SFQ-GA-008', { ...item, fee: '第二次（基于旧版本）' });
  assert.equal(stale.status, 409);
  assert.equal(stale.json.code, 'VERSION_CONFLICT');
  assert.equal(stale.json.currentVersion, 2);
  assert.equal((await editable('SFQ-GA-008')).fee, '第一次');
});

test('only administrators edit items: citizen and clerk 403, anonymous 401', async () => {
  const item = await editable('SFQ-GA-009');
  assert.equal((await put('citizen', 'SFQ-GA-009', { ...item, fee: 'x' })).status, 403);
  assert.equal((await put('clerk', 'SFQ-GA-009', { ...item, fee: 'x' })).status, 403);
  assert.equal((await put('reviewer-ga', 'SFQ-GA-009', { ...item, fee: 'x' })).status, 403);
  assert.equal((await put(null, 'SFQ-GA-009', { ...item, fee: 'x' })).status, 401);
  assert.equal((await editable('SFQ-GA-009')).version, 1);
});

test('an item whose promised limit exceeds the legal limit is refused with 400', async () => {
  const item = await editable('SFQ-GA-010');
  const r = await put('admin', 'SFQ-GA-010', { ...item, promisedLimitDays: Number(item.legalLimitDays) + 1 });
  assert.equal(r.status, 400);
  assert.equal(r.json.fields[0].field, 'promisedLimitDays');
  const noDept = await put('admin', 'SFQ-GA-010', { ...item, departmentId: 'nope' });
  assert.equal(noDept.status, 400);
  assert.equal(noDept.json.fields[0].field, 'departmentId');
  const badType = await put('admin', 'SFQ-GA-010', { ...item, legalLimitDays: 'twenty' });
  assert.equal(badType.status, 400);
  assert.equal(badType.json.fields[0].field, 'legalLimitDays');
  assert.equal((await editable('SFQ-GA-010')).version, 1);
});

test('a case keeps the item version it was made under; a new case gets the new version', async () => {
  const citizen = await t.login('citizen');
  const applyFor = async () => {
    const r = await t.call(citizen, { method: 'POST', url: '/api/applications', payload: { itemCode: 'SFQ-GA-006', formData: {} } });
    assert.equal(r.status, 201, r.body);
    return r.json.id as string;
  };
  const before = await applyFor();
  const item = await editable('SFQ-GA-006');
  const edited = await put('admin', 'SFQ-GA-006', { ...item, acceptConditions: `${item.acceptConditions}（测试修改）` });
  assert.equal(edited.json.version, 2);
  const after = await applyFor();
  const get = async (id: string) => (await t.call(citizen, { method: 'GET', url: `/api/applications/${id}` })).json;
  assert.equal((await get(before)).itemVersion, 1);
  assert.equal((await get(after)).itemVersion, 2);
});

test('an admin adds a new item: the department numbering continues, the name must be new, search finds it at once', async () => {
  const admin = await t.login('admin');
  const { code: _c, version: _v, updatedAt: _u, department: _d, canApplyOnline: _a, ...content } = (await t.call(null, { method: 'GET', url: '/api/items/SFQ-GA-007' })).json;
  const name = '测试新增事项壬癸登记';
  const created = await t.call(admin, { method: 'POST', url: '/api/items', payload: { ...content, name } });
  assert.equal(created.status, 201, created.body);
  assert.equal(created.json.code, 'SFQ-GA-027');
  assert.equal(created.json.version, 1);
  assert.equal((await t.call(null, { method: 'GET', url: '/api/items/SFQ-GA-027/versions' })).json.versions.length, 1);
  const again = await t.call(admin, { method: 'POST', url: '/api/items', payload: { ...content, name } });
  assert.equal(again.status, 409);
  const bad = await t.call(admin, { method: 'POST', url: '/api/items', payload: { ...content, name: '另一个测试事项', promisedLimitDays: content.legalLimitDays + 1 } });
  assert.equal(bad.status, 400);
  const noDept = await t.call(admin, { method: 'POST', url: '/api/items', payload: { ...content, name: '又一个测试事项', departmentId: 'nope' } });
  assert.equal(noDept.status, 400);
  let found = (await t.call(null, { method: 'GET', url: `/api/search?q=${encodeURIComponent(name)}` })).json;
  for (let i = 0; i < 20 && found.results[0]?.code !== 'SFQ-GA-027'; i++) {
    await new Promise((ok) => setTimeout(ok, 100));
    found = (await t.call(null, { method: 'GET', url: `/api/search?q=${encodeURIComponent(name)}` })).json;
  }
  assert.equal(found.results[0].code, 'SFQ-GA-027');
});

test('item codes continue each department with the catalogue prefix', async () => {
  const { nextItemCode } = await import('./catalog.service.ts');
  assert.equal(nextItemCode(['SFQ-GA-001', 'SFQ-GA-026'], 'SFQ-BDC-001', 'ga'), 'SFQ-GA-027');
  assert.equal(nextItemCode([], 'SFQ-BDC-001', 'swj'), 'SFQ-SWJ-001');
  assert.equal(nextItemCode([], undefined, 'abc'), 'ITEM-ABC-001');
});
