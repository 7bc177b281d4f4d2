// Malformed, mistyped, oversized and hostile input: always a 4xx with a Chinese message, never a 500.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, multipart, SAMPLE, type TestContext } from './harness.ts';
import { apply, GA_ITEM, isChinese } from './fixtures.ts';

let t: TestContext;
let caseId: string;
before(async () => {
  t = await createTestContext();
  caseId = (await apply(t, 'citizen', GA_ITEM)).id;
});
after(async () => { await t.close(); });

type Who = 'citizen' | 'clerk' | 'admin' | null;
interface Endpoint { who: Who; method: 'POST' | 'PUT'; url: () => string }
const JSON_ENDPOINTS: Endpoint[] = [
  { who: null, method: 'POST', url: () => '/api/auth/login' },
  { who: null, method: 'POST', url: () => '/api/auth/register' },
  { who: 'citizen', method: 'POST', url: () => '/api/auth/password' },
  { who: 'citizen', method: 'POST', url: () => '/api/applications' },
  { who: 'citizen', method: 'PUT', url: () => `/api/applications/${caseId}` },
  { who: 'clerk', method: 'POST', url: () => `/api/applications/${caseId}/actions` },
  { who: 'admin', method: 'PUT', url: () => '/api/items/SFQ-GA-006' },
  { who: 'admin', method: 'PUT', url: () => '/api/calendar/days/2026-11-18' },
  { who: 'admin', method: 'PUT', url: () => '/api/calendar/years/2030' },
];

async function send(who: Who, method: string, url: string, payload: string | object | Buffer, headers: Record<string, string> = {}) {
  const r = await t.call(who ? await t.login(who) : null, {
    method: method as 'POST', url, payload, headers: typeof payload === 'object' && !Buffer.isBuffer(payload) ? headers : { 'content-type': 'application/json', ...headers },
  });
  assert.notEqual(r.status, 500, `${method} ${url}: ${r.body}`);
  assert.ok(r.json && typeof r.json.code === 'string', `${method} ${url} answers JSON: ${r.body.slice(0, 200)}`);
  assert.ok(isChinese(r.json.message), `${method} ${url} message in Chinese: ${r.json.message}`);
  return r;
}

test('malformed JSON is refused with 400 and a Chinese message on every JSON endpoint', async () => {
  for (const e of JSON_ENDPOINTS) {
    for (const body of ['{"username": "citizen",', '{bad json}', "{'single': 'quotes'}", '[1,2', '\u0000']) {
      const r = await send(e.who, e.method, e.url(), body);
      assert.equal(r.status, 400, `${e.method} ${e.url()} ${JSON.stringify(body)}: ${r.body}`);
    }
  }
});

test('an empty JSON body is refused with 400', async () => {
  for (const e of JSON_ENDPOINTS) {
    const r = await send(e.who, e.method, e.url(), '');
    assert.equal(r.status, 400, `${e.method} ${e.url()}: ${r.body}`);
  }
});

test('a JSON body that tries prototype pollution is refused with 400', async () => {
  const r = await send(null, 'POST', '/api/auth/login', '{"username":"citizen","password":"x","__proto__":{"admin":true}}');
  assert.equal(r.status, 400);
});

test('wrong types are refused with 400 and fields naming the field', async () => {
  const cases: [Who, string, string, object, string][] = [
    [null, 'POST', '/api/auth/login', { username: 123, password: 'x' }, 'username'],
    [null, 'POST', '/api/auth/login', { username: 'citizen' }, 'password'],
    [null, 'POST', '/api/auth/register', { username: 'someone', password: 'Passw0rd-1', kind: 'robot', realName: '某人', idNumber: '123', phone: '13800000000' }, 'kind'],
    ['citizen', 'POST', '/api/applications', { itemCode: GA_ITEM, formData: 'text' }, 'formData'],
    ['citizen', 'POST', '/api/applications', { itemCode: GA_ITEM, formData: { a: { nested: true } } }, 'formData.a'],
    ['citizen', 'POST', '/api/applications', { itemCode: GA_ITEM, materials: 'all of them' }, 'materials'],
    ['citizen', 'POST', '/api/applications', { itemCode: GA_ITEM, materials: [{ name: '结婚证', fileId: 'not-a-uuid' }] }, 'materials.0.fileId'],
    ['citizen', 'POST', '/api/applications', { itemCode: GA_ITEM, draft: 'yes' }, 'draft'],
    ['citizen', 'POST', '/api/applications', { itemCode: 42 }, 'itemCode'],
    ['clerk', 'POST', `/api/applications/${'CASE'}/actions`, { action: 'accept', version: 'one' }, 'version'],
    ['clerk', 'POST', `/api/applications/${'CASE'}/actions`, { action: 'request_correction', missingMaterials: '结婚证' }, 'missingMaterials'],
    ['admin', 'PUT', '/api/calendar/days/2026-11-18', { isOffDay: 'yes', name: 'x' }, 'isOffDay'],
    ['admin', 'PUT', '/api/calendar/days/2026-11-18', { isOffDay: true, name: 7 }, 'name'],
  ];
  for (const [who, method, url, payload, field] of cases) {
    const r = await send(who, method, url.replace('CASE', caseId), payload);
    assert.equal(r.status, 400, `${method} ${url} ${JSON.stringify(payload)}: ${r.body}`);
    assert.ok(r.json.fields?.some((f: { field: string }) => f.field === field), `expected a field ${field}: ${r.body}`);
  }
});

test('wrong query and path parameters are refused with 400 naming them', async () => {
  const cases: [Who, string, string][] = [
    [null, '/api/items?page=abc', 'page'],
    [null, '/api/items?applicantType=alien', 'applicantType'],
    [null, '/api/items?page=1&page=2', 'page'],
    [null, '/api/calendar/add-working-days?from=2026-13-01&days=1', 'from'],
    [null, '/api/calendar/years/abc', 'year'],
    [null, '/api/items/popular?limit=-1', 'limit'],
    ['clerk', '/api/applications?status=lost', 'status'],
    ['clerk', '/api/applications?sort=random', 'sort'],
    ['citizen', '/api/applications/12345', 'id'],
    ['citizen', '/api/files/12345', 'id'],
  ];
  for (const [who, url, field] of cases) {
    const r = await t.call(who ? await t.login(who) : null, { method: 'GET', url });
    assert.equal(r.status, 400, `${url}: ${r.body}`);
    assert.ok(r.json.fields.some((f: { field: string }) => f.field === field), `${url}: ${r.body}`);
    assert.ok(isChinese(r.json.message));
  }
  const r = await t.call(await t.login('citizen'), { method: 'POST', url: '/api/notifications/abc/read' });
  assert.equal(r.status, 400);
  assert.equal(r.json.fields[0].field, 'id');
});

test('a 2 MB string is refused with 413 or 400, never 500', async () => {
  const huge = 'x'.repeat(2 * 1024 * 1024);
  const bodies: [Who, string, string, object][] = [
    [null, 'POST', '/api/auth/login', { username: huge, password: 'x' }],
    ['citizen', 'POST', '/api/applications', { itemCode: GA_ITEM, formData: { 备注: huge } }],
    ['clerk', 'POST', `/api/applications/${caseId}/actions`, { action: 'reject', comment: huge }],
    ['admin', 'PUT', '/api/calendar/days/2026-11-18', { isOffDay: true, name: huge }],
  ];
  for (const [who, method, url, payload] of bodies) {
    const r = await send(who, method, url, payload);
    assert.ok([400, 413].includes(r.status), `${method} ${url}: ${r.status}`);
  }
  const q = await t.call(null, { method: 'GET', url: `/api/items?q=${huge}` });
  assert.equal(q.status, 400);
  const key = await send('citizen', 'POST', '/api/applications', { itemCode: GA_ITEM }, { 'idempotency-key': huge });
  assert.equal(key.status, 400);
  assert.equal((await t.call(await t.login('clerk'), { method: 'GET', url: `/api/applications?q=${'y'.repeat(60)}` })).status, 400);
});

test('a NUL character in input is refused with 400, not passed to the database', async () => {
  const r1 = await send(null, 'POST', '/api/auth/login', { username: 'citi\u0000zen', password: 'x' });
  assert.equal(r1.status, 400);
  assert.equal(r1.json.fields[0].field, 'username');
  const r2 = await send('citizen', 'POST', '/api/applications', { itemCode: GA_ITEM, formData: { 备注: 'a\u0000b' } });
  assert.equal(r2.status, 400);
  assert.equal(r2.json.fields[0].field, 'formData.备注');
  const r3 = await send('citizen', 'POST', '/api/applications', { itemCode: GA_ITEM, formData: { 'k\u0000': 'v' } });
  assert.equal(r3.status, 400);
  for (const [who, url, field] of [[null, '/api/items?q=%00', 'q'], ['clerk', '/api/applications?q=a%00', 'q']] as const) {
    const r = await t.call(who ? await t.login(who) : null, { method: 'GET', url });
    assert.equal(r.status, 400, `${url}: ${r.body}`);
    assert.equal(r.json.fields[0].field, field);
  }
  const up = await t.call(await t.login('citizen'), { method: 'POST', url: '/api/files', ...multipart('file', 'a\u0000.pdf', SAMPLE.pdf) });
  assert.equal(up.status, 201, 'a control character in a file name is dropped, the file kept');
  assert.equal(up.json.name, 'a.pdf');
});

test('an unknown route answers 404 in JSON', async () => {
  for (const [method, url] of [['GET', '/api/nope'], ['POST', '/api/applications/x/y/z'], ['DELETE', '/api/items'], ['GET', '/nothing-here']] as const) {
    const r = await t.call(null, { method, url });
    assert.equal(r.status, 404, `${method} ${url}`);
    assert.equal(r.json.code, 'ROUTE_NOT_FOUND');
    assert.ok(isChinese(r.json.message));
    assert.match(String(r.headers['content-type']), /application\/json/);
  }
});

test('a body of the wrong content type is refused with a 4xx', async () => {
  const r = await t.call(null, { method: 'POST', url: '/api/auth/login', payload: 'username=citizen&password=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  assert.ok(r.status >= 400 && r.status < 500, r.body);
  assert.ok(isChinese(r.json.message));
});
