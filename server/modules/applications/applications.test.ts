// Submitting applications: receipts, retries, what may be applied for, materials and drafts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, SAMPLE, type TestContext } from '../../test/harness.ts';
import { addWorkingDays, apply, detail, ENTERPRISE_ITEM, GA_ITEM, isChinese, ONSITE_ITEM, upload } from '../../test/fixtures.ts';

let t: TestContext;
before(async () => { t = await createTestContext(); });
after(async () => { await t.close(); });

const submit = async (username: string | null, payload: unknown, headers: Record<string, string> = {}) =>
  t.call(username ? await t.login(username) : null, { method: 'POST', url: '/api/applications', payload: payload as object, headers });
const myCases = async (username: string, itemCode: string) => {
  const r = await t.call(await t.login(username), { method: 'GET', url: `/api/applications?itemCode=${itemCode}&pageSize=100` });
  assert.equal(r.status, 200, r.body);
  return r.json as { items: { id: string }[]; total: number };
};

test('a citizen submits an application and gets a receipt with a case number and a due date', async () => {
  const r = await submit('citizen', { itemCode: GA_ITEM, formData: {} });
  assert.equal(r.status, 201, r.body);
  assert.match(r.json.id, /^[0-9a-f-]{36}$/);
  assert.match(r.json.caseNo, /^SFQ20260302\d{6}$/);
  assert.equal(r.json.status, 'submitted');
  assert.equal(r.json.dueDate, await addWorkingDays(t, '2026-03-02', 5));
  assert.equal(r.json.dueDateProvisional, false);
  assert.equal(r.json.checklist.length, 5);
  const d = await detail(t, 'citizen', r.json.id);
  assert.equal(d.caseNo, r.json.caseNo);
  assert.equal(d.status, 'submitted');
  assert.equal(d.statusLabel, '已提交待受理');
  assert.equal(d.applicant.name, '张三');
});

test('sending the same Idempotency-Key twice returns the same case and creates only one', async () => {
  const item = 'SFQ-GA-007';
  const before = (await myCases('citizen', item)).total;
  const key = `retry-${Date.now()}`;
  const first = await submit('citizen', { itemCode: item, formData: { note: 'first' } }, { 'idempotency-key': key });
  const again = await submit('citizen', { itemCode: item, formData: { note: 'first' } }, { 'idempotency-key': key });
  assert.equal(first.status, 201, first.body);
  assert.equal(again.status, 201, again.body);
  assert.equal(again.json.id, first.json.id);
  assert.deepEqual(again.json, first.json, 'the retry gets the same receipt');
  assert.equal(again.headers['idempotent-replayed'], 'true');
  assert.equal((await myCases('citizen', item)).total, before + 1);
});

test('five concurrent submissions with one Idempotency-Key make one case', async () => {
  const item = 'SFQ-GA-008';
  const before = (await myCases('citizen', item)).total;
  const key = `burst-${Date.now()}`;
  const all = await Promise.all(Array.from({ length: 5 }, () => submit('citizen', { itemCode: item, formData: {} }, { 'idempotency-key': key })));
  assert.deepEqual(all.map((r) => r.status), [201, 201, 201, 201, 201], all.map((r) => r.body).join('\n'));
  assert.equal(new Set(all.map((r) => r.json.id)).size, 1);
  assert.equal((await myCases('citizen', item)).total, before + 1);
});

test('one Idempotency-Key used by two people makes two cases', async () => {
  const key = `shared-${Date.now()}`;
  const a = await submit('citizen', { itemCode: GA_ITEM }, { 'idempotency-key': key });
  const b = await submit('citizen2', { itemCode: GA_ITEM }, { 'idempotency-key': key });
  assert.equal(a.status, 201);
  assert.equal(b.status, 201);
  assert.notEqual(a.json.id, b.json.id);
});

test('an item that must be handled at the window cannot be applied for online (400)', async () => {
  const r = await submit('citizen', { itemCode: ONSITE_ITEM, formData: {} });
  assert.equal(r.status, 400);
  assert.equal(r.json.code, 'ITEM_NOT_ONLINE');
  assert.equal(r.json.fields[0].field, 'itemCode');
  assert.ok(isChinese(r.json.message));
});

test('an unknown item code is refused with 400 naming itemCode', async () => {
  const r = await submit('citizen', { itemCode: 'SFQ-XX-999', formData: {} });
  assert.equal(r.status, 400);
  assert.equal(r.json.fields[0].field, 'itemCode');
  const malformed = await submit('citizen', { itemCode: 'drop table', formData: {} });
  assert.equal(malformed.status, 400);
  assert.equal(malformed.json.fields[0].field, 'itemCode');
  const missing = await submit('citizen', { formData: {} });
  assert.equal(missing.status, 400);
  assert.equal(missing.json.fields[0].field, 'itemCode');
});

test('a citizen cannot apply for an enterprise-only item, and an enterprise can', async () => {
  const r = await submit('citizen', { itemCode: ENTERPRISE_ITEM, formData: {} });
  assert.equal(r.status, 400);
  assert.equal(r.json.code, 'APPLICANT_TYPE_MISMATCH');
  assert.match(r.json.message, /法人/);
  const ok = await submit('enterprise', { itemCode: ENTERPRISE_ITEM, formData: {} });
  assert.equal(ok.status, 201, ok.body);
  const d = await detail(t, 'enterprise', ok.json.id);
  assert.equal(d.applicant.kind, 'enterprise');
  assert.equal(d.applicant.companyName, '安澜示范云帆科技有限公司');
  const personOnly = await submit('enterprise', { itemCode: GA_ITEM, formData: {} });
  assert.equal(personOnly.status, 400);
  assert.equal(personOnly.json.code, 'APPLICANT_TYPE_MISMATCH');
});

test('staff cannot apply (403) and an anonymous caller must log in (401)', async () => {
  assert.equal((await submit('clerk', { itemCode: GA_ITEM })).status, 403);
  assert.equal((await submit('admin', { itemCode: GA_ITEM })).status, 403);
  assert.equal((await submit(null, { itemCode: GA_ITEM })).status, 401);
});

test('an uploaded material submitted with the application is listed and ticked in the checklist', async () => {
  const citizen = await t.login('citizen');
  const f = await upload(t, citizen, SAMPLE.pdf, '申请表.pdf');
  const r = await submit('citizen', { itemCode: GA_ITEM, formData: {}, materials: [{ name: '户口迁移申请表', fileId: f.fileId }] });
  assert.equal(r.status, 201, r.body);
  assert.equal(r.json.checklist.find((c: { name: string }) => c.name === '户口迁移申请表').provided, true);
  const d = await detail(t, 'citizen', r.json.id);
  assert.deepEqual(d.materials.map((m: { name: string; fileId: string; mime: string; size: number; fileName: string }) => [m.name, m.fileId, m.mime, m.size, m.fileName]),
    [['户口迁移申请表', f.fileId, 'application/pdf', SAMPLE.pdf.length, '申请表.pdf']]);
  const provided = Object.fromEntries(d.checklist.map((c: { name: string; provided: boolean }) => [c.name, c.provided]));
  assert.deepEqual(provided, { 户口迁移申请表: true, 结婚证: false, 被投靠人居民户口簿: false, 居民身份证: false, 合法稳定住所证明: false });
  assert.equal(d.checklist.find((c: { name: string }) => c.name === '结婚证').sharedSource, 'marriage');
});

test('a material that the item does not ask for is refused, naming materials.0.name', async () => {
  const f = await upload(t, await t.login('citizen'));
  const r = await submit('citizen', { itemCode: GA_ITEM, materials: [{ name: '营业执照', fileId: f.fileId }] });
  assert.equal(r.status, 400);
  assert.equal(r.json.fields[0].field, 'materials.0.name');
  assert.ok(isChinese(r.json.message));
});

test("someone else's upload cannot be attached (400)", async () => {
  const theirs = await upload(t, await t.login('citizen2'));
  const r = await submit('citizen', { itemCode: GA_ITEM, materials: [{ name: '户口迁移申请表', fileId: theirs.fileId }] });
  assert.equal(r.status, 400);
  assert.equal(r.json.fields[0].field, 'materials.0.fileId');
  const unknown = await submit('citizen', { itemCode: GA_ITEM, materials: [{ name: '户口迁移申请表', fileId: '00000000-0000-4000-8000-000000000000' }] });
  assert.equal(unknown.status, 400);
});

test('a draft is saved without a due date, edited, then submitted', async () => {
  const r = await submit('citizen', { itemCode: GA_ITEM, formData: { 迁入地址: '旧地址' }, draft: true });
  assert.equal(r.status, 201, r.body);
  assert.equal(r.json.status, 'draft');
  assert.equal(r.json.dueDate, null);
  const citizen = await t.login('citizen');
  const f = await upload(t, citizen);
  const put = await t.call(citizen, { method: 'PUT', url: `/api/applications/${r.json.id}`, payload: { formData: { 迁入地址: '新地址' }, materials: [{ name: '结婚证', fileId: f.fileId }] } });
  assert.equal(put.status, 200, put.body);
  assert.deepEqual(put.json.formData, { 迁入地址: '新地址' });
  assert.deepEqual(put.json.materials.map((m: { name: string }) => m.name), ['结婚证']);
  assert.deepEqual(put.json.allowedActions, ['submit', 'withdraw']);
  assert.equal((await t.call(await t.login('clerk'), { method: 'GET', url: `/api/applications/${r.json.id}` })).status, 200);
  const sub = await t.call(citizen, { method: 'POST', url: `/api/applications/${r.json.id}/actions`, payload: { action: 'submit' } });
  assert.equal(sub.status, 200, sub.body);
  assert.equal(sub.json.status, 'submitted');
  assert.ok(sub.json.dueDate && sub.json.submittedAt);
  assert.deepEqual(sub.json.events.map((e: { action: string }) => e.action), ['save_draft', 'submit']);
  const late = await t.call(citizen, { method: 'PUT', url: `/api/applications/${r.json.id}`, payload: { formData: {} } });
  assert.equal(late.status, 409, 'a submitted case is no longer a draft');
});

test("a draft can only be edited by its applicant", async () => {
  const r = await submit('citizen', { itemCode: GA_ITEM, draft: true });
  const other = await t.call(await t.login('citizen2'), { method: 'PUT', url: `/api/applications/${r.json.id}`, payload: { formData: { x: 'y' } } });
  assert.equal(other.status, 404);
  const clerk = await t.call(await t.login('clerk'), { method: 'PUT', url: `/api/applications/${r.json.id}`, payload: { formData: { x: 'y' } } });
  assert.equal(clerk.status, 403);
  assert.deepEqual((await detail(t, 'citizen', r.json.id)).formData, {});
});
