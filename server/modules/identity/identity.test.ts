import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, DEMO_PASSWORD, type TestContext } from '../../test/harness.ts';
import { isChinese, registerPerson, uniqueName, validIdNumber, validUscc, withWrongCheckChar } from '../../test/fixtures.ts';

let t: TestContext;
before(async () => { t = await createTestContext(); });
after(async () => { await t.close(); });

/** Logs in without the harness' token cache; failed-login tests use their own address so they lock nobody else out. */
const login = (username: string, password: string, remoteAddress = '127.0.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress });
const me = (token: string) => t.call(token, { method: 'GET', url: '/api/auth/me' });

const person = (over: Record<string, unknown> = {}) => ({
  username: uniqueName('p'), password: 'Passw0rd-1', kind: 'person', realName: '王小明', idNumber: validIdNumber(), phone: '13912345678', ...over,
});

test('logging in with the right password returns a token and the user', async () => {
  const r = await login('citizen', DEMO_PASSWORD);
  assert.equal(r.statusCode, 200, r.body);
  const body = r.json();
  assert.ok(typeof body.token === 'string' && body.token.length >= 32);
  assert.equal(body.user.username, 'citizen');
  assert.deepEqual(body.user.roles, ['citizen']);
  assert.equal(body.user.departmentId, null);
  assert.ok(body.user.id);
  const reviewer = (await login('reviewer-ga', DEMO_PASSWORD)).json();
  assert.deepEqual(reviewer.user.roles, ['reviewer']);
  assert.equal(reviewer.user.departmentId, 'ga');
});

test('a wrong password is refused with 401 and a Chinese message', async () => {
  const r = await login('citizen2', 'Wrong-pass1', '10.1.0.1');
  assert.equal(r.statusCode, 401);
  assert.equal(r.json().code, 'INVALID_CREDENTIALS');
  assert.ok(isChinese(r.json().message));
  assert.equal(r.json().token, undefined);
});

test('logging in sets an httpOnly session cookie that works for /api/auth/me', async () => {
  const r = await login('citizen', DEMO_PASSWORD);
  const setCookie = String(r.headers['set-cookie']);
  assert.match(setCookie, /^tongban_session=/);
  assert.match(setCookie, /HttpOnly/i);
  assert.match(setCookie, /SameSite=Lax/i);
  const cookie = r.cookies.find((c) => c.name === 'tongban_session')!;
  const m = await t.app.inject({ method: 'GET', url: '/api/auth/me', cookies: { tongban_session: cookie.value } });
  assert.equal(m.statusCode, 200, m.body);
  assert.equal(m.json().user.username, 'citizen');
});

test('a Bearer token works for /api/auth/me and shows the user their own data unmasked', async () => {
  const token = (await login('citizen', DEMO_PASSWORD)).json().token;
  const r = await me(token);
  assert.equal(r.status, 200);
  assert.equal(r.json.user.realName, '张三');
  assert.match(r.json.user.idNumber, /^\d{17}[\dX]$/);
  assert.equal(r.json.user.phone, '13800135678');
});

test('/api/auth/me without a session is 401', async () => {
  const r = await t.call(null, { method: 'GET', url: '/api/auth/me' });
  assert.equal(r.status, 401);
  assert.ok(isChinese(r.json.message));
  const bogus = await t.call('not-a-real-token', { method: 'GET', url: '/api/auth/me' });
  assert.equal(bogus.status, 401);
});

test('after logout the token no longer works', async () => {
  const token = (await login('citizen', DEMO_PASSWORD)).json().token;
  assert.equal((await me(token)).status, 200);
  const out = await t.call(token, { method: 'POST', url: '/api/auth/logout' });
  assert.equal(out.status, 200);
  assert.deepEqual(out.json, { ok: true });
  assert.equal((await me(token)).status, 401);
});

test('a person registers with a valid 身份证号 and is logged in', async () => {
  const body = person();
  const r = await t.call(null, { method: 'POST', url: '/api/auth/register', payload: body });
  assert.equal(r.status, 201, r.body);
  assert.equal(r.json.user.username, body.username);
  assert.deepEqual(r.json.user.roles, ['citizen']);
  assert.equal(r.json.user.kind, 'person');
  assert.match(String(r.headers['set-cookie']), /tongban_session=/);
  const m = await me(r.json.token);
  assert.equal(m.json.user.idNumber, body.idNumber);
  assert.equal((await login(body.username, body.password)).statusCode, 200);
});

test('a 身份证号 with a wrong check digit is refused, naming the field in Chinese', async () => {
  const r = await t.call(null, { method: 'POST', url: '/api/auth/register', payload: person({ idNumber: withWrongCheckChar(validIdNumber()) }) });
  assert.equal(r.status, 400);
  assert.equal(r.json.fields[0].field, 'idNumber');
  assert.match(r.json.message, /身份证/);
  assert.ok(isChinese(r.json.fields[0].message));
});

test('an enterprise registers only with a valid 统一社会信用代码', async () => {
  const base = { kind: 'enterprise', companyName: '安澜测试科技有限公司' };
  const good = validUscc();
  const bad = good.slice(0, 17) + (good.endsWith('0') ? '1' : '0');
  const refused = await t.call(null, { method: 'POST', url: '/api/auth/register', payload: person({ ...base, uscc: bad }) });
  assert.equal(refused.status, 400);
  assert.equal(refused.json.fields[0].field, 'uscc');
  assert.match(refused.json.message, /统一社会信用代码/);
  const missing = await t.call(null, { method: 'POST', url: '/api/auth/register', payload: person(base) });
  assert.equal(missing.status, 400);
  assert.equal(missing.json.fields[0].field, 'uscc');
  const ok = await t.call(null, { method: 'POST', url: '/api/auth/register', payload: person({ ...base, uscc: good }) });
  assert.equal(ok.status, 201, ok.body);
  assert.deepEqual(ok.json.user.roles, ['enterprise']);
  assert.equal((await me(ok.json.token)).json.user.uscc, good);
});

test('a username that is taken is refused with 409', async () => {
  const r = await t.call(null, { method: 'POST', url: '/api/auth/register', payload: person({ username: 'citizen' }) });
  assert.equal(r.status, 409);
  assert.equal(r.json.code, 'USERNAME_TAKEN');
  assert.ok(isChinese(r.json.message));
});

test('a weak password is refused with 400 naming the password', async () => {
  for (const password of ['short1', 'onlyletters', '1234567890']) {
    const r = await t.call(null, { method: 'POST', url: '/api/auth/register', payload: person({ password }) });
    assert.equal(r.status, 400, password);
    assert.equal(r.json.fields[0].field, 'password');
    assert.ok(isChinese(r.json.message));
  }
});

test('changing the password with a wrong old password is refused', async () => {
  const u = await registerPerson(t);
  const r = await t.call(u.token, { method: 'POST', url: '/api/auth/password', payload: { oldPassword: 'Not-the-one1', newPassword: 'NewPassw0rd' } });
  assert.equal(r.status, 400);
  assert.equal(r.json.fields[0].field, 'oldPassword');
  assert.equal((await login(u.username, u.password, '10.1.0.2')).statusCode, 200, 'the old password still works');
});

test('after a password change only the new password logs in and other sessions are ended', async () => {
  const u = await registerPerson(t);
  const other = (await login(u.username, u.password)).json().token;
  const r = await t.call(u.token, { method: 'POST', url: '/api/auth/password', payload: { oldPassword: u.password, newPassword: 'Brand-new-99' } });
  assert.equal(r.status, 200, r.body);
  assert.equal((await login(u.username, u.password, '10.1.0.3')).statusCode, 401);
  assert.equal((await login(u.username, 'Brand-new-99', '10.1.0.3')).statusCode, 200);
  assert.equal((await me(other)).status, 401, 'the other device is logged out');
  assert.equal((await me(u.token)).status, 200, 'the session that changed it stays');
});

test('after 5 failed logins the account is locked, even for the right password', async () => {
  const u = await registerPerson(t);
  for (let i = 0; i < 5; i++) assert.equal((await login(u.username, 'Wrong-pass1', `10.2.0.${i + 1}`)).statusCode, 401);
  const r = await login(u.username, u.password, '10.2.0.99');
  assert.equal(r.statusCode, 429);
  assert.equal(r.json().code, 'LOGIN_LOCKED');
  assert.ok(isChinese(r.json().message));
  t.clock.set(new Date(t.clock.now().getTime() + 16 * 60_000));
  assert.equal((await login(u.username, u.password, '10.2.0.99')).statusCode, 200, 'unlocked after the window');
});

test('successful logins do not count towards the limit', async () => {
  const u = await registerPerson(t);
  for (let i = 0; i < 8; i++) assert.equal((await login(u.username, u.password, '10.3.0.1')).statusCode, 200);
  assert.equal((await login(u.username, 'Wrong-pass1', '10.3.0.1')).statusCode, 401);
  assert.equal((await login(u.username, u.password, '10.3.0.1')).statusCode, 200);
});

test('20 failed logins from one address lock that address out for every username', async () => {
  const address = '10.4.0.1';
  for (let i = 0; i < 20; i++) assert.equal((await login(uniqueName('nobody'), 'Wrong-pass1', address)).statusCode, 401);
  const u = await registerPerson(t);
  assert.equal((await login(u.username, u.password, address)).statusCode, 429);
  assert.equal((await login(u.username, u.password, '10.4.0.2')).statusCode, 200, 'other addresses are not affected');
});

test('an administrator lists users with ID and phone numbers masked', async () => {
  const r = await t.call(await t.login('admin'), { method: 'GET', url: '/api/admin/users?pageSize=100' });
  assert.equal(r.status, 200, r.body);
  const citizen = r.json.items.find((u: { username: string }) => u.username === 'citizen');
  assert.match(citizen.idNumber, /^\d{4}\*{10}[\dX]{4}$/);
  assert.match(citizen.phone, /^\d{3}\*{4}\d{4}$/);
  assert.equal(citizen.phone, '138****5678');
  assert.ok(!JSON.stringify(r.json).includes('13800135678'));
  for (const u of r.json.items) assert.equal(u.passwordHash, undefined);
});

test('the user list filtered by role counts only that role', async () => {
  const r = await t.call(await t.login('admin'), { method: 'GET', url: '/api/admin/users?role=admin' });
  assert.equal(r.status, 200);
  assert.ok(r.json.items.every((u: { roles: string[] }) => u.roles.includes('admin')));
  assert.equal(r.json.total, r.json.items.length);
});

test('a citizen may not list users (403) and an anonymous caller must log in (401)', async () => {
  assert.equal((await t.call(await t.login('citizen'), { method: 'GET', url: '/api/admin/users' })).status, 403);
  assert.equal((await t.call(await t.login('clerk'), { method: 'GET', url: '/api/admin/users' })).status, 403);
  assert.equal((await t.call(null, { method: 'GET', url: '/api/admin/users' })).status, 401);
});
