// Training data and the classifier the server uses. The shipped data (data/requests/: the public dev
// requests and the examples we wrote) trains a model on first use; `npx tongban train` adds every
// request whose labels an operator confirmed and stores the model in the database, where it wins.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { lexiconFromDefinition, lexiconsFromFile, type Lexicon, type Place, type Segmenter } from './features.ts';
import { RequestClassifier, trainClassifier, type ClassifierModel, type LabelledRequest } from './classifier.ts';

export const REQUESTS_DATA_DIR = join(import.meta.dirname, '../../../../data/requests');

const read = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

/** The files of our own written examples (data/requests/examples/*.json), in a stable order. */
const exampleFiles = (dir = REQUESTS_DATA_DIR): string[] => readdirSync(join(dir, 'examples')).filter((f) => f.endsWith('.json')).sort().map((f) => join(dir, 'examples', f));

/** Our own written examples (never the public dev set), marked as written, in a stable order. */
export function shippedExamples(dir = REQUESTS_DATA_DIR): LabelledRequest[] {
  return exampleFiles(dir).flatMap((f) => read<LabelledRequest[]>(f)).map((r) => ({ ...r, written: true }));
}

export function shippedTrainingData(dir = REQUESTS_DATA_DIR): LabelledRequest[] {
  return [...read<LabelledRequest[]>(join(dir, 'dev-requests.json')), ...shippedExamples(dir)];
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

/** Where the model of the shipped data is cached (see trainModel). */
const MODEL_CACHE_DIR = process.env.TONGBAN_MODEL_CACHE ?? join(import.meta.dirname, '../../../../node_modules/.cache/tongban');

/**
 * A model trained on the shipped data plus `extra` (operator-confirmed requests). Training takes several
 * seconds, so the model of the shipped data alone is kept in a cache file named by a digest of everything
 * it depends on (the data files and the classifier's own code): a second start, and every test, reads it.
 */
export function trainModel(extra: LabelledRequest[] = [], at = new Date()): ClassifierModel {
  const train = () => trainClassifier([...shippedTrainingData(), ...extra], requestSegmenter(), shippedPlaces(), shippedLexicons(), {}, at);
  if (extra.length) return train();
  const file = join(MODEL_CACHE_DIR, `request-classifier-${shippedModelDigest()}.json`);
  try {
    return read<ClassifierModel>(file);
  } catch {
    // not cached yet (or unreadable): train
  }
  const model = train();
  try {
    mkdirSync(MODEL_CACHE_DIR, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(model));
    renameSync(tmp, file);
    // Models of older data or code are not read again.
    for (const f of readdirSync(MODEL_CACHE_DIR)) if (/^request-classifier-[0-9a-f]+\.json$/.test(f) && join(MODEL_CACHE_DIR, f) !== file) rmSync(join(MODEL_CACHE_DIR, f), { force: true });
  } catch {
    // a read-only installation trains on every start instead
  }
  return model;
}

/** SHA-256 over the shipped training data and the classifier's source files. */
function shippedModelDigest(dir = REQUESTS_DATA_DIR): string {
  const hash = createHash('sha256');
  const files = [
    ...['dev-requests.json', 'places.json', 'categories.json', 'lexicon.json'].map((f) => join(dir, f)),
    ...exampleFiles(dir),
    ...readdirSync(import.meta.dirname).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).sort().map((f) => join(import.meta.dirname, f)),
  ];
  for (const f of files) {
    hash.update(f.slice(f.lastIndexOf('/') + 1)).update('\0');
    try {
      hash.update(readFileSync(f));
    } catch {
      hash.update('missing');
    }
  }
  return hash.digest('hex').slice(0, 16);
}

export function classifierFor(model: ClassifierModel): RequestClassifier {
  return new RequestClassifier(model, requestSegmenter());
}
