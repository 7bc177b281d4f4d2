// 免提交: fetching what the government holds, using it instead of an upload, and the holder's record of every use.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { detail, GA_ITEM, isChinese } from '../../test/fixtures.ts';
import { DEMO_COMPANY, DEMO_ID_NUMBERS } from '../../seed/demo-accounts.ts';
import { seedDemoSharedRecords } from '../../seed/demo-shared-records.ts';
import { LICENCE_TYPES } from '../../../domain/licence-types.ts';

let t: TestContext;
before(async () => { t = await createTestContext(); });
after(async () => { await t.close(); });

const db = () => t.database.db;
const PURPOSE = encodeURIComponent('申请夫妻投靠户口迁移');

async function addRecord(holderId: string, source: string, data: Record<string, string>, title = `测试记录${randomUUID().slice(0, 8)}`) {
  const r = await db().insertInto('sharedRecords')
    .values({ source, holderId, holderName: '测试', title, provider: '测试数据提供单位', data: JSON.stringify(data) })
    .returning('id').executeTakeFirstOrThrow();
  return { ref: r.id, title };
}

async function addLicence(holderId: string, typeName: string, o: { status?: string; expiresOn?: string | null; fields: Record<string, string> }) {
  const type = LICENCE_TYPES.find((x) => x.name === typeName)!;
  const kid = `test-${randomUUID()}`;
  await db().insertInto('signingKeys').values({ kid, departmentId: 'mzj', publicKey: 'test', privateKeyEnc: 'test', validFrom: '2020-01-01T00:00:00Z', validTo: '2020-01-02T00:00:00Z' }).execute();
  const number = `TEST-${randomUUID().slice(0, 8)}`;
  const r = await db().insertInto('licences').values({
    identifier: `test.${randomUUID()}`, number, typeCode: type.code, holderKind: type.holderKind, holderId, holderName: '李四', departmentId: 'mzj', kid,
    issuedOn: '2022-11-22', expiresOn: o.expiresOn ?? null, fields: JSON.stringify(o.fields), status: o.status ?? '01', version: 1,
    document: '{}', digest: 'test', signature: 'test',
  }).returning('id').executeTakeFirstOrThrow();
  return { ref: r.id, number };
}

const fetchAs = async (username: string | null, source: string, query = `purpose=${PURPOSE}`) =>
  t.call(username ? await t.login(username) : null, { method: 'GET', url: `/api/shared-data/${source}?${query}` });
const dataUse = async (username: string) => {
  const r = await t.call(await t.login(username), { method: 'GET', url: '/api/my/data-use?pageSize=100' });
  assert.equal(r.status, 200, r.body);
  return r.json as { items: { at: string; action: string; actorName: string; actorOrg: string | null; purpose: string; sourceLabel: string; recordTitle: string; caseNo: string | null }[]; total: number };
};
const submit = async (username: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  t.call(await t.login(username), { method: 'POST', url: '/api/applications', payload: { itemCode: GA_ITEM, formData: {}, ...body }, headers });
const shared = (ref: string, o: Record<string, unknown> = {}) =>
  ({ name: '居民身份证', source: 'identity', kind: 'shared_record', ref, purpose: '申请夫妻投靠户口迁移', consent: true, ...o });
const fieldOf = (body: { fields?: { field: string }[] }) => body.fields?.map((f) => f.field);

test('the demo shared records go in once, for both demo citizens and the demo company', async () => {
  const first = await seedDemoSharedRecords(db(), t.clock.now());
  const count = async () => (await db().selectFrom('sharedRecords').select('id').execute()).length;
  const n = await count();
  assert.equal(await seedDemoSharedRecords(db(), t.clock.now()), 0);
  assert.equal(await count(), n);
  if (first) {
    const holders = new Set((await db().selectFrom('sharedRecords').select('holderId').execute()).map((r) => r.holderId));
    assert.deepEqual([...holders].sort(), [DEMO_ID_NUMBERS.citizen, DEMO_ID_NUMBERS.citizen2, DEMO_COMPANY.uscc].sort());
  }
  const hukou = await fetchAs('citizen', 'hukou');
  assert.equal(hukou.status, 200, hukou.body);
  const demo = hukou.json.records.find((r: { title: string }) => r.title === '居民户口簿（户籍信息）');
  assert.ok(demo, hukou.body);
  assert.deepEqual(demo.fields.slice(0, 3).map((f: { label: string }) => f.label), ['户主姓名', '姓名', '与户主关系']);
  const company = await fetchAs('enterprise', 'social_security');
  assert.ok(company.json.records.some((r: { fields: { label: string; value: string }[] }) => r.fields.some((f) => f.label === '参保人数')), company.body);
});

test('fetching shared data needs a purpose, a known source and an applicant', async () => {
  assert.equal((await fetchAs(null, 'hukou')).status, 401);
  const noPurpose = await fetchAs('citizen', 'hukou', '');
  assert.equal(noPurpose.status, 400, noPurpose.body);
  assert.match(noPurpose.json.message, /请填写用证事由/);
  const blank = await fetchAs('citizen', 'hukou', 'purpose=%20%20');
  assert.equal(blank.status, 400, blank.body);
  assert.equal((await fetchAs('citizen', 'hukou', `purpose=${'事'.repeat(201)}`)).status, 400);
  const unknown = await fetchAs('citizen', 'weather');
  assert.equal(unknown.status, 400, unknown.body);
  assert.ok(isChinese(unknown.json.message), unknown.body);
  assert.equal((await fetchAs('clerk', 'hukou')).status, 403);
  // The item named must ask for something from this source.
  const wrongItem = await fetchAs('citizen', 'vehicle', `purpose=${PURPOSE}&itemCode=${GA_ITEM}`);
  assert.equal(wrongItem.status, 400, wrongItem.body);
  assert.deepEqual(fieldOf(wrongItem.json), ['itemCode']);
  assert.equal((await fetchAs('citizen', 'hukou', `purpose=${PURPOSE}&itemCode=${GA_ITEM}`)).status, 200);
});

test('every record fetched is logged with its purpose, and only its holder sees the log', async () => {
  const mine = await addRecord(DEMO_ID_NUMBERS.citizen, 'housing_fund', { 账户余额: '1.00 元', 姓名: '张三', 缴存单位: '测试单位' });
  const theirs = await addRecord(DEMO_ID_NUMBERS.citizen2, 'housing_fund', { 姓名: '李四' });
  const purpose = `核对公积金 ${randomUUID().slice(0, 6)}`;
  const r = await fetchAs('citizen', 'housing_fund', `purpose=${encodeURIComponent(purpose)}`);
  assert.equal(r.status, 200, r.body);
  assert.equal(r.json.sourceLabel, '住房公积金信息');
  const refs = r.json.records.map((x: { ref: string }) => x.ref);
  assert.ok(refs.includes(mine.ref));
  assert.ok(!refs.includes(theirs.ref));
  const got = r.json.records.find((x: { ref: string }) => x.ref === mine.ref);
  assert.equal(got.kind, 'shared_record');
  assert.deepEqual(got.fields.map((f: { label: string }) => f.label), ['姓名', '缴存单位', '账户余额']);

  const log = (await dataUse('citizen')).items.filter((i) => i.purpose === purpose);
  assert.equal(log.length, r.json.records.length);
  const entry = log.find((i) => i.recordTitle === mine.title)!;
  assert.deepEqual({ action: entry.action, actorName: entry.actorName, actorOrg: entry.actorOrg, sourceLabel: entry.sourceLabel, caseNo: entry.caseNo },
    { action: 'fetch', actorName: '张三', actorOrg: null, sourceLabel: '住房公积金信息', caseNo: null });
  assert.equal((await dataUse('citizen2')).items.filter((i) => i.purpose === purpose).length, 0);
  assert.equal((await t.call(await t.login('clerk'), { method: 'GET', url: '/api/my/data-use' })).status, 403);
});

test('valid licences stand in for shared data; revoked and expired ones do not', async () => {
  const spouse = { holderName: '李四', idNumber: DEMO_ID_NUMBERS.citizen2, spouseName: '周明', registeredOn: '2022-11-22' };
  const valid = await addLicence(DEMO_ID_NUMBERS.citizen2, '结婚证', { fields: spouse });
  const revoked = await addLicence(DEMO_ID_NUMBERS.citizen2, '结婚证', { status: '03', fields: spouse });
  const expired = await addLicence(DEMO_ID_NUMBERS.citizen2, '结婚证', { expiresOn: '2026-01-01', fields: spouse });
  const r = await fetchAs('citizen2', 'marriage');
  assert.equal(r.status, 200, r.body);
  const refs = r.json.records.map((x: { ref: string }) => x.ref);
  assert.ok(refs.includes(valid.ref), r.body);
  assert.ok(!refs.includes(revoked.ref) && !refs.includes(expired.ref), r.body);
  const rec = r.json.records.find((x: { ref: string }) => x.ref === valid.ref);
  assert.equal(rec.kind, 'licence');
  assert.equal(rec.title, `结婚证 ${valid.number}`);
  assert.equal(rec.provider, '示范区民政局');
  assert.equal(rec.issuedAt, '2022-11-22');
  assert.deepEqual(rec.fields.map((f: { label: string }) => f.label), ['姓名', '公民身份号码', '配偶姓名', '登记日期']);
  // Someone else's licence is not theirs to fetch.
  assert.ok(!(await fetchAs('citizen', 'marriage')).json.records.some((x: { ref: string }) => x.ref === valid.ref));
});

test('a shared material is kept with the case; staff see the copy and their view is logged once a day', async () => {
  const rec = await addRecord(DEMO_ID_NUMBERS.citizen, 'identity', { 姓名: '张三', 公民身份号码: DEMO_ID_NUMBERS.citizen });
  const r = await submit('citizen', { sharedMaterials: [shared(rec.ref)] });
  assert.equal(r.status, 201, r.body);
  const item = r.json.checklist.find((c: { name: string }) => c.name === '居民身份证');
  assert.deepEqual({ provided: item.provided, shared: item.shared }, { provided: true, shared: true });
  assert.equal(r.json.checklist.find((c: { name: string }) => c.name === '结婚证').shared, false);
  // The copy made at submission is what staff see, whatever happens to the record later.
  await db().updateTable('sharedRecords').set({ data: JSON.stringify({ 姓名: '已改' }) }).where('id', '=', rec.ref).execute();

  const own = await detail(t, 'citizen', r.json.id);
  assert.equal(own.sharedMaterials.length, 1);
  assert.deepEqual(
    { name: own.sharedMaterials[0].name, source: own.sharedMaterials[0].source, sourceLabel: own.sharedMaterials[0].sourceLabel, kind: own.sharedMaterials[0].kind, ref: own.sharedMaterials[0].ref, title: own.sharedMaterials[0].title, purpose: own.sharedMaterials[0].purpose },
    { name: '居民身份证', source: 'identity', sourceLabel: '身份信息', kind: 'shared_record', ref: rec.ref, title: rec.title, purpose: '申请夫妻投靠户口迁移' },
  );
  assert.ok(own.sharedMaterials[0].consentedAt);
  const viewsOf = async () => db().selectFrom('dataUseLog').selectAll().where('applicationId', '=', r.json.id).where('action', '=', 'view').execute();
  assert.equal((await viewsOf()).length, 0, 'the applicant reading their own case is not logged');

  const staff = await detail(t, 'reviewer-ga', r.json.id);
  assert.deepEqual(staff.sharedMaterials[0].fields, [{ label: '姓名', value: '张三' }, { label: '公民身份号码', value: DEMO_ID_NUMBERS.citizen }]);
  assert.equal(staff.checklist.find((c: { name: string }) => c.name === '居民身份证').provided, true);
  await detail(t, 'reviewer-ga', r.json.id);
  const views = await viewsOf();
  assert.equal(views.length, 1);
  assert.deepEqual({ holder: views[0]!.holderId, purpose: views[0]!.purpose, org: views[0]!.actorOrg, ref: views[0]!.recordRef },
    { holder: DEMO_ID_NUMBERS.citizen, purpose: `办理办件 ${r.json.caseNo}`, org: '安澜市公安局示范区分局', ref: rec.ref });
  // An administrator (not handling the case) sees no personal data and leaves no data-use entry.
  const admin = await detail(t, 'admin', r.json.id);
  assert.deepEqual(admin.sharedMaterials[0].fields, []);
  assert.equal((await viewsOf()).length, 1);
  t.clock.advanceDays(1);
  try {
    await detail(t, 'reviewer-ga', r.json.id);
    assert.equal((await viewsOf()).length, 2, 'a new day, a new entry');
  } finally {
    t.clock.advanceDays(-1);
  }

  const log = (await dataUse('citizen')).items.filter((i) => i.caseNo === r.json.caseNo);
  assert.deepEqual(log.map((i) => i.action).sort(), ['fetch', 'view', 'view']);
  const view = log.find((i) => i.action === 'view')!;
  assert.deepEqual({ actorOrg: view.actorOrg, purpose: view.purpose, recordTitle: view.recordTitle }, { actorOrg: '安澜市公安局示范区分局', purpose: `办理办件 ${r.json.caseNo}`, recordTitle: rec.title });
});

test("another applicant cannot use someone else's record, nor a made-up one", async () => {
  const rec = await addRecord(DEMO_ID_NUMBERS.citizen, 'identity', { 姓名: '张三' });
  const countBefore = (await db().selectFrom('applicationSharedMaterials').select('id').execute()).length;
  for (const ref of [rec.ref, randomUUID(), 'not-a-record']) {
    const r = await submit('citizen2', { sharedMaterials: [shared(ref)] });
    assert.equal(r.status, 400, r.body);
    assert.deepEqual(fieldOf(r.json), ['sharedMaterials.0.ref']);
    assert.ok(isChinese(r.json.message));
  }
  // A record the applicant holds but from another kind is not a match either.
  const wrongKind = await submit('citizen', { sharedMaterials: [shared(rec.ref, { kind: 'licence' })] });
  assert.equal(wrongKind.status, 400, wrongKind.body);
  assert.equal((await db().selectFrom('applicationSharedMaterials').select('id').execute()).length, countBefore);
});

test('consent, a purpose and a material that can be shared are required', async () => {
  const rec = await addRecord(DEMO_ID_NUMBERS.citizen, 'identity', { 姓名: '张三' });
  const noConsent = await submit('citizen', { sharedMaterials: [shared(rec.ref, { consent: false })] });
  assert.equal(noConsent.status, 400, noConsent.body);
  assert.equal(noConsent.json.message, '须同意使用政府已有数据');
  const noPurpose = await submit('citizen', { sharedMaterials: [shared(rec.ref, { purpose: ' ' })] });
  assert.equal(noPurpose.status, 400, noPurpose.body);
  assert.match(noPurpose.json.message, /请填写用证事由/);
  const notShareable = await submit('citizen', { sharedMaterials: [shared(rec.ref, { name: '户口迁移申请表' })] });
  assert.equal(notShareable.status, 400, notShareable.body);
  assert.deepEqual(fieldOf(notShareable.json), ['sharedMaterials.0.name']);
  const otherSource = await submit('citizen', { sharedMaterials: [shared(rec.ref, { name: '结婚证' })] });
  assert.equal(otherSource.status, 400, otherSource.body);
  assert.deepEqual(fieldOf(otherSource.json), ['sharedMaterials.0.source']);
  const notOfItem = await submit('citizen', { sharedMaterials: [shared(rec.ref, { name: '营业执照' })] });
  assert.equal(notOfItem.status, 400, notOfItem.body);
  const twice = await submit('citizen', { sharedMaterials: [shared(rec.ref), shared(rec.ref)] });
  assert.equal(twice.status, 400, twice.body);
});

test('drafts keep their shared materials, and a retried submission stores them once', async () => {
  const rec = await addRecord(DEMO_ID_NUMBERS.citizen, 'identity', { 姓名: '张三' });
  const draft = await submit('citizen', { draft: true, sharedMaterials: [shared(rec.ref)] });
  assert.equal(draft.status, 201, draft.body);
  const token = await t.login('citizen');
  const put = (sharedMaterials: unknown[]) => t.call(token, { method: 'PUT', url: `/api/applications/${draft.json.id}`, payload: { formData: {}, sharedMaterials } });
  assert.equal((await put([])).json.sharedMaterials.length, 0);
  const again = await put([shared(rec.ref, { purpose: '改为：办理户口迁移' })]);
  assert.equal(again.status, 200, again.body);
  assert.equal(again.json.sharedMaterials[0].purpose, '改为：办理户口迁移');
  assert.equal((await put([shared(rec.ref, { consent: false })])).status, 400);

  const key = `shared-${randomUUID()}`;
  const first = await submit('citizen', { sharedMaterials: [shared(rec.ref)] }, { 'idempotency-key': key });
  const retry = await submit('citizen', { sharedMaterials: [shared(rec.ref)] }, { 'idempotency-key': key });
  assert.equal(first.status, 201, first.body);
  assert.equal(retry.json.id, first.json.id);
  assert.equal(retry.headers['idempotent-replayed'], 'true');
  assert.equal(retry.json.checklist.find((c: { name: string }) => c.name === '居民身份证').shared, true);
  assert.equal((await db().selectFrom('applicationSharedMaterials').select('id').where('applicationId', '=', first.json.id).execute()).length, 1);
});

test('the summary counts uploads spared on submitted cases, on the platform and for the applicant', async () => {
  const summary = async (username: string | null) => (await t.call(username ? await t.login(username) : null, { method: 'GET', url: '/api/sharing/summary' })).json;
  const before = { anon: await summary(null), mine: await summary('citizen'), other: await summary('citizen2') };
  assert.equal(before.anon.mine, null);
  assert.equal((await summary('clerk')).mine, null);
  assert.equal(before.mine.total, before.anon.total);
  const rec = await addRecord(DEMO_ID_NUMBERS.citizen, 'identity', { 姓名: '张三' });
  const hukou = await addRecord(DEMO_ID_NUMBERS.citizen, 'hukou', { 户主姓名: '张三' });
  const two = [shared(rec.ref), shared(hukou.ref, { name: '被投靠人居民户口簿', source: 'hukou' })];
  assert.equal((await submit('citizen', { sharedMaterials: two })).status, 201);
  assert.equal((await submit('citizen', { draft: true, sharedMaterials: two })).status, 201);
  const after = { anon: await summary(null), mine: await summary('citizen'), other: await summary('citizen2') };
  assert.equal(after.anon.total, before.anon.total + 2, 'drafts do not count');
  assert.equal(after.mine.mine, before.mine.mine + 2);
  assert.equal(after.other.mine, before.other.mine);
});
