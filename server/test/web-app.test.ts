import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestContext, type TestContext } from './harness.ts';

let t: TestContext;
let webDir: string;
before(async () => {
  webDir = mkdtempSync(join(tmpdir(), 'tongban-web-'));
  mkdirSync(join(webDir, 'assets'));
  writeFileSync(join(webDir, 'index.html'), '<!doctype html><html lang="zh-CN"><title>通办</title><div id="root"></div></html>');
  writeFileSync(join(webDir, 'assets', 'app.js'), 'console.log(1)');
  t = await createTestContext({ config: { webDir } });
});
after(async () => {
  await t.close();
  rmSync(webDir, { recursive: true, force: true });
});

test('the built web app is served at / and for client-side routes', async () => {
  for (const url of ['/', '/items/SFQ-GA-004', '/workbench/cases/abc']) {
    const r = await t.call(null, { method: 'GET', url });
    assert.equal(r.status, 200, url);
    assert.match(r.body, /<div id="root">/);
  }
  const js = await t.call(null, { method: 'GET', url: '/assets/app.js' });
  assert.equal(js.status, 200);
  assert.match(String(js.headers['content-type']), /javascript/);
});

test('an unknown API path is a JSON 404 in Chinese, not the web app', async () => {
  const r = await t.call(null, { method: 'GET', url: '/api/no-such-thing' });
  assert.equal(r.status, 404);
  assert.equal(r.json.code, 'ROUTE_NOT_FOUND');
  assert.match(r.json.message, /接口不存在/);
});
