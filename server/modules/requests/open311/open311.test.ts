// Open311 GeoReport v2 over real HTTP: services, posting with an api_key (form and JSON), the spec's
// error lists, reading requests without anyone's contact details, and the administrators' key life cycle.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type TestContext } from '../../../test/harness.ts';

let t: TestContext;
before(async () => { t = await createTestContext(); });
after(async () => { await t.close(); });

const DEMO_KEY = 'demo-open311-key';
const form = (fields: Record<string, string>) => ({
  payload: new URLSearchParams(fields).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
});
const postForm = (fields: Record<string, string>, ext = 'json') => t.call(null, { method: 'POST', url: `/open311/v2/requests.${ext}`, ...form(fields) });
const postJson = (body: Record<string, unknown>) => t.call(null, { method: 'POST', url: '/open311/v2/requests.json', payload: body });
const get = (url: string) => t.call(null, { method: 'GET', url });

function assertSpecError(res: { status: number; json: any; body: string }, status: number) {
  assert.equal(res.status, status, res.body);
  assert.ok(Array.isArray(res.json) && res.json.length === 1, res.body);
  assert.equal(res.json[0].code, status);
  assert.match(res.json[0].description, /[\u4e00-\u9fa5]/, 'Chinese description');
}

test('services.json lists the 15 request categories with the specification\'s fields; services.xml the same as XML', async () => {
  const res = await get('/open311/v2/services.json');
  assert.equal(res.status, 200);
  assert.equal(res.json.length, 15);
  const s = res.json.find((x: any) => x.service_name === '城乡建设');
  assert.deepEqual(Object.keys(s).sort(), ['description', 'group', 'keywords', 'metadata', 'service_code', 'service_name', 'type']);
  assert.equal(s.service_code, 'urban-construction');
  assert.equal(s.metadata, false);
  assert.equal(s.type, 'realtime');
  assert.match(s.keywords, /路灯/);
  const xml = await get('/open311/v2/services.xml');
  assert.equal(xml.status, 200);
  assert.match(String(xml.headers['content-type']), /text\/xml/);
  assert.match(xml.body, /^<\?xml version="1.0" encoding="utf-8"\?><services><service><service_code>/);
  assert.equal(xml.body.split('<service>').length - 1, 15);
});

test('a client posts a form with its api_key: a ticket number comes back and the request enters the hotline queue as channel open311', async () => {
  const res = await postForm({
    api_key: DEMO_KEY, service_code: 'urban-construction', lat: '31.2304', long: '117.2830', address_string: '东城花园北门',
    description: '东城花园北门口的井盖松动了，车开过去哐哐响，怕有人踩空', first_name: '小明', last_name: '王', phone: '13900007777',
    email: 'wang@example.com', media_url: 'https://img.example.com/manhole.jpg', 'attribute[WHISPER]': 'ignored', device_id: 'abc', jurisdiction_id: 'anlan',
  });
  assert.equal(res.status, 201, res.body);
  assert.equal(res.json.length, 1);
  const [r] = res.json;
  assert.match(r.service_request_id, /^\d{14}$/);
  assert.match(r.service_notice, /工单号/);
  assert.equal(r.account_id, null);
  const row = await t.database.db.selectFrom('requests').selectAll().where('ticketNo', '=', r.service_request_id).executeTakeFirstOrThrow();
  assert.equal(row.channel, 'open311');
  assert.ok(row.open311ClientId);
  assert.equal(row.category, '城乡建设');
  assert.equal(row.contactName, '王小明');
  assert.equal(row.phone, '13900007777');
  assert.equal(row.latitude, 31.2304);
  assert.equal(row.community, '东城花园');
  const sms = await t.database.db.selectFrom('smsOutbox').select('body').where('requestId', '=', row.id).execute();
  assert.equal(sms.length, 1, 'an SMS receipt like every other channel');
  assert.ok(sms[0]!.body.includes(r.service_request_id));
  const audit = await t.database.db.selectFrom('auditLog').select(['actorName', 'detail']).where('action', '=', 'request.receive').where('targetId', '=', row.id).executeTakeFirstOrThrow();
  assert.deepEqual(audit.detail, { channel: 'open311', open311ClientId: row.open311ClientId, ticketNo: r.service_request_id });
  const operator = await t.login('operator');
  const detail = (await t.call(operator, { method: 'GET', url: `/api/requests/${row.id}` })).json;
  assert.equal(detail.channel, 'open311');
  assert.equal(detail.status, 'received');
});

test('a JSON body works too, and the category is the service the client named', async () => {
  const res = await postJson({ api_key: DEMO_KEY, service_code: 'environment', address_string: '湖滨社区 12 栋', description: '楼下烧烤店晚上油烟很大，熏得窗户都不敢开' });
  assert.equal(res.status, 201, res.body);
  const row = await t.database.db.selectFrom('requests').select(['category', 'departmentId', 'anonymous']).where('ticketNo', '=', res.json[0].service_request_id).executeTakeFirstOrThrow();
  assert.equal(row.category, '环境保护');
  assert.ok(['sthj', 'cgj'].includes(row.departmentId), row.departmentId);
  assert.equal(row.anonymous, true, 'no name and no phone: nobody to call back');
});

test('missing, wrong or revoked api_key → 403 as the specification\'s error list', async () => {
  const body = { service_code: 'transport', address_string: '望江社区公交站', description: '望江社区公交站的站牌被撞歪了' };
  assertSpecError(await postForm(body), 403);
  assertSpecError(await postForm({ ...body, api_key: 'not-a-key' }), 403);
  const admin = await t.login('admin');
  const created = (await t.call(admin, { method: 'POST', url: '/api/admin/open311-clients', payload: { name: '测试吊销客户端' } })).json;
  assert.equal((await postForm({ ...body, api_key: created.apiKey })).status, 201);
  assert.equal((await t.call(admin, { method: 'DELETE', url: `/api/admin/open311-clients/${created.id}` })).status, 200);
  assertSpecError(await postForm({ ...body, api_key: created.apiKey }), 403);
  const xml = await postForm({ ...body, api_key: 'nope' }, 'xml');
  assert.equal(xml.status, 403);
  assert.match(xml.body, /<errors><error><code>403<\/code><description>[^<]+<\/description><\/error><\/errors>/);
});

test('no location → 400, unknown service_code → 404, bad fields → 400, all with Chinese descriptions', async () => {
  const ok = { api_key: DEMO_KEY, service_code: 'transport', description: '路口红绿灯坏了，车辆乱成一团' };
  assertSpecError(await postForm(ok), 400);
  assertSpecError(await postForm({ ...ok, lat: '31.2' }), 400);
  assertSpecError(await postForm({ ...ok, address_string: '科创路', service_code: 'no-such-service' }), 404);
  assertSpecError(await postForm({ ...ok, address_string: '科创路', service_code: '' }), 400);
  assertSpecError(await postForm({ ...ok, address_string: '科创路', lat: 'north', long: '117' }), 400);
  assertSpecError(await postForm({ ...ok, address_string: '科创路', description: '坏' }), 400);
  assertSpecError(await postForm({ ...ok, address_string: '科创路', phone: '12' }), 400);
  assertSpecError(await postForm({ ...ok, address_string: '科创路', media_url: 'javascript:alert(1)' }), 400);
  assertSpecError(await t.call(null, { method: 'POST', url: '/open311/v2/requests.json', payload: '{bad', headers: { 'content-type': 'application/json' } }), 400);
  assertSpecError(await get('/open311/v2/nothing-here.json'), 404);
  assertSpecError(await t.call(null, { method: 'POST', url: '/open311/v2/requests.json', payload: 'api_key=x', headers: { 'content-type': 'text/plain' } }), 415);
});

test('POST /api/requests cannot pretend to be an Open311 client', async () => {
  const res = await t.call(null, { method: 'POST', url: '/api/requests', payload: { text: '路口红绿灯坏了很久了', channel: 'open311', anonymous: true } });
  assert.equal(res.status, 400);
});

test('GET a request by its ticket number: the specification\'s fields, never the phone or the name; contacts in the text are masked', async () => {
  const posted = (await postForm({
    api_key: DEMO_KEY, service_code: 'urban-construction', address_string: '春晖社区 3 栋', first_name: '丽', last_name: '赵', phone: '13900008888',
    description: '春晖社区3栋旁边的路灯不亮，有事请打我电话13900008888，身份证340102199003071234', media_url: 'https://img.example.com/lamp.jpg',
  })).json[0];
  const res = await get(`/open311/v2/requests/${posted.service_request_id}.json`);
  assert.equal(res.status, 200, res.body);
  assert.equal(res.json.length, 1);
  const r = res.json[0];
  for (const k of ['service_request_id', 'status', 'status_notes', 'service_name', 'service_code', 'description', 'agency_responsible', 'service_notice',
    'requested_datetime', 'updated_datetime', 'expected_datetime', 'address', 'lat', 'long', 'media_url']) assert.ok(k in r, k);
  assert.equal(r.status, 'open');
  assert.equal(r.service_code, 'urban-construction');
  assert.equal(r.media_url, 'https://img.example.com/lamp.jpg');
  assert.match(r.requested_datetime, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
  assert.match(r.agency_responsible, /热线/, 'not yet dispatched: the hotline centre is responsible');
  assert.ok(!res.body.includes('13900008888') && !res.body.includes('赵丽') && !res.body.includes('340102199003071234'), res.body);
  assert.match(r.description, /139\*{4}8888/);
  assertSpecError(await get('/open311/v2/requests/20990101999999.json'), 404);
  const xml = await get(`/open311/v2/requests/${posted.service_request_id}.xml`);
  assert.match(xml.body, new RegExp(`<service_requests><request><service_request_id>${posted.service_request_id}</service_request_id><status>open</status>`));
});

test('a confidential request shows no description, address or place; a dispatched one names its department', async () => {
  const citizen = await t.login('citizen');
  const secret = (await t.call(citizen, { method: 'POST', url: '/api/requests', payload: { text: '我举报西湖新村有人在家里聚众赌博，请保密', confidential: true, address: '西湖新村 2 栋' } })).json;
  const r = (await get(`/open311/v2/requests/${secret.ticketNo}.json`)).json[0];
  assert.equal(r.description, null);
  assert.equal(r.address, null);
  const operator = await t.login('operator');
  const posted = (await postJson({ api_key: DEMO_KEY, service_code: 'urban-construction', address_string: '望江社区', description: '望江社区健身器材坏了好几个，螺丝都松了' })).json[0];
  const id = (await t.database.db.selectFrom('requests').select('id').where('ticketNo', '=', posted.service_request_id).executeTakeFirstOrThrow()).id;
  const d = await t.call(operator, { method: 'POST', url: `/api/requests/${id}/actions`, payload: { action: 'dispatch', departmentId: 'cgj' } });
  assert.equal(d.status, 200, d.body);
  const after = (await get(`/open311/v2/requests/${posted.service_request_id}.json`)).json[0];
  assert.match(after.agency_responsible, /城市管理|城管/);
  assert.equal(after.status_notes, '已派单待签收');
});

test('GET requests.json filters by ids, service, status and dates; at most 90 days per query', async () => {
  const all = await get('/open311/v2/requests.json');
  assert.equal(all.status, 200);
  assert.ok(all.json.length >= 4);
  assert.ok(all.json.every((r: any) => r.status === 'open'));
  const env = (await get('/open311/v2/requests.json?service_code=environment')).json;
  assert.ok(env.length >= 1 && env.every((r: any) => r.service_code === 'environment'));
  const two = all.json.slice(0, 2).map((r: any) => r.service_request_id);
  const byId = (await get(`/open311/v2/requests.json?service_request_id=${two.join(',')}`)).json;
  assert.deepEqual(byId.map((r: any) => r.service_request_id).sort(), [...two].sort());
  const closed = await get('/open311/v2/requests.json?status=closed');
  assert.equal(closed.json.length, 0, closed.body);
  assert.equal((await get('/open311/v2/requests.json?status=open,closed')).json.length, all.json.length);
  const now = t.clock.now();
  const day = 86_400_000;
  const iso = (ms: number) => new Date(ms).toISOString();
  assert.equal((await get(`/open311/v2/requests.json?start_date=${iso(now.getTime() - 2 * day)}&end_date=${iso(now.getTime() + day)}`)).json.length, all.json.length);
  assert.equal((await get(`/open311/v2/requests.json?start_date=${iso(now.getTime() + day)}`)).json.length, 0);
  assertSpecError(await get(`/open311/v2/requests.json?start_date=${iso(now.getTime() - 100 * day)}&end_date=${iso(now.getTime())}`), 400);
  assertSpecError(await get('/open311/v2/requests.json?start_date=yesterday'), 400);
  assertSpecError(await get('/open311/v2/requests.json?status=pending'), 400);
  assertSpecError(await get('/open311/v2/requests.json?service_code=nope'), 404);
  assert.ok(!all.body.includes('13900007777') && !all.body.includes('王小明'));
});

test('administrators issue a key (shown once), see when it was last used, and revoke it; every change is audited', async () => {
  const admin = await t.login('admin');
  const created = await t.call(admin, { method: 'POST', url: '/api/admin/open311-clients', payload: { name: '随手拍 App' } });
  assert.equal(created.status, 201, created.body);
  assert.match(created.json.apiKey, /^o311_[\w-]{32}$/);
  const stored = await t.database.db.selectFrom('open311Clients').select('apiKeyHash').where('id', '=', created.json.id).executeTakeFirstOrThrow();
  assert.notEqual(stored.apiKeyHash, created.json.apiKey);
  assert.match(stored.apiKeyHash, /^[0-9a-f]{64}$/);
  let list = (await t.call(admin, { method: 'GET', url: '/api/admin/open311-clients' })).json.items;
  let mine = list.find((c: any) => c.id === created.json.id);
  assert.equal(mine.lastUsedAt, null);
  assert.ok(!JSON.stringify(list).includes(created.json.apiKey));
  assert.ok(list.some((c: any) => c.name === '演示客户端（Open311）' && c.revokedAt === null), 'the demo client is seeded');
  await postForm({ api_key: created.json.apiKey, service_code: 'health', address_string: '南山村卫生室', description: '南山村卫生室最近经常没人值班，看病不方便' });
  list = (await t.call(admin, { method: 'GET', url: '/api/admin/open311-clients' })).json.items;
  mine = list.find((c: any) => c.id === created.json.id);
  assert.equal(mine.requestCount, 1);
  assert.ok(mine.lastUsedAt);
  const revoked = await t.call(admin, { method: 'DELETE', url: `/api/admin/open311-clients/${created.json.id}` });
  assert.equal(revoked.status, 200);
  assert.ok(revoked.json.revokedAt);
  assert.equal((await t.call(admin, { method: 'DELETE', url: `/api/admin/open311-clients/${created.json.id}` })).json.revokedAt, revoked.json.revokedAt, 'revoking again changes nothing');
  assert.equal((await t.call(admin, { method: 'DELETE', url: '/api/admin/open311-clients/999999' })).status, 404);
  assert.equal((await t.call(admin, { method: 'POST', url: '/api/admin/open311-clients', payload: { name: ' ' } })).status, 400);
  const audit = (await t.call(admin, { method: 'GET', url: '/api/admin/audit?pageSize=100' })).json.items.map((a: any) => `${a.action} ${a.targetId}`);
  assert.ok(audit.includes(`open311_client.create ${created.json.id}`));
  assert.equal(audit.filter((a: string) => a === `open311_client.revoke ${created.json.id}`).length, 1);
});
