// The classifier model a deployment trained on its own confirmed requests (`npx tongban train`), kept
// in request_settings so every server instance uses it; without one, the shipped data trains a model.
import type { Db, Executor } from '../../../platform/db/index.ts';
import type { ClassifierModel, LabelledRequest } from './classifier.ts';
import { trainModel } from './training.ts';

const KEY = 'classifier.model';
/** A request an operator confirmed counts as much as two written examples. */
const CONFIRMED_WEIGHT = 2;

export async function confirmedRequests(db: Executor): Promise<LabelledRequest[]> {
  const rows = await db.selectFrom('requests').select(['text', 'type', 'category', 'departmentId']).where('labelsConfirmed', '=', true).execute();
  return rows.map((r) => ({ ...r, weight: CONFIRMED_WEIGHT }));
}

/** Trains on the shipped data plus every confirmed request and stores the model; returns what it learnt from. */
export async function trainAndStore(db: Db, at: Date, by: string): Promise<{ samples: number; confirmed: number }> {
  const confirmed = await confirmedRequests(db);
  const model = trainModel(confirmed, at);
  await db.insertInto('requestSettings').values({ key: KEY, value: JSON.stringify(model), updatedBy: by, updatedAt: at })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(model), updatedBy: by, updatedAt: at })).execute();
  return { samples: model.samples, confirmed: confirmed.length };
}

export async function storedModel(db: Executor): Promise<{ model: ClassifierModel; updatedAt: Date } | null> {
  const row = await db.selectFrom('requestSettings').select(['value', 'updatedAt']).where('key', '=', KEY).executeTakeFirst();
  return row ? { model: row.value as ClassifierModel, updatedAt: new Date(row.updatedAt) } : null;
}

export async function storedModelVersion(db: Executor): Promise<number> {
  const row = await db.selectFrom('requestSettings').select('updatedAt').where('key', '=', KEY).executeTakeFirst();
  return row ? new Date(row.updatedAt).getTime() : 0;
}
