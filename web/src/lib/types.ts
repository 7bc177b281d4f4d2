// Shapes of the API answers the web app reads (see docs/API.md). Kept here so pages don't import zod.
import type { ApplicationAction, ApplicationStatus } from '../../../domain/workflow.ts';
import type { ApplicantType, MaterialForm, OnlineDepth, Role, SharedSource } from '../../../domain/enums.ts';

export interface User {
  id: string;
  username: string;
  roles: Role[];
  departmentId: string | null;
  kind: ApplicantType | 'staff' | string | null;
  realName: string;
  idNumber?: string | null;
  phone?: string | null;
  email?: string | null;
  companyName?: string | null;
  uscc?: string | null;
}

export interface DepartmentInfo {
  id: string;
  name: string;
  shortName: string;
  kind: string;
  itemCount?: number;
}

export interface ItemSummary {
  code: string;
  name: string;
  departmentId: string;
  departmentName: string;
  type: string;
  applicantTypes: ApplicantType[];
  legalLimitDays: number;
  promisedLimitDays: number;
  onlineDepth: OnlineDepth;
  maxVisits: number;
  crossProvince: boolean;
  tags: string[];
  canApplyOnline: boolean;
  sharedMaterialCount: number;
}

export interface ItemMaterial {
  name: string;
  required: boolean;
  form: MaterialForm;
  copies: number;
  sharedSource: SharedSource | null;
}

export interface Item extends Omit<ItemSummary, 'departmentName' | 'sharedMaterialCount'> {
  departmentName?: string;
  sharedMaterialCount?: number;
  version: number;
  updatedAt: string;
  fee: string;
  acceptConditions: string;
  description: string;
  legalBasis: string;
  materials: ItemMaterial[];
  department?: DepartmentInfo;
}

export interface Bundle {
  code: string;
  name: string;
  description: string;
  itemCodes: string[];
  parallelGroups: string[][];
  sharedForm: string[];
}
export interface BundleDetail extends Bundle {
  items: ItemSummary[];
}

export interface ChecklistEntry {
  name: string;
  required: boolean;
  provided: boolean;
  sharedSource: SharedSource | null;
}

export type DeadlineLevel = 'normal' | 'warning' | 'overdue' | null;

export interface CaseEvent {
  action: ApplicationAction | string;
  actor: string | null;
  actorRole?: string | null;
  at: string;
  comment?: string | null;
  fromStatus?: ApplicationStatus | null;
  toStatus?: ApplicationStatus | null;
  missingMaterials?: string[] | null;
}

export interface CaseMaterial {
  name: string;
  fileId: string;
  size?: number;
  mime?: string;
  fileName?: string;
}

export interface ApplicationSummary {
  id: string;
  caseNo: string;
  itemCode: string;
  itemName: string;
  departmentId: string;
  departmentName: string;
  status: ApplicationStatus;
  applicantName: string;
  submittedAt: string | null;
  acceptedAt: string | null;
  dueDate: string | null;
  dueDateProvisional: boolean;
  limitDays: number | null;
  daysLeft: number | null;
  deadlineLevel: DeadlineLevel;
}

export interface ApplicationDetail extends Omit<ApplicationSummary, 'applicantName'> {
  itemVersion: number;
  version: number;
  applicant: { name: string; idNumber: string; phone: string; companyName?: string | null; uscc?: string | null; kind: string };
  formData: Record<string, unknown>;
  materials: CaseMaterial[];
  checklist: ChecklistEntry[];
  acceptDate?: string | null;
  correction: { missingMaterials: string[]; comment: string | null; requestedAt: string } | null;
  allowedActions: ApplicationAction[];
  events: CaseEvent[];
}

export interface Notification {
  id: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface UploadedFile {
  fileId: string;
  sha256: string;
  size: number;
  mime: string;
  name: string;
}
