import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  ApplicationStatus,
  ApplicationAction,
  ApplicationStatusLabel,
  ApplicationActionLabel,
  APPLICATION_TRANSITIONS,
  ACTION_ACTORS,
  allowedActions,
  nextStatus,
} from './workflow.ts';
import { Role } from './enums.ts';

const STATUSES = Object.values(ApplicationStatus) as ApplicationStatus[];
const ACTIONS = Object.values(ApplicationAction) as ApplicationAction[];
const TERMINAL: ApplicationStatus[] = ['completed', 'rejected', 'withdrawn'];

/** The specification, written out independently of the table under test. */
const SPEC: Record<ApplicationStatus, Record<string, ApplicationStatus>> = {
  draft: { submit: 'submitted', withdraw: 'withdrawn' },
  submitted: { accept: 'accepted', reject: 'rejected', request_correction: 'correction_required', withdraw: 'withdrawn' },
  correction_required: { resubmit: 'submitted', withdraw: 'withdrawn' },
  accepted: { approve: 'approved', deny: 'denied', suspend: 'suspended', withdraw: 'withdrawn' },
  suspended: { resume: 'accepted' },
  approved: { complete: 'completed' },
  denied: { complete: 'completed' },
  completed: {},
  rejected: {},
  withdrawn: {},
};

describe('APPLICATION_TRANSITIONS', () => {
  test('the table has exactly one row per status', () => {
    assert.deepEqual(Object.keys(APPLICATION_TRANSITIONS).sort(), [...STATUSES].sort());
  });

  for (const status of STATUSES) {
    test(`${status} allows exactly: ${Object.keys(SPEC[status]).join(', ') || 'nothing'}`, () => {
      assert.deepEqual([...allowedActions(status)].sort(), Object.keys(SPEC[status]).sort());
    });
  }

  test('each allowed action leads to the specified status', () => {
    for (const status of STATUSES) {
      for (const [action, to] of Object.entries(SPEC[status])) {
        assert.equal(nextStatus(status, action as ApplicationAction), to, `${status} --${action}-->`);
      }
    }
  });

  test('every transition lands on a defined status', () => {
    for (const status of STATUSES) {
      for (const [action, to] of Object.entries(APPLICATION_TRANSITIONS[status])) {
        assert.ok(STATUSES.includes(to as ApplicationStatus), `${status} --${action}--> ${String(to)}`);
      }
    }
  });

  test('every key of a row is a defined action', () => {
    for (const status of STATUSES) {
      for (const action of Object.keys(APPLICATION_TRANSITIONS[status])) {
        assert.ok(ACTIONS.includes(action as ApplicationAction), `${status}: ${action}`);
      }
    }
  });

  test('an action not allowed in a status has no next status', () => {
    for (const status of STATUSES) {
      for (const action of ACTIONS) {
        if (action in SPEC[status]) continue;
        assert.equal(nextStatus(status, action), undefined, `${status} --${action}-->`);
      }
    }
  });

  test('terminal statuses (completed, rejected, withdrawn) have no way out', () => {
    for (const status of TERMINAL) {
      assert.deepEqual(allowedActions(status), [], status);
      for (const action of ACTIONS) assert.equal(nextStatus(status, action), undefined, `${status} --${action}-->`);
    }
  });

  test('only the terminal statuses have no way out', () => {
    const deadEnds = STATUSES.filter((s) => allowedActions(s).length === 0).sort();
    assert.deepEqual(deadEnds, [...TERMINAL].sort());
  });

  test('every status is reachable from draft', () => {
    const seen = new Set<ApplicationStatus>(['draft']);
    const queue: ApplicationStatus[] = ['draft'];
    while (queue.length) {
      const s = queue.shift()!;
      for (const a of allowedActions(s)) {
        const t = nextStatus(s, a)!;
        if (!seen.has(t)) {
          seen.add(t);
          queue.push(t);
        }
      }
    }
    assert.deepEqual([...seen].sort(), [...STATUSES].sort());
  });

  test('a terminal status is reachable from every non-terminal status', () => {
    for (const start of STATUSES) {
      const seen = new Set<ApplicationStatus>([start]);
      const queue: ApplicationStatus[] = [start];
      while (queue.length) {
        const s = queue.shift()!;
        for (const a of allowedActions(s)) {
          const t = nextStatus(s, a)!;
          if (!seen.has(t)) {
            seen.add(t);
            queue.push(t);
          }
        }
      }
      assert.ok(TERMINAL.some((t) => seen.has(t)), `${start} can never finish`);
    }
  });

  test('every action is used by at least one transition', () => {
    const used = new Set(STATUSES.flatMap((s) => allowedActions(s)));
    assert.deepEqual([...used].sort(), [...ACTIONS].sort());
  });
});

describe('ACTION_ACTORS', () => {
  test('covers exactly the defined actions', () => {
    assert.deepEqual(Object.keys(ACTION_ACTORS).sort(), [...ACTIONS].sort());
  });

  test('every action has at least one actor', () => {
    for (const action of ACTIONS) {
      const actors = (ACTION_ACTORS as Record<string, readonly string[]>)[action];
      assert.ok(actors && actors.length > 0, `${action} has no actor`);
    }
  });

  test('every actor is the applicant or a defined role', () => {
    const valid = new Set<string>(['applicant', ...Object.values(Role)]);
    for (const [action, actors] of Object.entries(ACTION_ACTORS)) {
      for (const a of actors) assert.ok(valid.has(a), `${action}: unknown actor ${a}`);
    }
  });

  test('applicant actions are applicant-only and decisions are staff-only', () => {
    for (const a of ['submit', 'resubmit', 'withdraw'] as const) assert.deepEqual([...ACTION_ACTORS[a]], ['applicant'], a);
    for (const a of ['accept', 'reject', 'request_correction', 'suspend', 'resume', 'approve', 'deny', 'complete'] as const) {
      assert.ok(!(ACTION_ACTORS[a] as readonly string[]).includes('applicant'), `${a} must not be taken by the applicant`);
    }
  });
});

describe('labels', () => {
  test('every status and every action has a non-empty Chinese label', () => {
    for (const s of STATUSES) assert.ok(ApplicationStatusLabel[s]?.length, s);
    for (const a of ACTIONS) assert.ok(ApplicationActionLabel[a]?.length, a);
  });
});
