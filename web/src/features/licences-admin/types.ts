// Shapes of the staff and admin licence API answers (keys, seals, the department's licence list).
// Licence summaries and details are the wallet's types (../licences/types.ts).
import { LicenceStatus } from '../../../../domain/licence-types.ts';
import type { LicenceSummary } from '../licences/types.ts';

export interface SigningKey {
  kid: string;
  departmentId: string;
  departmentName: string;
  algorithm: 'SM2' | string;
  publicKey: string;
  validFrom: string;
  validTo: string | null;
}

export interface Seal {
  id: string;
  departmentId: string;
  name: string;
  kid: string;
  validFrom: string;
  validTo: string | null;
  svg: string;
}

export interface DepartmentLicences {
  items: LicenceSummary[];
  total: number;
  page?: number;
  pageSize?: number;
}

/** Statuses a reviewer may set, with what each means, offered from a given current status. */
export const STATUS_CHOICES: { status: string; label: string; hint: string }[] = [
  { status: LicenceStatus.withdrawn, label: '撤销', hint: '证照不应颁发（如以欺骗手段取得），自始无效' },
  { status: LicenceStatus.revoked, label: '吊销', hint: '持证人违法，作为行政处罚收回' },
  { status: LicenceStatus.suspended, label: '暂扣', hint: '暂时停止使用，之后可恢复有效' },
  { status: LicenceStatus.cancelled, label: '注销', hint: '持证人申请或主体终止等，证照不再使用' },
];
export const RESTORE_CHOICE = { status: LicenceStatus.valid, label: '恢复有效', hint: '暂扣期满或原因消除，恢复为有效' };

/** Statuses after which nothing more may change. */
export const FINAL_STATUSES: string[] = [LicenceStatus.withdrawn, LicenceStatus.revoked, LicenceStatus.cancelled, LicenceStatus.lapsed];

/** An SVG from the server as an image (never as markup in the page). */
export const svgSrc = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
