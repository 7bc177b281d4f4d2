// Who may see and act on a case. Pure functions over the user and the case.
import { ACTION_ACTORS, type ApplicationAction } from '../../../domain/workflow.ts';
import { Role } from '../../../domain/enums.ts';
import { hasRole, type AuthUser } from '../../platform/auth.ts';

export interface CaseScope { applicantId: string; departmentId: string }

export const isOwner = (u: AuthUser, c: CaseScope) => u.id === c.applicantId;

/** Staff who handle the case: the 综合窗口 (any department) or the department's own reviewers. */
export const isHandler = (u: AuthUser, c: CaseScope) =>
  hasRole(u, Role.clerk) || (hasRole(u, Role.reviewer) && u.departmentId === c.departmentId);

export const canView = (u: AuthUser, c: CaseScope) => isOwner(u, c) || isHandler(u, c) || hasRole(u, Role.admin);

/** Owner and handling staff see personal data in full; everyone else masked. */
export const seesPersonalData = (u: AuthUser, c: CaseScope) => isOwner(u, c) || isHandler(u, c);

/** Whether this user's role could ever take the action on this case (status aside). */
export function mayTake(u: AuthUser, c: CaseScope, action: ApplicationAction): boolean {
  return (ACTION_ACTORS[action] as readonly string[]).some((actor) => {
    if (actor === 'applicant') return isOwner(u, c);
    if (actor === Role.clerk) return hasRole(u, Role.clerk);
    if (actor === Role.reviewer) return hasRole(u, Role.reviewer) && u.departmentId === c.departmentId;
    return false;
  });
}

export const canApply = (u: AuthUser) => hasRole(u, Role.citizen, Role.enterprise);
export const isStaff = (u: AuthUser) => hasRole(u, Role.clerk, Role.reviewer);

/** The departments whose queue this user sees: undefined = all. */
export function queueScope(u: AuthUser): { all: true } | { departmentId: string } | { applicantId: string } | { none: true } {
  if (hasRole(u, Role.clerk, Role.admin)) return { all: true };
  if (hasRole(u, Role.reviewer) && u.departmentId) return { departmentId: u.departmentId };
  if (canApply(u)) return { applicantId: u.id };
  return { none: true };
}
