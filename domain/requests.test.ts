import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  afterCallback, allowedRequestActions, DEFAULT_TIME_LIMITS, isUrgent, MAX_REOPENS, nextRequestStatus, REQUEST_ACTION_ACTORS,
  REQUEST_TRANSITIONS, RequestAction, RequestStatus, requestDueAt,
} from './requests.ts';

test('every status lists its actions, every target is a status, every action has actors', () => {
  const statuses = Object.values(RequestStatus);
  for (const s of statuses) {
    for (const [action, to] of Object.entries(REQUEST_TRANSITIONS[s])) {
      assert.ok(statuses.includes(to as RequestStatus), `${s} --${action}--> ${to}`);
      assert.ok(Object.values(RequestAction).includes(action as RequestAction));
    }
  }
  for (const a of Object.values(RequestAction)) assert.ok(REQUEST_ACTION_ACTORS[a].length > 0, a);
  // Every action is possible somewhere.
  for (const a of Object.values(RequestAction)) assert.ok(statuses.some((s) => allowedRequestActions(s).includes(a)), a);
});

test('the closed loop: received → dispatched → processing → replied → answered → closed', () => {
  let s: RequestStatus = 'received';
  for (const a of ['dispatch', 'sign', 'reply', 'approve_reply', 'callback'] as const) {
    const next = nextRequestStatus(s, a);
    assert.ok(next, `${a} from ${s}`);
    s = next;
  }
  assert.equal(s, 'closed');
  assert.equal(nextRequestStatus('received', 'reply'), undefined);
  assert.equal(nextRequestStatus('closed', 'dispatch'), undefined);
  assert.equal(nextRequestStatus('dispatched', 'return'), 'returned');
  assert.equal(nextRequestStatus('received', 'close'), 'closed', '直接办结');
});

test('a callback closes, or redoes the request; after two redone rounds it is escalated', () => {
  assert.deepEqual(afterCallback('satisfied', 0), { status: 'closed', reopen: false, escalate: false });
  assert.deepEqual(afterCallback('basically_satisfied', 2), { status: 'closed', reopen: false, escalate: false });
  assert.deepEqual(afterCallback('unsatisfied', 0), { status: 'processing', reopen: true, escalate: false });
  assert.deepEqual(afterCallback('unsatisfied', MAX_REOPENS), { status: 'processing', reopen: true, escalate: true });
});

test('due dates: urgent in hours, the others in working days', () => {
  const at = new Date('2026-11-23T02:00:00Z');
  const plusDays = (from: Date, days: number) => new Date(from.getTime() + days * 86_400_000);
  assert.equal(requestDueAt('投诉', true, at, DEFAULT_TIME_LIMITS, plusDays).toISOString(), '2026-11-23T04:00:00.000Z');
  assert.equal(requestDueAt('咨询', false, at, DEFAULT_TIME_LIMITS, plusDays).toISOString(), '2026-11-24T02:00:00.000Z');
  assert.equal(requestDueAt('建议', false, at, DEFAULT_TIME_LIMITS, plusDays).toISOString(), '2026-12-03T02:00:00.000Z');
});

test('urgent cues', () => {
  assert.ok(isUrgent('楼道里闻到很浓的燃气味，怀疑燃气泄漏'));
  assert.ok(isUrgent('邻居说不想活了'));
  assert.ok(!isUrgent('路灯不亮'));
});
