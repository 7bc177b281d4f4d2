// Training data and the classifier the server uses. The shipped data (data/requests/: the public dev
// requests and the examples we wrote) trains a model on first use; `npx tongban train` adds every
// request whose labels an operator confirmed and stores the model in the database, where it wins.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { lexiconFromDefinition, lexiconsFromFile, type Lexicon, type Place, type Segmenter } from './features.ts';
import { RequestClassifier, trainClassifier, type ClassifierModel, type LabelledRequest } from './classifier.ts';

export const REQUESTS_DATA_DIR = join(import.meta.dirname, '../../../../data/requests');

const read = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

export function shippedTrainingData(dir = REQUESTS_DATA_DIR): LabelledRequest[] {
  const examples = readdirSync(join(dir, 'examples')).filter((f) => f.endsWith('.json')).sort().flatMap((f) => read<LabelledRequest[]>(join(dir, 'examples', f)));
  return [...read<LabelledRequest[]>(join(dir, 'dev-requests.json')), ...examples];
}

export function shippedPlaces(dir = REQUESTS_DATA_DIR): Place[] {
  return read<Place[]>(join(dir, 'places.json'));
}

export function shippedLexicons(dir = REQUESTS_DATA_DIR): Lexicon[] {
  const categories = read<{ name: string; definition: string }[]>(join(dir, 'categories.json'));
  let file: Parameters<typeof lexiconsFromFile>[0] = {};
  try {
    file = read(join(dir, 'lexicon.json'));
  } catch {
    // no domain vocabulary file: the definitions alone
  }
  return [...categories.map((c) => lexiconFromDefinition(c.name, c.definition)), ...lexiconsFromFile(file)];
}

export function shippedCategories(dir = REQUESTS_DATA_DIR): { name: string; definition: string; defaultDepartmentIds: string[] }[] {
  return read(join(dir, 'categories.json'));
}

let segmenter: Segmenter | undefined;
export function requestSegmenter(): Segmenter {
  if (!segmenter) {
    const jieba = Jieba.withDict(dict);
    segmenter = { cut: (s: string) => jieba.cut(s, true) };
  }
  return segmenter;
}

export function trainModel(extra: LabelledRequest[] = [], at = new Date()): ClassifierModel {
  return trainClassifier([...shippedTrainingData(), ...extra], requestSegmenter(), shippedPlaces(), shippedLexicons(), {}, at);
}

export function classifierFor(model: ClassifierModel): RequestClassifier {
  return new RequestClassifier(model, requestSegmenter());
}
