// Shapes of the licence API answers (see .scratch/licences-contract.md and docs/API.md), and small helpers
// shared by the wallet (卡包), 亮证 and the public verification page.
import { LicenceStatusLabel, type LicenceStatus } from '../../../../domain/licence-types.ts';
import type { Tone } from '../../components/SoftTag.tsx';

export interface LicenceSummary {
  id: string;
  identifier: string;
  number: string;
  typeCode: string;
  typeName: string;
  holderKind: 'person' | 'enterprise';
  holderName: string;
  holderMasked: string;
  departmentId: string;
  issuer: string;
  issuedAt: string;
  expiresAt: string | null;
  status: LicenceStatus;
  statusLabel: string;
  statusReason: string | null;
  expired: boolean;
  version: number;
  replacesId: string | null;
  replacedById: string | null;
}

export interface LicenceField {
  key: string;
  label: string;
  value: string;
  sensitive: boolean;
}

export interface LicenceEvent {
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  reason: string | null;
  actor: string | null;
  at: string;
}

export interface LicenceDetail extends LicenceSummary {
  fields: LicenceField[];
  qr: string;
  digest: string;
  signature: string;
  kid: string;
  seal: { id: string; name: string; svg: string } | null;
  applicationId: string | null;
  caseNo: string | null;
  events: LicenceEvent[];
}

export interface PresentationCreated {
  code: string;
  qr: string;
  expiresAt: string;
  fields: string[];
  singleUse: boolean;
}

export interface PresentationView {
  viewer: string;
  org: string | null;
  at: string;
  fields: string[];
}

export interface PresentationRecord {
  id: string;
  fields: string[];
  singleUse: boolean;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  views: PresentationView[];
}

export type VerifyStatus = 'valid' | 'tampered' | 'revoked' | 'expired' | 'inactive' | 'unknown';

export interface VerifyResult {
  genuine: boolean;
  status: VerifyStatus;
  licence: { number: string; type: string; holderMasked: string; issuer: string; issuedAt: string; expiresAt: string | null } | null;
  licenceStatus: string | null;
  licenceStatusLabel: string | null;
  reason: string | null;
  message: string;
  checks: { signature: boolean; digest: boolean; file?: boolean; known: boolean };
}

export interface PresentedLicence {
  licence: {
    id?: string;
    typeName: string;
    number: string;
    issuer: string;
    issuedAt: string;
    expiresAt: string | null;
    status: string;
    statusLabel: string;
    expired?: boolean;
    genuine: boolean;
  };
  fields: { key: string; label: string; value: string }[];
  expiresAt: string;
  singleUse: boolean;
}

export const statusLabel = (s: string) => LicenceStatusLabel[s as LicenceStatus] ?? s;

/** The tag a wallet card shows: 已过期 wins over 有效; other statuses use the national labels. */
export function statusTag(l: Pick<LicenceSummary, 'status' | 'expired'>): { label: string; tone: Tone } {
  if (l.status === '01' && l.expired) return { label: '已过期', tone: 'orange' };
  if (l.status === '01') return { label: LicenceStatusLabel['01'], tone: 'green' };
  if (l.status === '03' || l.status === '07') return { label: statusLabel(l.status), tone: 'red' };
  if (l.status === '02') return { label: statusLabel(l.status), tone: 'orange' };
  return { label: statusLabel(l.status), tone: 'grey' };
}

export const validityText = (issuedAt: string, expiresAt: string | null) => `${issuedAt} 至 ${expiresAt ?? '长期'}`;

/** A 亮证 code is 12 characters of [A-Z2-9]. */
export const PRESENTATION_CODE = /^[A-Z2-9]{12}$/;

/** What a scanned or pasted text is: a licence QR (TBL1…), a 亮证 code / its URL, or neither. */
export function classifyScan(text: string): { kind: 'licence'; qr: string } | { kind: 'presentation'; code: string } | { kind: 'unknown' } {
  const t = text.trim();
  if (!t) return { kind: 'unknown' };
  if (/TBL1\./.test(t)) return { kind: 'licence', qr: t };
  const m = /[?&]p=([A-Za-z2-9]{12})(?:[&#]|$)/.exec(t);
  if (m) return { kind: 'presentation', code: m[1]!.toUpperCase() };
  const bare = t.replace(/[\s-]/g, '').toUpperCase();
  if (PRESENTATION_CODE.test(bare)) return { kind: 'presentation', code: bare };
  return { kind: 'unknown' };
}

/** Shows a 12-character code in groups of four, easier to read aloud. */
export const groupCode = (code: string) => code.replace(/(.{4})(?=.)/g, '$1 ');
