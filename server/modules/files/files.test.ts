import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createTestContext, multipart, SAMPLE, type TestContext } from '../../test/harness.ts';
import { apply, GA_ITEM, isChinese, upload } from '../../test/fixtures.ts';

let t: TestContext;
before(async () => { t = await createTestContext(); });
after(async () => { await t.close(); });

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const download = async (username: string | null, fileId: string) =>
  t.app.inject({ method: 'GET', url: `/api/files/${fileId}`, headers: username ? { authorization: `Bearer ${await t.login(username)}` } : {} });

for (const [kind, content, mime, name] of [
  ['PDF', SAMPLE.pdf, 'application/pdf', '身份证复印件.pdf'],
  ['PNG', SAMPLE.png, 'image/png', 'photo.png'],
  ['JPEG', SAMPLE.jpeg, 'image/jpeg', 'scan.jpg'],
] as const) {
  test(`a ${kind} upload is stored and answered with its SHA-256 and size`, async () => {
    const r = await t.call(await t.login('citizen'), { method: 'POST', url: '/api/files', ...multipart('file', name, content) });
    assert.equal(r.status, 201, r.body);
    assert.equal(r.json.sha256, sha256(content));
    assert.equal(r.json.size, content.length);
    assert.equal(r.json.mime, mime);
    assert.equal(r.json.name, name);
    assert.match(r.json.fileId, /^[0-9a-f-]{36}$/);
  });
}

test('a text file renamed to .pdf is refused with 415 and a Chinese message', async () => {
  const r = await t.call(await t.login('citizen'), { method: 'POST', url: '/api/files', ...multipart('file', 'fake.pdf', Buffer.from('just some text, not a PDF at all\n'), 'application/pdf') });
  assert.equal(r.status, 415);
  assert.equal(r.json.code, 'UNSUPPORTED_FILE_TYPE');
  assert.ok(isChinese(r.json.message));
});

test('an empty file is refused with 400', async () => {
  const r = await t.call(await t.login('citizen'), { method: 'POST', url: '/api/files', ...multipart('file', 'empty.pdf', Buffer.alloc(0)) });
  assert.equal(r.status, 400);
  assert.equal(r.json.fields[0].field, 'file');
  assert.ok(isChinese(r.json.message));
});

test('an upload that is not multipart is refused with 400', async () => {
  const r = await t.call(await t.login('citizen'), { method: 'POST', url: '/api/files', payload: { file: 'x' } });
  assert.equal(r.status, 400);
  assert.ok(isChinese(r.json.message));
});

test('a file over the size limit is refused with 413', async () => {
  const small = await createTestContext({ config: { maxUploadBytes: 1024 } });
  try {
    const big = Buffer.concat([SAMPLE.pdf, Buffer.alloc(2048, 0x20)]);
    const r = await small.call(await small.login('citizen'), { method: 'POST', url: '/api/files', ...multipart('file', 'big.pdf', big) });
    assert.equal(r.status, 413);
    assert.equal(r.json.code, 'FILE_TOO_LARGE');
    assert.match(r.json.message, /1 KB/, 'the message names the real limit');
    const ok = await small.call(await small.login('citizen'), { method: 'POST', url: '/api/files', ...multipart('file', 'small.pdf', SAMPLE.pdf) });
    assert.equal(ok.status, 201, 'a file under the limit still goes through');
  } finally {
    await small.close();
  }
});

test('an anonymous upload is refused with 401', async () => {
  const r = await t.call(null, { method: 'POST', url: '/api/files', ...multipart('file', 'a.pdf', SAMPLE.pdf) });
  assert.equal(r.status, 401);
});

test('the owner downloads the same bytes with the right type', async () => {
  const f = await upload(t, await t.login('citizen'), SAMPLE.png, 'photo.png');
  const r = await download('citizen', f.fileId);
  assert.equal(r.statusCode, 200);
  assert.equal(r.headers['content-type'], 'image/png');
  assert.equal(r.headers['x-content-type-options'], 'nosniff');
  assert.ok(r.rawPayload.equals(SAMPLE.png));
});

test("another citizen cannot download someone's file (404), nor can an anonymous caller (401)", async () => {
  const f = await upload(t, await t.login('citizen'));
  assert.equal((await download('citizen2', f.fileId)).statusCode, 404);
  assert.equal((await download(null, f.fileId)).statusCode, 401);
  assert.equal((await download('citizen', '00000000-0000-4000-8000-000000000000')).statusCode, 404);
});

test('the clerk can download a file only once it is attached to a submitted case', async () => {
  const f = await upload(t, await t.login('citizen'), SAMPLE.pdf, '户口迁移申请表.pdf');
  assert.equal((await download('clerk', f.fileId)).statusCode, 404, 'a loose upload is private');
  await apply(t, 'citizen', GA_ITEM, { materials: [{ name: '户口迁移申请表', fileId: f.fileId }] });
  const r = await download('clerk', f.fileId);
  assert.equal(r.statusCode, 200);
  assert.ok(r.rawPayload.equals(SAMPLE.pdf));
  assert.equal((await download('reviewer-ga', f.fileId)).statusCode, 200, 'the department handling the case');
  assert.equal((await download('reviewer-rsj', f.fileId)).statusCode, 404, 'another department');
  assert.equal((await download('citizen2', f.fileId)).statusCode, 404);
});
