// The 12345 request classifier: three softmax heads over the same features — type (咨询 求助 投诉 举报
// 建议 表扬), category (the 15 of categories.json) and handling department. The department head also
// sees the category head's answer, because who handles a request follows mostly from what it is about.
import { makeFeaturizer, type Lexicon, type Place, type Segmenter } from './features.ts';
import { predictSoftmax, trainSoftmax, type Prediction, type SoftmaxModel, type TrainOptions } from './softmax.ts';

export interface LabelledRequest {
  text: string;
  type: string;
  category: string;
  departmentId: string;
  /** Training weight: confirmed real requests may count more than written examples. */
  weight?: number;
}

export interface ClassifierModel {
  version: 1;
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

export function trainClassifier(data: LabelledRequest[], segmenter: Segmenter, places: Place[], lexicons: Lexicon[], opts: TrainOptions = {}, at = new Date()): ClassifierModel {
  const featurize = makeFeaturizer(segmenter, places, lexicons);
  const rows = data.map((r) => ({ r, f: featurize(r.text) }));
  const type = trainSoftmax(rows.map(({ r, f }) => ({ features: f, label: r.type, weight: r.weight })), opts);
  const category = trainSoftmax(rows.map(({ r, f }) => ({ features: f, label: r.category, weight: r.weight })), opts);
  const department = trainSoftmax(rows.map(({ r, f }) => ({ features: [...f, categoryFeature(r.category)], label: r.departmentId, weight: r.weight })), opts);
  return { version: 1, trainedAt: at.toISOString(), samples: data.length, places, lexicons, type, category, department };
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
    const f = this.featurize(text);
    const type = predictSoftmax(this.model.type, f);
    const category = predictSoftmax(this.model.category, f);
    const department = predictSoftmax(this.model.department, [...f, categoryFeature(category.label)]);
    return { type, category, department };
  }
}
