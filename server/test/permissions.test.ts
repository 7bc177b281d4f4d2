// Every route the app registers, and who may call it: anonymous, the wrong roles, the right ones.
// A route missing from the table fails the coverage test, so a new endpoint cannot ship without its row.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { InjectOptions } from 'fastify';
import { createTestContext, DEMO_PASSWORD, multipart, SAMPLE, type TestContext } from './harness.ts';
import { actOk, apply, GA_ITEM, registerPerson, upload, validIdNumber } from './fixtures.ts';

let t: TestContext;
/** A submitted 公安 case of citizen with an attached file, a draft of citizen, and one of citizen's messages. */
const fx = { caseId: '', draftId: '', fileId: '', noteId: 0, knowledgeIds: [] as number[], requestId: '', ruleId: 0, licenceId: '', otherLicenceId: '' };
const ruleUrl = () => Promise.resolve(`/api/admin/requests/dispatch-rules/${fx.ruleId}`);
const open311Ticket = async () =>
  `/open311/v2/requests/${(await t.database.db.selectFrom('requests').select('ticketNo').where('id', '=', fx.requestId).executeTakeFirstOrThrow()).ticketNo}.json`;
const newOpen311Client = async () =>
  `/api/admin/open311-clients/${(await t.call(await t.login('admin'), { method: 'POST', url: '/api/admin/open311-clients', payload: { name: '待吊销客户端' } })).json.id}`;

before(async () => {
  t = await createTestContext();
  const citizen = await t.login('citizen');
  fx.fileId = (await upload(t, citizen)).fileId;
  fx.caseId = (await apply(t, 'citizen', GA_ITEM, { materials: [{ name: '户口迁移申请表', fileId: fx.fileId }] })).id;
  fx.draftId = (await apply(t, 'citizen', GA_ITEM, { draft: true })).id;
  fx.noteId = (await t.call(citizen, { method: 'GET', url: '/api/notifications' })).json.items[0].id;
  fx.requestId = (await t.call(citizen, { method: 'POST', url: '/api/requests', payload: { text: '春晖社区门口的路灯坏了一个星期了，晚上很黑', phone: '13900001111' } })).json.id;
  fx.ruleId = (await t.call(await t.login('admin'), { method: 'POST', url: '/api/admin/requests/dispatch-rules', payload: { category: '环境保护', streetId: 'nsz', departmentId: 'nsz' } })).json.id;
  // A licence for citizen (张三) and one for citizen2 (李四), each issued by completing a 无犯罪记录证明 case.
  for (const [who, key] of [['citizen', 'licenceId'], ['citizen2', 'otherLicenceId']] as const) {
    const c = await apply(t, who, 'SFQ-GA-014');
    for (const [u, action] of [['clerk', 'accept'], ['reviewer-ga', 'approve'], ['reviewer-ga', 'complete']]) await actOk(t, u!, c.id, action!);
    fx[key] = (await t.call(await t.login(who), { method: 'GET', url: `/api/applications/${c.id}` })).json.licence.id;
  }
  const admin = await t.login('admin');
  for (const term of ['权限测试词一', '权限测试词二']) {
    fx.knowledgeIds.push((await t.call(admin, { method: 'POST', url: '/api/admin/knowledge', payload: { kind: 'synonym', term, expansion: ['登记'] } })).json.id);
  }
});
after(async () => { await t.close(); });

/** A demo username, or a named way to get a token (for calls that end or change the session). */
type Actor = string | { label: string; token: () => Promise<string> };
type Body = InjectOptions['payload'] | (() => Promise<InjectOptions['payload']>);

interface Row {
  method: string;
  /** The route as Fastify registered it. */
  route: string;
  /** The URL to call (a function when each call needs its own target, e.g. a fresh case). */
  url: string | (() => Promise<string>);
  body?: Body;
  /** What an anonymous caller gets: 401 where a login is required, 2xx/3xx for public routes. */
  anonymous: number;
  /** Users who may not, with the status they get (403 for the wrong role, 404 when they may not even see it). */
  denied?: [Actor, number][];
  /** Users who may, with the status they get. */
  allowed?: [Actor, number][];
}

const freshLogin = (username: string): Actor => ({
  label: `${username} (own session)`,
  token: async () => (await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } })).json().token,
});
const newPerson: Actor = { label: 'a new person', token: async () => (await registerPerson(t)).token };
const newCase = async () => `/api/applications/${(await apply(t, 'citizen', GA_ITEM)).id}/actions`;
const currentItem = async () => {
  const item = (await t.call(null, { method: 'GET', url: '/api/items/SFQ-GA-007' })).json;
  return { ...item, fee: `不收费（${Date.now()}）` };
};
const newItem = async () => {
  const { code: _c, version: _v, updatedAt: _u, department: _d, canApplyOnline: _a, ...content } = (await t.call(null, { method: 'GET', url: '/api/items/SFQ-GA-007' })).json;
  return { ...content, name: `权限测试新事项${Date.now()}${Math.random()}` };
};
const STAFF_NOT_ADMIN: [Actor, number][] = [['citizen', 403], ['enterprise', 403], ['clerk', 403], ['reviewer-ga', 403], ['operator', 403]];
const pub = (route: string, url = route, status = 200): Row => ({ method: 'GET', route, url, anonymous: status });

const ROWS: Row[] = [
  // System and API documentation: public.
  pub('/api/health'),
  pub('/api/docs'),
  pub('/api/docs/'),
  pub('/api/docs/json'),
  pub('/api/docs/yaml'),
  pub('/api/docs/static/index.html', '/api/docs/static/index.html', 302),
  pub('/api/docs/static/swagger-initializer.js'),
  pub('/api/docs/*', '/api/docs/static/swagger-initializer.js'),

  // Catalog and calendar reading: public.
  pub('/api/departments'),
  pub('/api/tags'),
  pub('/api/items', '/api/items?departmentId=ga'),
  pub('/api/items/popular'),
  pub('/api/items/:code', '/api/items/SFQ-GA-006'),
  pub('/api/items/:code/versions', '/api/items/SFQ-GA-006/versions'),
  pub('/api/items/:code/versions/:version', '/api/items/SFQ-GA-006/versions/1'),
  pub('/api/bundles'),
  pub('/api/bundles/:code', '/api/bundles/SFQ-BUNDLE-01'),
  pub('/api/calendar/add-working-days', '/api/calendar/add-working-days?from=2026-03-02&days=3'),
  pub('/api/calendar/working-days-between', '/api/calendar/working-days-between?from=2026-03-02&to=2026-03-09'),
  pub('/api/calendar/years/:year', '/api/calendar/years/2026'),

  // Catalog and calendar upkeep: administrators only.
  { method: 'POST', route: '/api/items', url: '/api/items', body: newItem, anonymous: 401, denied: STAFF_NOT_ADMIN, allowed: [['admin', 201]] },
  { method: 'PUT', route: '/api/items/:code', url: '/api/items/SFQ-GA-007', body: currentItem, anonymous: 401, denied: STAFF_NOT_ADMIN, allowed: [['admin', 200]] },
  { method: 'PUT', route: '/api/calendar/days/:date', url: '/api/calendar/days/2026-11-18', body: { isOffDay: true, name: '测试' }, anonymous: 401, denied: STAFF_NOT_ADMIN, allowed: [['admin', 200]] },
  { method: 'DELETE', route: '/api/calendar/days/:date', url: '/api/calendar/days/2026-11-18', anonymous: 401, denied: STAFF_NOT_ADMIN, allowed: [['admin', 200]] },
  { method: 'PUT', route: '/api/calendar/years/:year', url: '/api/calendar/years/2031', body: { covered: true }, anonymous: 401, denied: STAFF_NOT_ADMIN, allowed: [['admin', 200]] },

  // Identity.
  { method: 'POST', route: '/api/auth/login', url: '/api/auth/login', body: { username: 'citizen2', password: DEMO_PASSWORD }, anonymous: 200 },
  { method: 'POST', route: '/api/auth/register', url: '/api/auth/register', anonymous: 201, body: async () => ({
    username: `perm${Date.now()}`, password: 'Passw0rd-1', kind: 'person', realName: '权限测试', idNumber: validIdNumber(), phone: '13800000000',
  }) },
  { method: 'POST', route: '/api/auth/logout', url: '/api/auth/logout', anonymous: 401, allowed: [[freshLogin('citizen'), 200], [freshLogin('clerk'), 200]] },
  { method: 'GET', route: '/api/auth/me', url: '/api/auth/me', anonymous: 401, allowed: [['citizen', 200], ['clerk', 200], ['admin', 200]] },
  { method: 'POST', route: '/api/auth/password', url: '/api/auth/password', body: { oldPassword: 'Passw0rd-1', newPassword: 'Changed-pw-2' }, anonymous: 401, allowed: [[newPerson, 200]] },
  { method: 'GET', route: '/api/admin/users', url: '/api/admin/users', anonymous: 401, denied: STAFF_NOT_ADMIN, allowed: [['admin', 200]] },

  // Audit: administrators only.
  { method: 'GET', route: '/api/admin/audit', url: '/api/admin/audit', anonymous: 401, denied: STAFF_NOT_ADMIN, allowed: [['admin', 200]] },
  { method: 'POST', route: '/api/admin/audit/verify', url: '/api/admin/audit/verify', anonymous: 401, denied: STAFF_NOT_ADMIN, allowed: [['admin', 200]] },

  // Search and the assistant: public; analytics and the knowledge base: administrators only.
  pub('/api/search', '/api/search?q=%E7%A4%BE%E4%BF%9D%E5%8D%A1'),
  pub('/api/search/suggest', '/api/search/suggest?q=sb'),
  pub('/api/search/hot'),
  { method: 'POST', route: '/api/search/click', url: '/api/search/click', body: { logId: 1, code: 'SFQ-GA-001', rank: 0 }, anonymous: 204, allowed: [['citizen', 204]] },
  { method: 'POST', route: '/api/assistant', url: '/api/assistant', body: { message: '社保卡' }, anonymous: 200, allowed: [['citizen', 200]] },
  { method: 'GET', route: '/api/admin/search/stats', url: '/api/admin/search/stats', anonymous: 401, denied: STAFF_NOT_ADMIN, allowed: [['admin', 200]] },
  { method: 'GET', route: '/api/admin/search/gaps', url: '/api/admin/search/gaps', anonymous: 401, denied: STAFF_NOT_ADMIN, allowed: [['admin', 200]] },
  { method: 'GET', route: '/api/admin/knowledge', url: '/api/admin/knowledge', anonymous: 401, denied: STAFF_NOT_ADMIN, allowed: [['admin', 200]] },
  { method: 'POST', route: '/api/admin/knowledge', url: '/api/admin/knowledge', body: async () => ({ kind: 'stopword', term: `权限停用${Date.now()}${Math.random()}` }), anonymous: 401, denied: STAFF_NOT_ADMIN, allowed: [['admin', 201]] },
  { method: 'PUT', route: '/api/admin/knowledge/:id', url: () => Promise.resolve(`/api/admin/knowledge/${fx.knowledgeIds[0]}`), body: { kind: 'synonym', term: '权限测试词一', expansion: ['变更'] }, anonymous: 401, denied: STAFF_NOT_ADMIN, allowed: [['admin', 200]] },
  { method: 'DELETE', route: '/api/admin/knowledge/:id', url: () => Promise.resolve(`/api/admin/knowledge/${fx.knowledgeIds[1]}`), anonymous: 401, denied: STAFF_NOT_ADMIN, allowed: [['admin', 204]] },

  // 12345 requests: anyone may file one; the hotline classifies; the filer and the hotline see it.
  { method: 'POST', route: '/api/requests', url: '/api/requests', body: { text: '西湖新村楼下垃圾桶满了好几天没人清', anonymous: true }, anonymous: 201, allowed: [['citizen', 201]] },
  { method: 'POST', route: '/api/requests/classify', url: '/api/requests/classify', body: { text: '路灯不亮' }, anonymous: 401,
    denied: [['citizen', 403], ['clerk', 403], ['reviewer-ga', 403]], allowed: [['operator', 200], ['admin', 200]] },
  { method: 'GET', route: '/api/requests/meta', url: '/api/requests/meta', anonymous: 200, allowed: [['citizen', 200]] },
  { method: 'GET', route: '/api/requests', url: '/api/requests', anonymous: 401, allowed: [['citizen', 200], ['operator', 200], ['handler-cgj', 200], ['supervisor', 200]] },
  { method: 'POST', route: '/api/requests/:id/actions', url: () => Promise.resolve(`/api/requests/${fx.requestId}/actions`), body: { action: 'sign' }, anonymous: 401,
    denied: [['citizen2', 404], ['handler-cgj', 404], ['operator', 403]], allowed: [] },
  { method: 'GET', route: '/api/requests/:id', url: () => Promise.resolve(`/api/requests/${fx.requestId}`), anonymous: 401,
    denied: [['citizen2', 404], ['clerk', 404]], allowed: [['citizen', 200], ['operator', 200], ['admin', 200]] },
  // Reports: the hotline centre any department, a department handler its own only.
  { method: 'GET', route: '/api/requests/stats', url: '/api/requests/stats', anonymous: 401,
    denied: [['citizen', 403], ['enterprise', 403], ['clerk', 403], ['reviewer-ga', 403]],
    allowed: [['operator', 200], ['supervisor', 200], ['admin', 200], ['handler-cgj', 200]] },
  { method: 'GET', route: '/api/requests/stats/daily.xlsx', url: '/api/requests/stats/daily.xlsx', anonymous: 401,
    denied: [['citizen', 403], ['clerk', 403], ['reviewer-ga', 403]], allowed: [['operator', 200], ['supervisor', 200], ['handler-cgj', 200]] },
  // The hotline's configuration: admins only.
  { method: 'GET', route: '/api/admin/requests/dispatch-rules', url: '/api/admin/requests/dispatch-rules', anonymous: 401,
    denied: [['operator', 403], ['supervisor', 403], ['handler-cgj', 403], ['citizen', 403]], allowed: [['admin', 200]] },
  { method: 'POST', route: '/api/admin/requests/dispatch-rules', url: '/api/admin/requests/dispatch-rules', body: { category: '城乡建设', streetId: 'xhjd', departmentId: 'xhjd' }, anonymous: 401,
    denied: [['operator', 403], ['supervisor', 403], ['handler-cgj', 403], ['citizen', 403]], allowed: [['admin', 201]] },
  { method: 'PUT', route: '/api/admin/requests/dispatch-rules/:id', url: ruleUrl, body: { category: '环境保护', streetId: 'nsz', departmentId: 'sthj' }, anonymous: 401,
    denied: [['operator', 403], ['supervisor', 403], ['citizen', 403]], allowed: [['admin', 200]] },
  { method: 'DELETE', route: '/api/admin/requests/dispatch-rules/:id', url: ruleUrl, anonymous: 401,
    denied: [['operator', 403], ['supervisor', 403], ['citizen', 403]], allowed: [['admin', 204]] },
  { method: 'PUT', route: '/api/admin/requests/time-limits', url: '/api/admin/requests/time-limits', body: { urgentHours: 2, days: { 咨询: 1, 求助: 3, 投诉: 5, 举报: 5, 建议: 10, 表扬: 10 } }, anonymous: 401,
    denied: [['operator', 403], ['supervisor', 403], ['citizen', 403]], allowed: [['admin', 200]] },

  // Open311 GeoReport v2: reading is public (no contact details); posting needs a client's api_key, not a session.
  pub('/open311/v2/services.:format', '/open311/v2/services.json'),
  pub('/open311/v2/requests.:format', '/open311/v2/requests.json'),
  pub('/open311/v2/requests/:id.:format', '/open311/v2/requests/20990101000001.json', 404),
  { method: 'GET', route: '/open311/v2/requests/:id.:format', url: open311Ticket, anonymous: 200, allowed: [['citizen2', 200]] },
  { method: 'POST', route: '/open311/v2/requests.:format', url: '/open311/v2/requests.json', anonymous: 201, allowed: [['citizen', 201]],
    body: { api_key: 'demo-open311-key', service_code: 'urban-construction', address_string: '春晖社区', description: '春晖社区门口的井盖松动了' } },
  // Open311 client keys: administrators only.
  { method: 'GET', route: '/api/admin/open311-clients', url: '/api/admin/open311-clients', anonymous: 401, denied: [...STAFF_NOT_ADMIN, ['supervisor', 403]], allowed: [['admin', 200]] },
  { method: 'POST', route: '/api/admin/open311-clients', url: '/api/admin/open311-clients', body: { name: '权限测试客户端' }, anonymous: 401, denied: [...STAFF_NOT_ADMIN, ['supervisor', 403]], allowed: [['admin', 201]] },
  { method: 'DELETE', route: '/api/admin/open311-clients/:id', url: newOpen311Client, anonymous: 401, denied: [...STAFF_NOT_ADMIN, ['supervisor', 403]], allowed: [['admin', 200]] },

  // Applications.
  { method: 'POST', route: '/api/applications', url: '/api/applications', body: { itemCode: GA_ITEM, formData: {} }, anonymous: 401,
    denied: [['clerk', 403], ['reviewer-ga', 403], ['operator', 403], ['admin', 403]], allowed: [['citizen', 201], ['citizen2', 201]] },
  { method: 'GET', route: '/api/applications', url: '/api/applications', anonymous: 401,
    denied: [['operator', 403]], allowed: [['citizen', 200], ['enterprise', 200], ['clerk', 200], ['reviewer-ga', 200], ['admin', 200]] },
  { method: 'GET', route: '/api/applications/summary', url: '/api/applications/summary', anonymous: 401,
    denied: [['citizen', 403], ['enterprise', 403], ['operator', 403]], allowed: [['clerk', 200], ['reviewer-ga', 200], ['admin', 200]] },
  { method: 'GET', route: '/api/applications/:id', url: () => Promise.resolve(`/api/applications/${fx.caseId}`), anonymous: 401,
    denied: [['citizen2', 404], ['enterprise', 404], ['reviewer-rsj', 404], ['operator', 404]],
    allowed: [['citizen', 200], ['clerk', 200], ['reviewer-ga', 200], ['admin', 200]] },
  { method: 'PUT', route: '/api/applications/:id', url: () => Promise.resolve(`/api/applications/${fx.draftId}`), body: { formData: { 备注: '修改' } }, anonymous: 401,
    denied: [['citizen2', 404], ['reviewer-rsj', 404], ['clerk', 403], ['reviewer-ga', 403], ['admin', 403]], allowed: [['citizen', 200]] },
  { method: 'POST', route: '/api/applications/:id/actions', url: newCase, body: { action: 'accept' }, anonymous: 401,
    denied: [['citizen', 403], ['admin', 403], ['citizen2', 404], ['reviewer-rsj', 404], ['operator', 404]],
    allowed: [['clerk', 200], ['reviewer-ga', 200]] },

  // Notifications: every logged-in user has an inbox; a message belongs to one user.
  { method: 'GET', route: '/api/notifications', url: '/api/notifications', anonymous: 401, allowed: [['citizen', 200], ['clerk', 200], ['operator', 200]] },
  { method: 'POST', route: '/api/notifications/read-all', url: '/api/notifications/read-all', anonymous: 401, allowed: [['citizen2', 200], ['admin', 200]] },
  { method: 'POST', route: '/api/notifications/:id/read', url: () => Promise.resolve(`/api/notifications/${fx.noteId}/read`), anonymous: 401,
    denied: [['citizen2', 404], ['admin', 404]], allowed: [['citizen', 200]] },

  { method: 'GET', route: '/api/applications/:id/licence-draft', url: () => Promise.resolve(`/api/applications/${fx.caseId}/licence-draft`), anonymous: 401,
    denied: [['citizen', 403], ['citizen2', 404], ['reviewer-rsj', 404], ['operator', 404]], allowed: [['clerk', 200], ['reviewer-ga', 200]] },
  // E-licences: the holder's wallet; the issuing department's staff; public keys, seals and verification.
  { method: 'GET', route: '/api/licences', url: '/api/licences', anonymous: 401, denied: [['clerk', 403], ['operator', 403]], allowed: [['citizen', 200], ['enterprise', 200]] },
  pub('/api/licences/types'), pub('/api/licences/keys'), pub('/api/licences/seals'),
  { method: 'POST', route: '/api/licences/verify', url: '/api/licences/verify', body: { qr: 'TBL1.e30.AA' }, anonymous: 200, allowed: [['citizen', 200], ['verifier', 200]] },
  { method: 'GET', route: '/api/licences/:id', url: () => Promise.resolve(`/api/licences/${fx.licenceId}`), anonymous: 401,
    denied: [['citizen2', 404], ['reviewer-scjg', 404], ['operator', 404], ['verifier', 404]], allowed: [['citizen', 200], ['reviewer-ga', 200], ['admin', 200]] },
  { method: 'GET', route: '/api/licences/:id/pdf', url: () => Promise.resolve(`/api/licences/${fx.licenceId}/pdf`), anonymous: 401,
    denied: [['citizen2', 404], ['reviewer-scjg', 404]], allowed: [['citizen', 200], ['reviewer-ga', 200]] },
  { method: 'POST', route: '/api/licences/:id/presentations', url: () => Promise.resolve(`/api/licences/${fx.licenceId}/presentations`), body: {}, anonymous: 401,
    denied: [['citizen2', 404], ['reviewer-ga', 403], ['verifier', 404]], allowed: [['citizen', 201]] },
  { method: 'GET', route: '/api/licences/:id/presentations', url: () => Promise.resolve(`/api/licences/${fx.licenceId}/presentations`), anonymous: 401,
    denied: [['citizen2', 404], ['reviewer-ga', 403]], allowed: [['citizen', 200]] },
  { method: 'GET', route: '/api/presentations/:code', anonymous: 401,
    url: async () => `/api/presentations/${(await t.call(await t.login('citizen'), { method: 'POST', url: `/api/licences/${fx.licenceId}/presentations`, payload: {} })).json.code}`,
    denied: [['citizen', 403], ['enterprise', 403]], allowed: [['verifier', 200], ['clerk', 200]] },
  { method: 'POST', route: '/api/licences/:id/revoke', url: () => Promise.resolve(`/api/licences/${fx.otherLicenceId}/revoke`), body: { reason: '权限测试：暂扣', status: '02' }, anonymous: 401,
    denied: [['citizen2', 403], ['citizen', 404], ['reviewer-scjg', 404], ['clerk', 404], ['admin', 403]], allowed: [['reviewer-ga', 200]] },
  { method: 'POST', route: '/api/admin/licences/keys/:departmentId/rotate', url: '/api/admin/licences/keys/wjw/rotate', anonymous: 401, denied: STAFF_NOT_ADMIN, allowed: [['admin', 200]] },

  // Shared data (免提交): applicants fetch their own data with a purpose and read who used it; the summary is public.
  { method: 'GET', route: '/api/shared-data/:source', url: '/api/shared-data/hukou?purpose=%E6%9D%83%E9%99%90%E6%B5%8B%E8%AF%95', anonymous: 401,
    denied: [['clerk', 403], ['reviewer-ga', 403], ['operator', 403], ['admin', 403], ['verifier', 403]], allowed: [['citizen', 200], ['enterprise', 200]] },
  { method: 'GET', route: '/api/my/data-use', url: '/api/my/data-use', anonymous: 401,
    denied: [['clerk', 403], ['reviewer-ga', 403], ['admin', 403]], allowed: [['citizen', 200], ['citizen2', 200], ['enterprise', 200]] },
  { method: 'GET', route: '/api/sharing/summary', url: '/api/sharing/summary', anonymous: 200, allowed: [['citizen', 200], ['clerk', 200]] },

  // Files: uploads by logged-in users; a file is read by its owner and the staff handling a case it is attached to.
  { method: 'POST', route: '/api/files', url: '/api/files', anonymous: 401, allowed: [['citizen', 201], ['enterprise', 201]] },
  { method: 'GET', route: '/api/files/:id', url: () => Promise.resolve(`/api/files/${fx.fileId}`), anonymous: 401,
    denied: [['citizen2', 404], ['reviewer-rsj', 404], ['operator', 404]], allowed: [['citizen', 200], ['clerk', 200], ['reviewer-ga', 200]] },
];

/** Each registered route as 'METHOD /path', from Fastify's route tree (HEAD is added by Fastify for every GET). */
function registeredRoutes(app: TestContext['app']): string[] {
  const out: string[] = [];
  const parents: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^((?:│ {3}| {4})*)(?:├── |└── )(.*?)(?: \(([^)]*)\))?$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    parents.length = depth;
    const path = parents.join('') + m[2]!;
    parents.push(m[2]!);
    for (const method of (m[3] ?? '').split(',').map((s) => s.trim()).filter((s) => s && s !== 'HEAD')) out.push(`${method} ${path}`);
  }
  return out.sort();
}

const resolve = async <T>(v: T | (() => Promise<T>)) => (typeof v === 'function' ? (v as () => Promise<T>)() : v);

async function callAs(actor: Actor | null, row: Row) {
  const token = actor === null ? null : typeof actor === 'string' ? await t.login(actor) : await actor.token();
  const opts: InjectOptions = { method: row.method as 'GET', url: await resolve(row.url) };
  if (row.route === '/api/files') {
    Object.assign(opts, multipart('file', 'a.pdf', SAMPLE.pdf));
  } else if (row.body !== undefined) {
    opts.payload = await resolve(row.body);
  }
  return t.call(token, opts);
}
const label = (a: Actor) => (typeof a === 'string' ? a : a.label);

test('the permission table covers every route the app registers', () => {
  const registered = registeredRoutes(t.app).filter((r) => /^\/(api|open311)\//.test(r.split(' ')[1]!));
  const listed = ROWS.map((r) => `${r.method} ${r.route}`).sort();
  assert.ok(registered.length > 40, `parsed ${registered.length} routes`);
  assert.deepEqual(registered.filter((r) => !listed.includes(r)), [], 'routes without a permission row');
  assert.deepEqual(listed.filter((r) => !registered.includes(r)), [], 'rows for routes that do not exist');
});

for (const row of ROWS) {
  const who = [
    `anonymous ${row.anonymous}`,
    ...(row.denied ?? []).map(([a, s]) => `${label(a)} ${s}`),
    ...(row.allowed ?? []).map(([a, s]) => `${label(a)} ${s}`),
  ].join(', ');
  test(`${row.method} ${row.route}: ${who}`, async () => {
    const anon = await callAs(null, row);
    assert.equal(anon.status, row.anonymous, `anonymous: ${anon.body.slice(0, 300)}`);
    for (const [actor, status] of row.denied ?? []) {
      const r = await callAs(actor, row);
      assert.equal(r.status, status, `${label(actor)}: ${r.body.slice(0, 300)}`);
    }
    for (const [actor, status] of row.allowed ?? []) {
      const r = await callAs(actor, row);
      assert.equal(r.status, status, `${label(actor)}: ${r.body.slice(0, 300)}`);
    }
  });
}
