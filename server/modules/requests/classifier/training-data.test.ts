// The shipped training data: every written example carries labels the classifier can answer with, and
// none is a near copy of a public dev request (the benchmark cross-validates on those, so a copy would
// score itself).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RequestType } from '../../../../domain/requests.ts';
import { readDemoCatalog } from '../../../seed/catalog.ts';
import { shippedCategories, shippedTrainingData } from './training.ts';

const departments = new Set(readDemoCatalog().departments.map((d) => d.id));
const categories = new Set(shippedCategories().map((c) => c.name));
const data = shippedTrainingData();
const written = data.filter((r) => r.written);
const real = data.filter((r) => !r.written);

test('written examples have valid labels', () => {
  assert.ok(written.length > 2000 && real.length === 300, `${written.length} written, ${real.length} dev`);
  for (const r of data) {
    assert.ok((RequestType as readonly string[]).includes(r.type), `type ${r.type}: ${r.text}`);
    assert.ok(categories.has(r.category), `category ${r.category}: ${r.text}`);
    assert.ok(departments.has(r.departmentId), `department ${r.departmentId}: ${r.text}`);
    assert.ok(r.text.trim().length >= 4, r.text);
  }
});

test('no written example is a near copy of a dev request (character 4-gram Jaccard < 0.3)', () => {
  const grams = (t: string) => {
    const s = t.replace(/[^\p{Script=Han}0-9a-zA-Z]/gu, '');
    return new Set(Array.from({ length: Math.max(0, s.length - 3) }, (_, i) => s.slice(i, i + 4)));
  };
  const dev = real.map((r) => grams(r.text));
  const close: string[] = [];
  for (const r of written) {
    const g = grams(r.text);
    for (const d of dev) {
      let both = 0;
      for (const x of g) if (d.has(x)) both++;
      if (both / (g.size + d.size - both || 1) >= 0.3) close.push(r.text);
    }
  }
  assert.deepEqual(close, []);
  assert.equal(new Set(written.map((r) => r.text)).size, written.length, 'no example twice');
});
