// The request classifier on made-up data: it learns type, category and department, uses the street a
// named place belongs to, and serialises to JSON without losing its answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { makeFeaturizer } from './features.ts';
import { RequestClassifier, trainClassifier, type LabelledRequest } from './classifier.ts';
import { predictSoftmax, softmaxProbabilities, trainNaiveBayes, trainSoftmax, type SoftmaxModel } from './softmax.ts';

const jieba = Jieba.withDict(dict);
const segmenter = { cut: (s: string) => jieba.cut(s, true) };
const places = [{ name: '甲乙社区', streetId: 'east' }, { name: '丙丁村', streetId: 'south' }];

const DATA: LabelledRequest[] = [
  ...['路灯坏了好几天晚上很黑', '小区门口路灯不亮了', '这条街的路灯一直不亮'].map((text) => ({ text, type: '求助', category: '城乡建设', departmentId: 'cgj' })),
  ...['饭店油烟太大熏得受不了', '楼下餐馆排油烟直冲我家窗户', '烧烤店油烟扰民'].map((text) => ({ text, type: '投诉', category: '环境保护', departmentId: 'cgj' })),
  ...['公司拖欠工资三个月了', '老板不发工资人跑了', '干完活工资一直拖着不给'].map((text) => ({ text, type: '投诉', category: '劳动和社会保障', departmentId: 'rsj' })),
  ...['请问社保怎么转移到外地', '想咨询一下养老保险怎么交', '失业保险金怎么领取'].map((text) => ({ text, type: '咨询', category: '劳动和社会保障', departmentId: 'rsj' })),
  ...['甲乙社区没有物业垃圾没人管', '甲乙社区楼道灯坏了没人修', '甲乙社区老旧小区没人管理'].map((text) => ({ text, type: '求助', category: '住房保障与物业', departmentId: 'east' })),
  ...['丙丁村有人乱倒垃圾', '丙丁村河边堆满垃圾', '丙丁村村道上垃圾没人清'].map((text) => ({ text, type: '投诉', category: '农业农村', departmentId: 'south' })),
];

test('features: words, bigrams, the street of a named place, a question mark', () => {
  const f = makeFeaturizer(segmenter, places)('甲乙社区的路灯坏了吗？');
  assert.ok(f.includes('place:east'));
  assert.ok(f.includes('w:路灯'));
  assert.ok(f.includes('b:路灯'));
  assert.ok(f.includes('q:question'));
  assert.ok(!f.some((x) => x.startsWith('place:south')));
});

test('features: speech-act cues, and again when they are in the last sentence', () => {
  const f = makeFeaturizer(segmenter, places)('楼下有家饭店天天排油烟，熏得我们家没法开窗。請問這歸誰管？');
  assert.ok(f.includes('act:thirdParty') && f.includes('act:harmSelf'));
  assert.ok(f.includes('act:askInfo') && f.includes('last:askInfo'), 'traditional characters are read as simplified');
  assert.ok(!f.includes('last:harmSelf'));
  assert.ok(f.includes('q:endsWithQuestion'));
  const lex = makeFeaturizer(segmenter, places, [{ label: 'c:城乡建设', terms: ['路灯', '井盖'] }])('路灯坏了，井盖也没了');
  assert.equal(lex.filter((x) => x === 'lex:c:城乡建设').length, 1);
});

test('stored weights are compact integers, sparse where that is shorter, and mean the same', () => {
  const samples = DATA.map((r) => ({ features: segmenter.cut(r.text), label: r.departmentId }));
  const model = trainSoftmax(samples, { epochs: 20 });
  assert.equal(model.scale, 100);
  for (const w of Object.values(model.weights)) {
    assert.ok(w.every(Number.isInteger));
    assert.ok(w.length === model.labels.length || (w.length % 2 === 0 && w.length < model.labels.length));
  }
  // A model stored before (one plain weight per label, no scale) still predicts the same.
  const dense: SoftmaxModel = {
    kind: 'softmax', labels: model.labels, bias: model.bias,
    weights: Object.fromEntries(Object.entries(model.weights).map(([f, w]) => {
      const row = new Array(model.labels.length).fill(0);
      if (w.length === model.labels.length) w.forEach((x, c) => (row[c] = x / 100));
      else for (let j = 0; j < w.length; j += 2) row[w[j]!] = w[j + 1]! / 100;
      return [f, row];
    })),
  };
  for (const r of DATA) {
    const a = softmaxProbabilities(model, segmenter.cut(r.text));
    const b = softmaxProbabilities(dense, segmenter.cut(r.text));
    a.forEach((p, i) => assert.ok(Math.abs(p - b[i]!) < 1e-9));
  }
});

test('the naive Bayes blend and the temperature keep the answer and soften the confidence', () => {
  const samples = DATA.map((r) => ({ features: segmenter.cut(r.text), label: r.category }));
  const plain = trainSoftmax(samples, { epochs: 40 });
  const blended = trainSoftmax(samples, { epochs: 40, naiveBayes: 0.5 });
  const warm = trainSoftmax(samples, { epochs: 40, temperature: 2 });
  const text = segmenter.cut('工资被拖欠了');
  assert.equal(predictSoftmax(blended, text).label, '劳动和社会保障');
  assert.equal(predictSoftmax(warm, text).label, predictSoftmax(plain, text).label);
  assert.ok(predictSoftmax(warm, text).confidence < predictSoftmax(plain, text).confidence);
  assert.equal(warm.temperature, 2);
});

test('softmax regression and naive Bayes separate distinct topics', () => {
  const samples = DATA.map((r) => ({ features: segmenter.cut(r.text), label: r.category }));
  const model = trainSoftmax(samples, { epochs: 40 });
  const nb = trainNaiveBayes(samples);
  assert.equal(predictSoftmax(model, segmenter.cut('工资被拖欠了')).label, '劳动和社会保障');
  assert.equal(nb(segmenter.cut('工资被拖欠了')).label, '劳动和社会保障');
  const p = predictSoftmax(model, segmenter.cut('路灯坏了'));
  assert.equal(p.label, '城乡建设');
  assert.ok(p.confidence > 0 && p.confidence <= 1);
  assert.equal(p.alternatives.length, 2);
  assert.ok(p.alternatives.every((a) => a.confidence <= p.confidence));
});

test('the classifier answers all three heads, routes by place, and survives JSON', () => {
  const model = trainClassifier(DATA, segmenter, places, [], { epochs: 40 });
  const c = new RequestClassifier(JSON.parse(JSON.stringify(model)), segmenter);
  const lamp = c.classify('我们这里的路灯晚上不亮');
  assert.equal(lamp.category.label, '城乡建设');
  assert.equal(lamp.department.label, 'cgj');
  assert.equal(c.classify('工资拖了两个月没发').type.label, '投诉');
  assert.equal(c.classify('请问养老保险怎么交？').type.label, '咨询');
  assert.equal(c.classify('丙丁村路边全是垃圾').department.label, 'south');
  assert.equal(model.samples, DATA.length);
  const d = c.distributions('我们这里的路灯晚上不亮');
  assert.equal(d.category.labels.length, d.category.probabilities.length);
  assert.ok(Math.abs(d.type.probabilities.reduce((a, b) => a + b, 0) - 1) < 1e-9);
});
