// npm run bench:requests [-- --data FILE --folds 5 --examples true]
//
// Request classification quality by k-fold cross-validation over the data file (default: the public dev
// requests, data/requests/dev-requests.json, which also trains the shipped model): each fold is classified by a model trained on the other folds
// plus the project's own written examples (data/requests/examples/), never on the fold itself.
// Baseline: multinomial naive Bayes on jieba words trained on the same dev folds (no examples), same run.
// Latency: every text classified once more by a model trained on everything; p99 in ms.
// Progress on stderr; the last line of stdout is the JSON result.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { RequestClassifier, trainClassifier, type LabelledRequest } from '../server/modules/requests/classifier/classifier.ts';
import { trainNaiveBayes } from '../server/modules/requests/classifier/softmax.ts';
import { lexiconFromDefinition, lexiconsFromFile } from '../server/modules/requests/classifier/features.ts';
import { existsSync } from 'node:fs';
import { normalizeText } from '../server/modules/search/engine/normalize.ts';
import { parseArgs } from './lib/args.ts';
import { machineNote, printResult, progress, round } from './lib/report.ts';
import { summarize } from './lib/stats.ts';

const ROOT = join(import.meta.dirname, '..');
const args = parseArgs({
  data: { default: join(ROOT, 'data/requests/dev-requests.json'), help: 'labelled requests: [{id, text, type, category, departmentId}]' },
  folds: { default: 5, help: 'cross-validation folds' },
  examples: { default: true, help: 'add data/requests/examples/*.json to every training fold' },
  epochs: { default: 30, help: 'training epochs' },
  lexicon: { default: true, help: 'use data/requests/lexicon.json' },
});

const read = <T>(p: string) => JSON.parse(readFileSync(p, 'utf8')) as T;
const data = read<(LabelledRequest & { id: string })[]>(args.data);
const places = read<{ name: string; streetId: string }[]>(join(ROOT, 'data/requests/places.json'));
const lexiconFile = join(ROOT, 'data/requests/lexicon.json');
const lexicons = [
  ...read<{ name: string; definition: string }[]>(join(ROOT, 'data/requests/categories.json')).map((c) => lexiconFromDefinition(c.name, c.definition)),
  ...(args.lexicon && existsSync(lexiconFile) ? lexiconsFromFile(read(lexiconFile)) : []),
];
const exampleDir = join(ROOT, 'data/requests/examples');
const examples: LabelledRequest[] = args.examples ? readdirSync(exampleDir).filter((f) => f.endsWith('.json')).sort().flatMap((f) => read<LabelledRequest[]>(join(exampleDir, f))) : [];
const jieba = Jieba.withDict(dict);
const segmenter = { cut: (s: string) => jieba.cut(s, true) };
progress(`${data.length} labelled requests, ${examples.length} written examples, ${args.folds} folds`);

// Deterministic shuffle, then folds.
const order = data.map((_, i) => i).sort((a, b) => ((a * 2654435761) % 1000) - ((b * 2654435761) % 1000));
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

const ours = { type: [] as string[], category: [] as string[], department: [] as string[] };
const base = { type: [] as string[], category: [] as string[], department: [] as string[] };
const gold = { type: [] as string[], category: [] as string[], department: [] as string[] };
const nbWords = (s: string) => jieba.cut(normalizeText(s), true).filter((w) => /[\p{Script=Han}a-z0-9]/u.test(w));

for (let fold = 0; fold < args.folds; fold++) {
  const train = data.filter((_, i) => foldOf.get(i) !== fold);
  const test = data.filter((_, i) => foldOf.get(i) === fold);
  const model = new RequestClassifier(trainClassifier([...train, ...examples], segmenter, places, lexicons, { epochs: args.epochs }), segmenter);
  const nb = {
    type: trainNaiveBayes(train.map((r) => ({ features: nbWords(r.text), label: r.type }))),
    category: trainNaiveBayes(train.map((r) => ({ features: nbWords(r.text), label: r.category }))),
    department: trainNaiveBayes(train.map((r) => ({ features: nbWords(r.text), label: r.departmentId }))),
  };
  for (const r of test) {
    const c = model.classify(r.text);
    ours.type.push(c.type.label);
    ours.category.push(c.category.label);
    ours.department.push(c.department.label);
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
const full = new RequestClassifier(trainClassifier([...data, ...examples], segmenter, places, lexicons, { epochs: args.epochs }), segmenter);
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
  requests: data.length, examples: examples.length, folds: args.folds,
  machine: machineNote(),
});
process.exit(0);
