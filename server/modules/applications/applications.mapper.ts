// Rows → API shapes. Personal data are masked here for anyone but the owner and the handling staff.
import { maskIdNumber, maskName, maskPhone } from '../../../domain/codes.ts';
import { deadlineLevelOn, workingDaysBetween, type IsoDate, type WorkingCalendar } from '../../../domain/calendar.ts';
import { ACTIVE_STATUSES, type ApplicationStatus } from '../../../domain/workflow.ts';
import { SharedSourceLabel, type SharedSource } from '../../../domain/enums.ts';
import type { ApplicationRow } from '../../platform/db/schema.ts';

export interface ApplicantSnapshot {
  kind: string;
  name: string;
  idNumber: string | null;
  phone: string | null;
  companyName: string | null;
  uscc: string | null;
}

export function maskApplicant(a: ApplicantSnapshot, full: boolean): ApplicantSnapshot {
  if (full) return a;
  return { ...a, name: maskName(a.name)!, idNumber: maskIdNumber(a.idNumber), phone: maskPhone(a.phone) };
}

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/** Time left in working days; a suspended case's clock stands still on the day it stopped. */
export function deadlineView(cal: WorkingCalendar, today: IsoDate, r: Pick<ApplicationRow, 'status' | 'dueDate' | 'warnDate' | 'suspendedSince'>) {
  if (!r.dueDate || !ACTIVE_STATUSES.includes(r.status as ApplicationStatus)) return { daysLeft: null, deadlineLevel: null };
  const asOf = r.status === 'suspended' && r.suspendedSince ? r.suspendedSince : today;
  return {
    daysLeft: workingDaysBetween(cal, asOf, r.dueDate) || 0,
    deadlineLevel: deadlineLevelOn(asOf, { dueDate: r.dueDate, warnDate: r.warnDate }),
  };
}

export function toSummary(cal: WorkingCalendar, today: IsoDate, r: ApplicationRow & { itemName: string; departmentName: string }, fullPersonalData: boolean) {
  const applicant = r.applicant as unknown as ApplicantSnapshot;
  return {
    id: r.id,
    caseNo: r.caseNo,
    itemCode: r.itemCode,
    itemName: r.itemName,
    departmentId: r.departmentId,
    departmentName: r.departmentName,
    status: r.status,
    applicantName: fullPersonalData ? applicant.name : maskName(applicant.name),
    applicantCompany: applicant.companyName,
    submittedAt: iso(r.submittedAt),
    acceptedAt: iso(r.acceptedAt),
    dueDate: r.dueDate,
    dueDateProvisional: r.dueDateProvisional,
    limitDays: r.limitDays,
    ...deadlineView(cal, today, r),
  };
}

/** A material taken from shared data, as the copy made at submission. Record fields only for the owner and handling staff. */
export function sharedMaterialView(r: { materialName: string; source: string; recordKind: string; recordRef: string; snapshot: unknown; purpose: string; consentedAt: Date | string }, full: boolean) {
  const s = r.snapshot as { title: string; provider: string; issuedAt: string | null; fields: { label: string; value: string }[] };
  return {
    name: r.materialName, source: r.source, sourceLabel: SharedSourceLabel[r.source as SharedSource] ?? r.source, kind: r.recordKind, ref: r.recordRef,
    title: s.title, provider: s.provider, issuedAt: s.issuedAt, fields: full ? s.fields : [], purpose: r.purpose, consentedAt: iso(r.consentedAt)!,
  };
}

export { iso };

/** What the licence library needs from a case to issue its licence (licences/case-licences.ts). */
export function caseForLicence(row: ApplicationRow, itemName: string, fields?: Record<string, string>) {
  const a = row.applicant as unknown as ApplicantSnapshot;
  return {
    id: row.id, itemCode: row.itemCode, itemName, departmentId: row.departmentId, formData: row.formData as Record<string, unknown>, fields,
    applicant: { kind: a.kind, name: a.name, idNumber: a.idNumber, companyName: a.companyName, uscc: a.uscc },
  };
}
