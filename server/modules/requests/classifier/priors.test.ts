// Label priors fitted to real requests: the written examples' mix of types is not the hotline's, and the
// type head's answers move towards the real mix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { fitPriorOffsets } from './priors.ts';
import { RequestClassifier, trainClassifier, type LabelledRequest } from './classifier.ts';

test('fitPriorOffsets: a label the answers under-rate gets a positive offset; offsets are centred', () => {
  const labels = ['投诉', '举报', '咨询'];
  const answers = Array.from({ length: 100 }, (_, i) => ({ probabilities: [0.3, 0.4, 0.3], gold: i < 70 ? '投诉' : i < 85 ? '举报' : '咨询' }));
  const b = fitPriorOffsets(labels, answers);
  assert.ok(b[0]! > b[1]! && b[0]! > b[2]!, `offsets ${b}`);
  assert.ok(Math.abs(b.reduce((a, x) => a + x, 0)) < 1e-9);
  assert.deepEqual(fitPriorOffsets(labels, []), [0, 0, 0]);
});

test('the type head leans towards the mix of real requests when there are enough of them', () => {
  const jieba = Jieba.withDict(dict);
  const segmenter = { cut: (s: string) => jieba.cut(s, true) };
  const places = ['东门', '西街', '南桥', '北巷', '中心'];
  const things = ['路灯', '井盖', '树木', '围墙', '招牌', '台阶', '水管', '栏杆'];
  const text = (i: number) => `${places[i % 5]}的${things[(i * 3) % 8]}有问题，已经${(i % 9) + 1}天了`;
  const row = (i: number, type: string, written: boolean): LabelledRequest => ({ text: text(i), type, category: '城乡建设', departmentId: 'cgj', written });
  // Written: an even split of 投诉 and 举报 over texts that say nothing about which; real: mostly 投诉.
  const written = Array.from({ length: 200 }, (_, i) => row(i, i % 2 ? '举报' : '投诉', true));
  const real = Array.from({ length: 80 }, (_, i) => row(i + 1000, i % 8 === 0 ? '举报' : '投诉', false));
  const complaintShare = (data: LabelledRequest[]) => {
    const c = new RequestClassifier(trainClassifier(data, segmenter, [], [], { epochs: 10 }), segmenter);
    const d = c.distributions(text(7777)).type;
    return d.probabilities[d.labels.indexOf('投诉')]!;
  };
  const withPriors = complaintShare([...real, ...written]);
  // The same rows, all taken as real: no priors are fitted.
  const without = complaintShare([...real, ...written].map((r) => ({ ...r, written: false })));
  assert.ok(withPriors > without + 0.1, `投诉 ${withPriors.toFixed(2)} with priors, ${without.toFixed(2)} without`);
  // Too few real requests to fit anything: the same as without.
  const few = complaintShare([...real.slice(0, 20), ...written]);
  assert.ok(few < withPriors - 0.1, `投诉 ${few.toFixed(2)} with 20 real requests`);
});
