// Shapes of the applications API as the workbench reads them (see docs/API.md and lib/types.ts).
import type { ApplicationDetail, ApplicationSummary, DepartmentInfo } from '../../lib/types.ts';

export type { DeadlineLevel } from '../../lib/types.ts';
export type CaseRow = ApplicationSummary;
export type CaseDetail = ApplicationDetail;
export type Department = DepartmentInfo;

export interface CaseList {
  items: CaseRow[];
  total: number;
}

export interface Summary {
  submitted: number;
  correctionRequired: number;
  accepted: number;
  suspended: number;
  awaitingCompletion: number;
  warning: number;
  overdue: number;
}
