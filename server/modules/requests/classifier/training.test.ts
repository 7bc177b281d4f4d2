// The model of the shipped data is trained once and then read from a cache file named by a digest of
// what it depends on (older ones are removed); a model with operator-confirmed requests is never cached.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

test('trainModel caches the shipped model and reads it back', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tongban-model-'));
  process.env.TONGBAN_MODEL_CACHE = dir;
  try {
    const { trainModel } = await import('./training.ts');
    writeFileSync(join(dir, 'request-classifier-0123456789abcdef.json'), '{}'); // a model of older data or code
    const first = trainModel([], new Date('2026-01-05T00:00:00Z'));
    const files = readdirSync(dir);
    assert.equal(files.length, 1, 'the older model is removed');
    assert.match(files[0]!, /^request-classifier-[0-9a-f]{16}\.json$/);
    // Mark the cached copy: the next call must return it rather than train again.
    const cached = JSON.parse(readFileSync(join(dir, files[0]!), 'utf8'));
    writeFileSync(join(dir, files[0]!), JSON.stringify({ ...cached, trainedAt: 'from-cache' }));
    assert.equal(trainModel([], new Date()).trainedAt, 'from-cache');
    assert.equal(first.samples, cached.samples);
    // With confirmed requests the model is trained afresh and not cached.
    const extra = trainModel([{ text: '请问居住证怎么办理', type: '咨询', category: '公共安全', departmentId: 'ga', weight: 2 }], new Date('2026-01-06T00:00:00Z'));
    assert.equal(extra.samples, first.samples + 1);
    assert.equal(readdirSync(dir).length, 1);
  } finally {
    delete process.env.TONGBAN_MODEL_CACHE;
    rmSync(dir, { recursive: true, force: true });
  }
});
