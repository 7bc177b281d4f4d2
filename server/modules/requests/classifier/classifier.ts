// The 12345 request classifier: three softmax heads over the same features — type (咨询 求助 投诉 举报
// 建议 表扬), category (the 15 of categories.json) and handling department. The department head also
// sees the category head's answer, because who handles a request follows mostly from what it is about.
// The type head's label priors are then fitted to the real requests among the training data (priors.ts).
import { makeFeaturizer, type Lexicon, type Place, type Segmenter } from './features.ts';
import { fitPriorOffsets, foldsOf } from './priors.ts';
import { rankPrediction, softmaxProbabilities, trainSoftmax, type Prediction, type SoftmaxModel, type TrainOptions } from './softmax.ts';

export interface LabelledRequest {
  text: string;
  type: string;
  category: string;
  departmentId: string;
  /** Training weight: confirmed real requests may count more than written examples. */
  weight?: number;
  /** Written for training rather than received: left out when the priors are fitted to real requests. */
  written?: boolean;
}

/**
 * The version of the features a model's weights refer to. Raise it whenever features.ts or the training
 * options change what a weight means: a stored model of another version is then retrained, not trusted.
 * 2: speech-act cue groups, naive Bayes in the type head, compact weights (2026-11).
 */
export const FEATURES_VERSION = 2;

export interface ClassifierModel {
  version: 1;
  /** FEATURES_VERSION at training; absent in models stored before it existed (= 1). */
  featuresVersion?: number;
  trainedAt: string;
  samples: number;
  places: Place[];
  lexicons: Lexicon[];
  type: SoftmaxModel;
  category: SoftmaxModel;
  department: SoftmaxModel;
}

export interface Classification {
  type: Prediction;
  category: Prediction;
  department: Prediction;
}

const categoryFeature = (category: string) => `cat:${category}`;

export type Head = 'type' | 'category' | 'department';

/**
 * Training options per head, chosen by 5-fold cross-validation on the dev requests (docs/BENCHMARKS.md):
 * the type head blends in naive Bayes. No head needs a temperature: out of fold, answers with confidence
 * ≥ 0.9 are 95–97 % right and the log loss is lowest at temperature 1 (`npm run bench:requests` reports it).
 */
export const HEAD_OPTIONS: Record<Head, TrainOptions> = {
  type: { naiveBayes: 0.3 },
  category: {},
  department: {},
};

/** Real requests needed before the type priors are fitted to them, and the folds for out-of-fold answers. */
const PRIOR_MIN_REAL = 60;
const PRIOR_FOLDS = 4;

type Row = { r: LabelledRequest; f: string[] };

export function trainClassifier(data: LabelledRequest[], segmenter: Segmenter, places: Place[], lexicons: Lexicon[], opts: TrainOptions = {}, at = new Date(), heads: Partial<Record<Head, TrainOptions>> = {}): ClassifierModel {
  const featurize = makeFeaturizer(segmenter, places, lexicons);
  const rows: Row[] = data.map((r) => ({ r, f: featurize(r.text) }));
  const options = (head: Head) => ({ ...HEAD_OPTIONS[head], ...opts, ...heads[head] });
  const trainType = (rs: Row[]) => trainSoftmax(rs.map(({ r, f }) => ({ features: f, label: r.type, weight: r.weight })), options('type'));
  const type = trainType(rows);
  fitTypePriors(type, rows, trainType);
  const category = trainSoftmax(rows.map(({ r, f }) => ({ features: f, label: r.category, weight: r.weight })), options('category'));
  const department = trainSoftmax(rows.map(({ r, f }) => ({ features: [...f, categoryFeature(r.category)], label: r.departmentId, weight: r.weight })), options('department'));
  return { version: 1, featuresVersion: FEATURES_VERSION, trainedAt: at.toISOString(), samples: data.length, places, lexicons, type, category, department };
}

/**
 * When the data holds enough real (not written) requests, fits the type head's label priors to them
 * (priors.ts): the head is trained PRIOR_FOLDS more times, each time without a share of the real
 * requests, and the offsets that best fit its answers on the left-out ones are added to its bias.
 * Only the type head: measured (docs/BENCHMARKS.md), the category head gains nothing from it and the
 * department head loses.
 */
function fitTypePriors(type: SoftmaxModel, rows: Row[], train: (rows: Row[]) => SoftmaxModel): void {
  const real = rows.filter(({ r }) => !r.written);
  const written = rows.filter(({ r }) => r.written);
  if (real.length < PRIOR_MIN_REAL || !written.length) return;
  const answers: { probabilities: number[]; gold: string }[] = [];
  for (const fold of foldsOf(real.length, PRIOR_FOLDS)) {
    const out = new Set(fold);
    const partial = train([...real.filter((_, i) => !out.has(i)), ...written]);
    for (const i of fold) {
      const p = softmaxProbabilities(partial, real[i]!.f);
      answers.push({ probabilities: type.labels.map((l) => p[partial.labels.indexOf(l)] ?? 0), gold: real[i]!.r.type });
    }
  }
  const offsets = fitPriorOffsets(type.labels, answers);
  const t = type.temperature ?? 1;
  type.bias = type.bias.map((b, c) => Math.round((b + offsets[c]! * t) * 100) / 100);
}

export class RequestClassifier {
  private readonly featurize: (text: string) => string[];

  constructor(
    readonly model: ClassifierModel,
    segmenter: Segmenter,
  ) {
    this.featurize = makeFeaturizer(segmenter, model.places, model.lexicons);
  }

  classify(text: string): Classification {
    const d = this.distributions(text);
    return { type: rankPrediction(d.type), category: rankPrediction(d.category), department: rankPrediction(d.department) };
  }

  /** Every label's probability per head (the department head given the most likely category). */
  distributions(text: string): Record<Head, { labels: string[]; probabilities: number[] }> {
    const f = this.featurize(text);
    const head = (m: SoftmaxModel, features: string[]) => ({ labels: m.labels, probabilities: softmaxProbabilities(m, features) });
    const category = head(this.model.category, f);
    const best = category.labels[category.probabilities.indexOf(Math.max(...category.probabilities))]!;
    return { type: head(this.model.type, f), category, department: head(this.model.department, [...f, categoryFeature(best)]) };
  }
}
