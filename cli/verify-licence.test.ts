// The standalone verifier: nothing but the published keys, a QR text or a PDF file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createTestContext, type TestContext } from '../server/test/harness.ts';
import { actOk, apply, detail } from '../server/test/fixtures.ts';

let t: TestContext;
const dir = mkdtempSync(join(tmpdir(), 'tongban-verify-'));
const files = { keys: join(dir, 'keys.json'), pdf: join(dir, 'licence.pdf'), bad: join(dir, 'tampered.pdf') };
let qr = '';
before(async () => {
  t = await createTestContext();
  const c = await apply(t, 'citizen', 'SFQ-GA-014');
  for (const [u, a] of [['clerk', 'accept'], ['reviewer-ga', 'approve'], ['reviewer-ga', 'complete']] as const) await actOk(t, u, c.id, a);
  const id = (await detail(t, 'citizen', c.id)).licence.id;
  const token = await t.login('citizen');
  qr = (await t.call(token, { method: 'GET', url: `/api/licences/${id}` })).json.qr;
  writeFileSync(files.keys, (await t.call(null, { method: 'GET', url: '/api/licences/keys' })).body);
  const pdf = (await t.app.inject({ method: 'GET', url: `/api/licences/${id}/pdf`, headers: { authorization: `Bearer ${token}` } })).rawPayload;
  writeFileSync(files.pdf, pdf);
  const bad = Buffer.from(pdf);
  bad[200] = bad[200]! ^ 0x20;
  writeFileSync(files.bad, bad);
});
after(async () => { await t.close(); });

const cli = (...args: string[]) => spawnSync(process.execPath, [resolve(import.meta.dirname, 'bin.js'), 'verify-licence', ...args, '--keys', files.keys, '--json'], { encoding: 'utf8', timeout: 60_000 });

test('npx tongban verify-licence accepts a genuine QR and PDF with only the published keys (exit 0)', () => {
  for (const target of [qr, files.pdf]) {
    const r = cli(target);
    assert.equal(r.status, 0, r.stderr + r.stdout);
    const out = JSON.parse(r.stdout.trim().split('\n').at(-1)!);
    assert.equal(out.genuine, true);
    assert.equal(out.licence.type, '无犯罪记录证明');
  }
});

test('npx tongban verify-licence rejects a PDF with one changed byte and a QR with a changed character (exit 1)', () => {
  assert.equal(cli(files.bad).status, 1);
  const i = qr.indexOf('#') + 30;
  assert.equal(cli(qr.slice(0, i) + (qr[i] === 'x' ? 'y' : 'x') + qr.slice(i + 1)).status, 1);
});
