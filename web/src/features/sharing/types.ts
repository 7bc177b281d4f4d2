// Shapes of the 免提交 (shared government data) API answers: see .scratch/licences-contract.md "Sharing" and docs/API.md.
import type { SharedSource } from '../../../../domain/enums.ts';

export type SharedRecordKind = 'licence' | 'shared_record';

export interface SharedRecord {
  kind: SharedRecordKind;
  ref: string;
  title: string;
  provider: string;
  issuedAt: string | null;
  fields: { label: string; value: string }[];
}

/** GET /api/shared-data/:source */
export interface SharedDataAnswer {
  source: SharedSource;
  sourceLabel: string;
  records: SharedRecord[];
}

/** What the apply form keeps for a material taken from shared data, and sends as `sharedMaterials`. */
export interface SharedChoice {
  name: string;
  source: SharedSource;
  kind: SharedRecordKind;
  ref: string;
  purpose: string;
  title: string;
  provider: string;
}

/** One entry of an application's `sharedMaterials`. */
export interface SharedMaterial {
  name: string;
  source: SharedSource;
  sourceLabel: string;
  kind: SharedRecordKind;
  ref: string;
  title: string;
  provider: string;
  fields: { label: string; value: string }[];
  purpose: string;
  consentedAt: string;
}

/** The licence a completed case issued (application detail `licence`). */
export interface CaseLicence {
  id: string;
  number: string;
  typeName: string;
  status: string;
  statusLabel: string;
}

/** The parts of an application detail this feature adds; older servers leave them out. */
export interface SharingOnCase {
  sharedMaterials?: SharedMaterial[];
  licence?: CaseLicence | null;
}

export type DataUseAction = 'fetch' | 'view';
export const DataUseActionLabel: Record<DataUseAction, string> = { fetch: '调取', view: '查看' };

export interface DataUseEntry {
  at: string;
  action: DataUseAction;
  actorName: string;
  actorOrg: string | null;
  purpose: string;
  source: string;
  sourceLabel: string;
  recordTitle: string;
  caseNo: string | null;
}

export interface DataUsePage {
  items: DataUseEntry[];
  total: number;
}

export interface SharingSummary {
  total: number;
  mine: number | null;
}

/** The sharedMaterials payload of POST /api/applications and PUT drafts. */
export const toSharedPayload = (choices: SharedChoice[]) =>
  choices.map(({ name, source, kind, ref, purpose }) => ({ name, source, kind, ref, purpose, consent: true as const }));
