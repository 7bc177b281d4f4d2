// npm run bench:requests [-- --data FILE --folds 5 --shuffle 0 --examples true --dev true --confusion]
//
// Request classification quality by k-fold cross-validation over the data file (default: the public dev
// requests, data/requests/dev-requests.json, which also trains the shipped model): each fold is classified
// by a model trained on the other folds plus the project's own written examples (data/requests/examples/),
// never on the fold itself. With another file (held-out requests) the dev requests join every training
// fold too, as they do in the shipped model (--dev false leaves them out). The type head's priors are
// fitted to the real requests of each training fold only (classifier.ts, priors.ts).
// Baseline: multinomial naive Bayes on jieba words trained on the same dev folds (no examples), same run.
// Latency: every text classified once more by a model trained on everything; p99 in ms.
// Reliability: per head, the share of out-of-fold answers with confidence ≥ 0.9 and how many of those are
// right, the expected calibration error (10 bins) and the temperature that would minimise the log loss.
// Progress on stderr; the last line of stdout is the JSON result.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { HEAD_OPTIONS, RequestClassifier, trainClassifier, type Classification, type LabelledRequest } from '../server/modules/requests/classifier/classifier.ts';
import { trainNaiveBayes, type TrainOptions } from '../server/modules/requests/classifier/softmax.ts';
import { lexiconFromDefinition, lexiconsFromFile } from '../server/modules/requests/classifier/features.ts';
import { shippedExamples } from '../server/modules/requests/classifier/training.ts';
import { existsSync } from 'node:fs';
import { normalizeText } from '../server/modules/search/engine/normalize.ts';
import { parseArgs } from './lib/args.ts';
import { machineNote, printResult, progress, round } from './lib/report.ts';
import { summarize } from './lib/stats.ts';

const ROOT = join(import.meta.dirname, '..');
const args = parseArgs({
  data: { default: join(ROOT, 'data/requests/dev-requests.json'), help: 'labelled requests: [{id, text, type, category, departmentId}]' },
  folds: { default: 5, help: 'cross-validation folds' },
  shuffle: { default: 0, help: 'which of four fixed assignments of requests to folds (0–3)' },
  examples: { default: true, help: 'add data/requests/examples/*.json to every training fold' },
  dev: { default: true, help: 'when --data is another file: add the dev requests to every training fold' },
  epochs: { default: 30, help: 'training epochs' },
  lexicon: { default: true, help: 'use data/requests/lexicon.json' },
  rate: { default: 0, help: 'AdaGrad learning rate (0: the trainer default)' },
  l2: { default: -1, help: 'L2 penalty (-1: the trainer default)' },
  nb: { default: -1, help: 'naive Bayes share blended into the type head (-1: HEAD_OPTIONS)' },
  confusion: { default: false, help: 'print the most frequent confusions (class pairs, counts only) to stderr' },
});
const trainOptions: TrainOptions = { epochs: args.epochs, ...(args.rate > 0 ? { rate: args.rate } : {}), ...(args.l2 >= 0 ? { l2: args.l2 } : {}) };
const headOptions = args.nb >= 0 ? { type: { ...HEAD_OPTIONS.type, naiveBayes: args.nb } } : {};
const train = (rows: LabelledRequest[]) => new RequestClassifier(trainClassifier(rows, segmenter, places, lexicons, trainOptions, new Date(), headOptions), segmenter);

const read = <T>(p: string) => JSON.parse(readFileSync(p, 'utf8')) as T;
const data = read<(LabelledRequest & { id: string })[]>(args.data);
// Another file (held-out requests): the shipped model also learns from the public dev requests, so they
// join every training fold as real requests — except any whose text is also in the file.
const devFile = join(ROOT, 'data/requests/dev-requests.json');
const dataTexts = new Set(data.map((r) => r.text));
const dev: LabelledRequest[] = resolve(args.data) === devFile || !args.dev ? [] : read<LabelledRequest[]>(devFile).filter((r) => !dataTexts.has(r.text));
const places = read<{ name: string; streetId: string }[]>(join(ROOT, 'data/requests/places.json'));
const lexiconFile = join(ROOT, 'data/requests/lexicon.json');
const lexicons = [
  ...read<{ name: string; definition: string }[]>(join(ROOT, 'data/requests/categories.json')).map((c) => lexiconFromDefinition(c.name, c.definition)),
  ...(args.lexicon && existsSync(lexiconFile) ? lexiconsFromFile(read(lexiconFile)) : []),
];
const examples: LabelledRequest[] = args.examples ? shippedExamples() : [];
const jieba = Jieba.withDict(dict);
const segmenter = { cut: (s: string) => jieba.cut(s, true) };
progress(`${data.length} labelled requests, ${dev.length} dev requests and ${examples.length} written examples in training, ${args.folds} folds`);

// Deterministic shuffle (one of four, --shuffle), then folds.
const multiplier = [2654435761, 40503, 2246822519, 3266489917][args.shuffle % 4]!;
const order = data.map((_, i) => i).sort((a, b) => ((a * multiplier) % 1000) - ((b * multiplier) % 1000));
const foldOf = new Map(order.map((i, n) => [i, n % args.folds]));

function macroF1(gold: string[], pred: string[]) {
  const labels = [...new Set(gold)];
  const f1 = labels.map((l) => {
    const tp = gold.filter((g, i) => g === l && pred[i] === l).length;
    const fp = pred.filter((p, i) => p === l && gold[i] !== l).length;
    const fn = gold.filter((g, i) => g === l && pred[i] !== l).length;
    return tp ? (2 * tp) / (2 * tp + fp + fn) : 0;
  });
  return f1.reduce((a, b) => a + b, 0) / labels.length;
}

type HeadName = 'type' | 'category' | 'department';
const HEADS: HeadName[] = ['type', 'category', 'department'];
const ours = { type: [] as string[], category: [] as string[], department: [] as string[] };
const confidence = { type: [] as number[], category: [] as number[], department: [] as number[] };
/** Log-probability of the gold label at temperature multipliers 0.5, 0.6, … 4 (for fitting the temperature). */
const MULTIPLIERS = Array.from({ length: 36 }, (_, i) => round(0.5 + i * 0.1, 1));
const logLoss = { type: MULTIPLIERS.map(() => 0), category: MULTIPLIERS.map(() => 0), department: MULTIPLIERS.map(() => 0) };
function addLogLoss(h: HeadName, d: { labels: string[]; probabilities: number[] }, goldLabel: string) {
  const logp = d.probabilities.map((p) => Math.log(Math.max(p, 1e-12)));
  const y = d.labels.indexOf(goldLabel);
  MULTIPLIERS.forEach((t, m) => {
    const s = logp.map((x) => x / t);
    const max = Math.max(...s);
    logLoss[h][m]! -= y < 0 ? Math.log(1e-12) : s[y]! - max - Math.log(s.reduce((a, x) => a + Math.exp(x - max), 0));
  });
}
const base = { type: [] as string[], category: [] as string[], department: [] as string[] };
const gold = { type: [] as string[], category: [] as string[], department: [] as string[] };
const nbWords = (s: string) => jieba.cut(normalizeText(s), true).filter((w) => /[\p{Script=Han}a-z0-9]/u.test(w));

for (let fold = 0; fold < args.folds; fold++) {
  const trainRows = data.filter((_, i) => foldOf.get(i) !== fold);
  const test = data.filter((_, i) => foldOf.get(i) === fold);
  const model = train([...trainRows, ...dev, ...examples]);
  const nb = {
    type: trainNaiveBayes(trainRows.map((r) => ({ features: nbWords(r.text), label: r.type }))),
    category: trainNaiveBayes(trainRows.map((r) => ({ features: nbWords(r.text), label: r.category }))),
    department: trainNaiveBayes(trainRows.map((r) => ({ features: nbWords(r.text), label: r.departmentId }))),
  };
  for (const r of test) {
    const c: Classification = model.classify(r.text);
    const d = model.distributions(r.text);
    for (const h of HEADS) {
      ours[h].push(c[h].label);
      confidence[h].push(c[h].confidence);
      addLogLoss(h, d[h], h === 'department' ? r.departmentId : r[h]);
    }
    const w = nbWords(r.text);
    base.type.push(nb.type(w).label);
    base.category.push(nb.category(w).label);
    base.department.push(nb.department(w).label);
    gold.type.push(r.type);
    gold.category.push(r.category);
    gold.department.push(r.departmentId);
  }
  progress(`fold ${fold + 1}/${args.folds}`);
}

const acc = (pred: string[], g: string[]) => round(pred.filter((p, i) => p === g[i]).length / g.length, 3);
/** Confidence ≥ 0.9: how often, and how often right; expected calibration error over 10 bins. */
function reliability(conf: number[], right: boolean[]) {
  const high = conf.map((c, i) => [c, right[i]] as const).filter(([c]) => c >= 0.9);
  let ece = 0;
  for (let b = 0; b < 10; b++) {
    const bin = conf.map((c, i) => [c, right[i]] as const).filter(([c]) => Math.min(9, Math.floor(c * 10)) === b);
    if (bin.length) ece += (bin.length / conf.length) * Math.abs(bin.reduce((a, [c]) => a + c, 0) / bin.length - bin.filter(([, r]) => r).length / bin.length);
  }
  return { shareAt90: round(high.length / conf.length, 3), accuracyAt90: round(high.filter(([, r]) => r).length / (high.length || 1), 3), ece: round(ece, 3) };
}
/** The temperature multiplier with the lowest out-of-fold log loss (1 = the stored temperature is right). */
const bestMultiplier = (h: HeadName) => MULTIPLIERS[logLoss[h].indexOf(Math.min(...logLoss[h]))]!;

const right = (h: HeadName) => ours[h].map((p, i) => p === gold[h][i]);
if (args.confusion) {
  for (const h of HEADS) {
    const pairs = new Map<string, number>();
    gold[h].forEach((g, i) => g !== ours[h][i] && pairs.set(`${g}→${ours[h][i]}`, (pairs.get(`${g}→${ours[h][i]}`) ?? 0) + 1));
    progress(`${h} confusions: ${[...pairs].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([p, n]) => `${p} ${n}`).join(', ')}`);
  }
}

const trainStart = performance.now();
const fullModel = trainClassifier([...data, ...dev, ...examples], segmenter, places, lexicons, trainOptions, new Date(), headOptions);
const trainMs = performance.now() - trainStart;
const full = new RequestClassifier(fullModel, segmenter);
for (const r of data.slice(0, 20)) full.classify(r.text);
const times: number[] = [];
for (const r of data) {
  const t0 = performance.now();
  full.classify(r.text);
  times.push(performance.now() - t0);
}
const t = summarize(times);
printResult({
  typeAccuracy: acc(ours.type, gold.type),
  categoryAccuracy: acc(ours.category, gold.category),
  departmentAccuracy: acc(ours.department, gold.department),
  macroF1Category: round(macroF1(gold.category, ours.category), 3),
  p50Ms: round(t.p50, 3),
  p99Ms: round(t.p99, 3),
  baseline: {
    typeAccuracy: acc(base.type, gold.type),
    categoryAccuracy: acc(base.category, gold.category),
    departmentAccuracy: acc(base.department, gold.department),
    macroF1Category: round(macroF1(gold.category, base.category), 3),
  },
  reliability: Object.fromEntries(HEADS.map((h) => [h, { ...reliability(confidence[h], right(h)), logLoss: round(logLoss[h][MULTIPLIERS.indexOf(1)]! / data.length, 3), bestTemperatureMultiplier: bestMultiplier(h) }])),
  trainSeconds: round(trainMs / 1000, 2),
  modelKb: round(Buffer.byteLength(JSON.stringify(fullModel)) / 1024, 0),
  requests: data.length, devInTraining: dev.length, examples: examples.length, folds: args.folds, shuffle: args.shuffle % 4,
  machine: machineNote(),
});
process.exit(0);
