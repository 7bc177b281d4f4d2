import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bucketStart, bucketsBetween, countWords, daysInRange, figures, hotTopicWeeks, rate, risingTerms, topicWords, ZERO_COUNTS } from './request-stats.ts';

test('a rate without a denominator is null, never NaN', () => {
  assert.equal(rate(0, 0), null);
  assert.equal(rate(1, 4), 0.25);
  const f = figures(ZERO_COUNTS);
  assert.deepEqual([f.onTimeRate, f.resolutionRate, f.satisfactionRate], [null, null, null]);
  const g = figures({ ...ZERO_COUNTS, received: 10, closed: 4, closedOnTime: 3, replied: 5, resolved: 2, rated: 4, satisfied: 4 }, 2);
  assert.deepEqual([g.onTimeRate, g.resolutionRate, g.satisfactionRate, g.returns], [0.75, 0.4, 1, 2]);
});

test('buckets: the day, the Monday of the week, the first of the month; every bucket of a range', () => {
  assert.equal(bucketStart('2026-03-15', 'week'), '2026-03-09'); // a Sunday
  assert.equal(bucketStart('2026-03-09', 'week'), '2026-03-09');
  assert.equal(bucketStart('2026-03-15', 'month'), '2026-03-01');
  assert.deepEqual(bucketsBetween('2026-03-30', '2026-04-02', 'day'), ['2026-03-30', '2026-03-31', '2026-04-01', '2026-04-02']);
  assert.deepEqual(bucketsBetween('2026-03-04', '2026-03-16', 'week'), ['2026-03-02', '2026-03-09', '2026-03-16']);
  assert.deepEqual(bucketsBetween('2025-11-20', '2026-02-01', 'month'), ['2025-11-01', '2025-12-01', '2026-01-01', '2026-02-01']);
  assert.equal(daysInRange('2026-03-01', '2026-03-01'), 1);
  assert.equal(daysInRange('2025-03-17', '2026-03-17'), 366);
  assert.deepEqual(hotTopicWeeks('2026-03-16'), { thisWeek: { from: '2026-03-10', to: '2026-03-16' }, lastWeek: { from: '2026-03-03', to: '2026-03-09' } });
});

test('topic words: Han words of two or more characters, no stopwords, nothing of a place name, once per text', () => {
  const places = ['春晖社区', '东城街道'];
  assert.deepEqual([...topicWords(['春晖', '社区', '门口', '烧烤', '烧烤', '油烟', '很', 'KTV', '东城', '12'], places)], ['烧烤', '油烟']);
  assert.deepEqual([...topicWords(['两个', '三次', '十二点', '每个', '今年', '打电话', '三轮车', '半年', '井盖'], places)], ['三轮车', '井盖'], 'quantities and time words are not topics');
  const counts = countWords([['烧烤', '烧烤'], ['烧烤', '油烟'], ['噪音']], places);
  assert.deepEqual([...counts], [['烧烤', 2], ['油烟', 1], ['噪音', 1]]);
});

test('rising terms: more than last week and at least the minimum; the largest increase first; growth null when new', () => {
  const now = new Map([['烧烤', 5], ['油烟', 3], ['噪音', 1], ['井盖', 4], ['停车', 2]]);
  const before = new Map([['烧烤', 1], ['油烟', 3], ['噪音', 0], ['井盖', 2]]);
  assert.deepEqual(risingTerms(now, before, 2), [
    { term: '烧烤', thisWeek: 5, lastWeek: 1, growth: 4 },
    { term: '井盖', thisWeek: 4, lastWeek: 2, growth: 1 },
    { term: '停车', thisWeek: 2, lastWeek: 0, growth: null },
  ]);
  assert.equal(risingTerms(now, before, 2, 1).length, 1);
});
