// Licence rows → API shapes. Identity numbers are masked for everyone but the holder.
import { findLicenceType, LicenceStatusLabel, type LicenceStatus } from '../../../domain/licence-types.ts';
import { maskIdNumber, maskName } from '../../../domain/codes.ts';
import type { LicenceRow } from './licences.repo.ts';

export type LicenceWithIssuer = LicenceRow & { issuer: string };

const maskHolderId = (kind: string, id: string) => (kind === 'person' ? maskIdNumber(id)! : id);

/** 张* (3401**********1232) for a person, the company name and code for an enterprise. */
export const holderMasked = (row: Pick<LicenceRow, 'holderKind' | 'holderName' | 'holderId'>) =>
  `${row.holderKind === 'person' ? maskName(row.holderName) : row.holderName}（${maskHolderId(row.holderKind, row.holderId)}）`;

/** A stored seal's name and its picture as SVG text (see keys.ts sealInfo). */
export function sealView(seal: unknown) {
  const info = (seal as { sealInfo?: { property?: { name?: string }; picture?: { data?: string } } }).sealInfo;
  return { name: info?.property?.name ?? '', svg: Buffer.from(info?.picture?.data ?? '', 'base64').toString('utf8') };
}

export function isExpired(row: Pick<LicenceRow, 'expiresOn'>, today: string) {
  return !!row.expiresOn && row.expiresOn < today;
}

export function toSummary(row: LicenceWithIssuer, today: string, replacedById: string | null = null) {
  const type = findLicenceType(row.typeCode);
  return {
    id: row.id, identifier: row.identifier, number: row.number, typeCode: row.typeCode, typeName: type?.name ?? row.typeCode,
    holderKind: row.holderKind, holderName: row.holderName,
    holderMasked: holderMasked(row),
    departmentId: row.departmentId, issuer: row.issuer, issuedAt: row.issuedOn, expiresAt: row.expiresOn,
    status: row.status, statusLabel: LicenceStatusLabel[row.status as LicenceStatus] ?? row.status, statusReason: row.statusReason,
    expired: isExpired(row, today), version: row.version, replacesId: row.replacesId, replacedById,
  };
}

/** The fields with labels; sensitive values masked unless `full`. */
export function fieldsOf(row: Pick<LicenceRow, 'typeCode' | 'fields'>, full: boolean) {
  const type = findLicenceType(row.typeCode);
  const values = row.fields as Record<string, string>;
  const specs = type?.fields ?? Object.keys(values).map((key) => ({ key, label: key, sensitive: false }));
  return specs.filter((f) => f.key in values).map((f) => ({
    key: f.key, label: f.label, sensitive: !!f.sensitive,
    value: f.sensitive && !full ? (maskIdNumber(values[f.key]) ?? '') : values[f.key]!,
  }));
}
