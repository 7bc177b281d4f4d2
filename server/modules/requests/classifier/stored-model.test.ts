// A model stored by an older release is not trusted: its weights refer to features this code no longer makes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { RequestType } from '../../../../domain/requests.ts';
import { trainModel } from './training.ts';

let t: TestContext;
before(async () => { t = await createTestContext(); });
after(async () => { await t.close(); });

test('a stored model of older features is retrained instead of used', async () => {
  const current = trainModel([], t.clock.now());
  // An "old" model whose type head answers with category names: used as it is, it would give a wrong type.
  const stale = { ...current, featuresVersion: undefined, type: current.category };
  await t.database.db.insertInto('requestSettings').values({ key: 'classifier.model', value: JSON.stringify(stale), updatedBy: 'test', updatedAt: t.clock.now() }).execute();
  const res = await t.call(await t.login('operator'), { method: 'POST', url: '/api/requests/classify', payload: { text: '请问办理居住证需要带哪些材料？' } });
  assert.equal(res.status, 200, res.body);
  assert.ok((RequestType as readonly string[]).includes(res.json.type), `a real type, not a category: ${res.json.type}`);
});
