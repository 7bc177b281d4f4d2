// The licence library through HTTP: issued at 办结, signed, verified by QR and PDF, revoked, rotated, replaced.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { actOk, apply, detail } from '../../test/fixtures.ts';
import { isValidLicenceId, parseLicenceId } from '../../../domain/licence-id.ts';
import { parseLicenceQr } from '../../../domain/licence-document.ts';
import { sm2Verify } from '../../platform/sm.ts';

let t: TestContext;
before(async () => { t = await createTestContext(); });
after(async () => { await t.close(); });

const NO_RECORD_ITEM = 'SFQ-GA-014'; // 无犯罪记录证明出具: issues 无犯罪记录证明

async function issueThroughCase(username = 'citizen') {
  const c = await apply(t, username, NO_RECORD_ITEM);
  await actOk(t, 'clerk', c.id, 'accept');
  await actOk(t, 'reviewer-ga', c.id, 'approve', { comment: '经查询无犯罪记录' });
  await actOk(t, 'reviewer-ga', c.id, 'complete');
  const d = await detail(t, username, c.id);
  assert.ok(d.licence, 'the completed case shows its licence');
  return { caseId: c.id as string, licenceId: d.licence.id as string };
}

const get = async (username: string, id: string) => t.call(await t.login(username), { method: 'GET', url: `/api/licences/${id}` });
const verifyQr = async (qr: string) => (await t.call(null, { method: 'POST', url: '/api/licences/verify', payload: { qr } })).json;
function pdfUpload(bytes: Buffer) {
  const boundary = '----tongban' + Math.random().toString(16).slice(2);
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="licence.pdf"\r\nContent-Type: application/pdf\r\n\r\n`);
  const payload = Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return t.call(null, { method: 'POST', url: '/api/licences/verify', payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
}

test('completing an approved case issues a signed licence with a national identifier, shown on the case and in the wallet', async () => {
  const { licenceId } = await issueThroughCase();
  const l = (await get('citizen', licenceId)).json;
  assert.equal(l.typeName, '无犯罪记录证明');
  assert.ok(isValidLicenceId(l.identifier), l.identifier);
  const parts = parseLicenceId(l.identifier);
  assert.ok(parts.ok && parts.parts.version === 1 && parts.parts.typeCode === l.typeCode);
  assert.equal(l.status, '01');
  assert.equal(l.issuer, '安澜市公安局示范区分局');
  assert.equal(l.fields.find((f: { key: string }) => f.key === 'idNumber').value.length, 18, 'the holder sees their own id number');
  assert.equal(l.events[0].action, 'issue');
  const wallet = (await t.call(await t.login('citizen'), { method: 'GET', url: '/api/licences' })).json;
  assert.ok(wallet.items.some((i: { id: string }) => i.id === licenceId));
  const other = (await t.call(await t.login('citizen2'), { method: 'GET', url: '/api/licences' })).json;
  assert.ok(!other.items.some((i: { id: string }) => i.id === licenceId));
  assert.equal((await get('citizen2', licenceId)).status, 404, "someone else's licence is not found");
  const staff = (await get('reviewer-ga', licenceId)).json;
  assert.match(staff.fields.find((f: { key: string }) => f.key === 'idNumber').value, /\*/, 'staff see the id number masked');
});

test('the QR verifies offline with the published key, and online says 有效; one changed character or signature byte is 篡改', async () => {
  const { licenceId } = await issueThroughCase();
  const l = (await get('citizen', licenceId)).json;
  const parsed = parseLicenceQr(l.qr);
  assert.ok(parsed.ok);
  const keys = (await t.call(null, { method: 'GET', url: '/api/licences/keys' })).json.keys;
  const key = keys.find((k: { kid: string }) => k.kid === parsed.claims.kid);
  assert.equal(key.algorithm, 'SM2');
  assert.ok(sm2Verify(parsed.signedText, parsed.signatureHex, key.publicKey), 'offline check with nothing but the published key');
  const ok = await verifyQr(l.qr);
  assert.equal(ok.genuine, true);
  assert.equal(ok.status, 'valid');
  assert.equal(ok.licence.number, l.number);
  assert.match(ok.licence.holderMasked, /\*/);
  const [prefix, claims, sig] = l.qr.split('#')[1].split('.');
  const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
  assert.equal((await verifyQr(`${prefix}.${flip(claims, 20)}.${sig}`)).genuine, false);
  const badSig = await verifyQr(`${prefix}.${claims}.${flip(sig, 10)}`);
  assert.equal(badSig.genuine, false);
  assert.equal(badSig.status, 'tampered');
  const junk = await verifyQr('hello');
  assert.equal(junk.status, 'unknown');
  assert.equal((await t.call(null, { method: 'POST', url: '/api/licences/verify', payload: {} })).status, 400);
});

test('a revoked licence verifies as genuine but 已撤销; only the issuing department’s reviewer may revoke, with a reason', async () => {
  const { licenceId } = await issueThroughCase();
  const l = (await get('citizen', licenceId)).json;
  const revoke = async (u: string, body: object) => t.call(await t.login(u), { method: 'POST', url: `/api/licences/${licenceId}/revoke`, payload: body });
  assert.equal((await revoke('citizen', { reason: '想撤就撤' })).status, 403);
  assert.equal((await revoke('reviewer-scjg', { reason: '不是本部门' })).status, 404);
  const noReason = await revoke('reviewer-ga', { reason: ' ' });
  assert.equal(noReason.status, 400);
  const done = await revoke('reviewer-ga', { reason: '出具依据有误' });
  assert.equal(done.status, 200);
  assert.equal(done.json.status, '03');
  assert.equal(done.json.statusReason, '出具依据有误');
  const v = await verifyQr(l.qr);
  assert.equal(v.genuine, true);
  assert.equal(v.status, 'revoked');
  assert.equal(v.reason, '出具依据有误');
  assert.equal((await revoke('reviewer-ga', { reason: '再撤一次', status: '07' })).status, 409, 'a revoked licence stays revoked');
});

test('the PDF carries the signature: it verifies as genuine, and one changed byte of the file or of a field makes it 篡改', async () => {
  const { licenceId } = await issueThroughCase();
  const res = await t.call(await t.login('citizen'), { method: 'GET', url: `/api/licences/${licenceId}/pdf` });
  assert.equal(res.status, 200);
  assert.equal(res.headers['content-type'], 'application/pdf');
  const pdf = Buffer.from(res.body, 'binary');
  const raw = (await t.app.inject({ method: 'GET', url: `/api/licences/${licenceId}/pdf`, headers: { authorization: `Bearer ${await t.login('citizen')}` } })).rawPayload;
  assert.ok(raw.length < 200 * 1024, `PDF is ${raw.length} bytes`);
  assert.ok(pdf.length > 0);
  const good = await pdfUpload(raw);
  assert.equal(good.status, 200, good.body);
  assert.equal(good.json.genuine, true);
  assert.equal(good.json.status, 'valid');
  const flipped = Buffer.from(raw);
  const at = Math.floor(flipped.length / 3);
  flipped[at] = flipped[at]! ^ 0x01;
  assert.equal((await pdfUpload(flipped)).json.genuine, false);
  assert.equal((await pdfUpload(Buffer.from('not a pdf'))).status, 400);
});

test('after a key rotation old licences still verify, new ones use the new key, and both keys are published', async () => {
  const { licenceId: before } = await issueThroughCase();
  const old = (await get('citizen', before)).json;
  const admin = await t.login('admin');
  assert.equal((await t.call(await t.login('reviewer-ga'), { method: 'POST', url: '/api/admin/licences/keys/ga/rotate' })).status, 403);
  const rotated = await t.call(admin, { method: 'POST', url: '/api/admin/licences/keys/ga/rotate' });
  assert.equal(rotated.status, 200);
  assert.notEqual(rotated.json.kid, old.kid);
  const keys = (await t.call(null, { method: 'GET', url: '/api/licences/keys' })).json.keys.filter((k: { departmentId: string }) => k.departmentId === 'ga');
  assert.ok(keys.find((k: { kid: string; validTo: string | null }) => k.kid === old.kid && k.validTo), 'the old key stays published with its end date');
  assert.ok(keys.find((k: { kid: string; validTo: string | null }) => k.kid === rotated.json.kid && !k.validTo));
  assert.equal((await verifyQr(old.qr)).status, 'valid');
  const { licenceId: after } = await issueThroughCase();
  assert.equal((await get('citizen', after)).json.kid, rotated.json.kid);
  const seals = (await t.call(null, { method: 'GET', url: '/api/licences/seals' })).json.items.filter((s: { departmentId: string }) => s.departmentId === 'ga');
  assert.ok(seals.length >= 2 && seals.every((s: { svg: string }) => s.svg.includes('<svg')));
});

test('a second licence of the same type is a new version that replaces the first', async () => {
  const { licenceId: first } = await issueThroughCase('citizen2');
  const { licenceId: second } = await issueThroughCase('citizen2');
  const a = (await get('citizen2', first)).json;
  const b = (await get('citizen2', second)).json;
  assert.equal(b.version, a.version + 1);
  assert.equal(b.replacesId, first);
  assert.equal(a.replacedById, second);
  assert.equal(a.status, '05');
  const pa = parseLicenceId(a.identifier);
  const pb = parseLicenceId(b.identifier);
  assert.ok(pa.ok && pb.ok && pa.parts.serial === pb.parts.serial, 'same serial, next version');
  assert.equal((await verifyQr(a.qr)).status, 'inactive');
});

test('a field changed in the library after signing makes the licence 篡改', async () => {
  const { licenceId } = await issueThroughCase();
  const l = (await get('citizen', licenceId)).json;
  const row = await t.database.db.selectFrom('licences').select('document').where('id', '=', licenceId).executeTakeFirstOrThrow();
  const doc = row.document as { fields: Record<string, string> };
  doc.fields.conclusion = doc.fields.conclusion!.replace('未发现', '发现');
  await t.database.db.updateTable('licences').set({ document: JSON.stringify(doc) }).where('id', '=', licenceId).execute();
  const v = await verifyQr(l.qr);
  assert.equal(v.genuine, false);
  assert.equal(v.status, 'tampered');
});

test('亮证: the holder shows chosen fields for a limited time; a verifier sees only those; the holder sees every view', async () => {
  const { licenceId } = await issueThroughCase();
  const citizen = await t.login('citizen');
  const show = (body: object, token = citizen) => t.call(token, { method: 'POST', url: `/api/licences/${licenceId}/presentations`, payload: body });
  const open = async (code: string, u = 'verifier') => t.call(await t.login(u), { method: 'GET', url: `/api/presentations/${code}` });
  const p = await show({});
  assert.equal(p.status, 201);
  assert.match(p.json.code, /^[A-Z2-9]{12}$/);
  assert.ok(p.json.qr.endsWith(`/verify?p=${p.json.code}`));
  assert.ok(!p.json.fields.includes('idNumber'), 'the id number is not shown unless chosen');
  assert.equal(Date.parse(p.json.expiresAt) - t.clock.now().getTime(), 300_000);
  const seen = await open(p.json.code);
  assert.equal(seen.status, 200);
  assert.equal(seen.json.licence.genuine, true);
  assert.deepEqual(seen.json.fields.map((f: { key: string }) => f.key).sort(), [...p.json.fields].sort());
  assert.equal((await open(p.json.code, 'citizen2')).status, 403, 'a citizen is not a verifier');
  assert.equal((await open(p.json.code, 'reviewer-scjg')).status, 200, 'staff may verify');
  const withId = await show({ fields: ['holderName', 'idNumber'], singleUse: true, ttlSeconds: 60 });
  const once = await open(withId.json.code);
  assert.equal(once.json.fields.find((f: { key: string }) => f.key === 'idNumber').value.length, 18, 'a chosen id number is shown in full');
  const again = await open(withId.json.code);
  assert.equal(again.status, 410);
  assert.equal(again.json.code, 'PRESENTATION_GONE');
  const log = (await t.call(citizen, { method: 'GET', url: `/api/licences/${licenceId}/presentations` })).json.items;
  const first = log.find((x: { fields: string[] }) => !x.fields.includes('idNumber'));
  assert.deepEqual(first.views.map((v: { viewer: string; org: string }) => [v.viewer, v.org])[0], ['吴前台', '安澜示范大酒店']);
  assert.deepEqual(first.views[0].fields, first.fields, 'the holder sees which fields were seen');
  assert.equal(first.views.length, 2);
  t.clock.set(new Date(t.clock.now().getTime() + 301_000));
  assert.equal((await open(p.json.code)).status, 410, 'expired after five minutes');
  assert.equal((await open('AAAAAAAAAAAA')).status, 404);
  assert.equal((await show({ ttlSeconds: 0 })).status, 400);
  assert.equal((await show({ ttlSeconds: 86_401 })).status, 400);
  assert.equal((await show({ fields: ['nope'] })).status, 400);
  assert.equal((await show({}, await t.login('citizen2'))).status, 404, "no one shows someone else's licence");
});

test('at 办结 the officer sees the licence to be issued and may set its values; holder fields and unknown fields are refused', async () => {
  const c = await apply(t, 'citizen', 'SFQ-GA-024', { formData: { address: '东城街道春晖社区 8 栋' } }); // 养犬登记证核发
  await actOk(t, 'clerk', c.id, 'accept');
  await actOk(t, 'reviewer-ga', c.id, 'approve');
  const reviewer = await t.login('reviewer-ga');
  const draft = (await t.call(reviewer, { method: 'GET', url: `/api/applications/${c.id}/licence-draft` })).json.licence;
  assert.equal(draft.typeName, '养犬登记证');
  assert.equal(draft.fields.find((f: { key: string }) => f.key === 'address').value, '东城街道春晖社区 8 栋');
  assert.equal(draft.fields.find((f: { key: string }) => f.key === 'holderName').fromHolder, true);
  assert.equal((await t.call(await t.login('citizen'), { method: 'GET', url: `/api/applications/${c.id}/licence-draft` })).status, 403);
  const complete = (licenceFields: object) => t.call(reviewer, { method: 'POST', url: `/api/applications/${c.id}/actions`, payload: { action: 'complete', licenceFields } });
  const holder = await complete({ holderName: '王二麻' });
  assert.equal(holder.status, 400);
  assert.equal(holder.json.fields[0].field, 'licenceFields.holderName');
  assert.equal((await complete({ colour: '黄' })).status, 400);
  assert.equal((await detail(t, 'citizen', c.id)).status, 'approved', 'a refused 办结 changes nothing');
  const done = await complete({ breed: '中华田园犬', tagNo: 'AL-2026-0088' });
  assert.equal(done.status, 200, done.body);
  const l = (await get('citizen', done.json.licence.id)).json;
  assert.equal(l.fields.find((f: { key: string }) => f.key === 'breed').value, '中华田园犬');
  assert.equal(l.expiresAt, '2027-03-01', 'a 养犬登记证 is valid for one year');
  assert.equal((await t.call(reviewer, { method: 'POST', url: `/api/applications/${c.id}/actions`, payload: { action: 'accept', licenceFields: { breed: 'x' } } })).status, 400);
});

test('staff reading or downloading someone’s licence shows in the holder’s data-use record; the holder’s own views do not', async () => {
  const { licenceId } = await issueThroughCase('citizen2');
  const holder = await t.login('citizen2');
  const uses = async () => (await t.call(holder, { method: 'GET', url: '/api/my/data-use?pageSize=100' })).json.items.filter((i: { recordKind: string; recordTitle: string }) => i.recordKind === 'licence' && i.recordTitle.startsWith('无犯罪记录证明'));
  const before = (await uses()).length;
  await get('citizen2', licenceId);
  assert.equal((await uses()).length, before, 'the holder reading their own licence is not a use by someone else');
  await get('reviewer-ga', licenceId);
  await t.call(await t.login('reviewer-ga'), { method: 'GET', url: `/api/licences/${licenceId}/pdf` });
  const after = await uses();
  assert.equal(after.length, before + 2);
  assert.ok(after.every((u: { actorName: string; actorOrg: string; action: string }) => u.actorName === '区公安分局审批员' && u.actorOrg === '安澜市公安局示范区分局' && u.action === 'view'));
  assert.deepEqual(after.map((u: { purpose: string }) => u.purpose).sort(), ['证照管理：下载证照 PDF', '证照管理：查看本部门签发的证照']);
});
