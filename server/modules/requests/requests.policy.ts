// Who may see a 12345 request: the hotline centre (and admins) every one, a department the requests
// sent to it (主办 or 协办) once dispatched, a citizen their own.
import type { AuthUser } from '../../platform/auth.ts';
import { hasRole } from '../../platform/auth.ts';
import { Role } from '../../../domain/enums.ts';

export const HOTLINE_ROLES = [Role.operator, Role.supervisor, Role.admin] as const;

export interface RequestScope {
  status: string;
  departmentId: string;
  coDepartmentIds: string[];
  citizenId: string | null;
}

export function requestAccess(user: AuthUser, r: RequestScope) {
  const dept = user.departmentId ?? '';
  return {
    hotline: hasRole(user, ...HOTLINE_ROLES),
    assigned: hasRole(user, Role.handler) && r.status !== 'received' && (r.departmentId === dept || r.coDepartmentIds.includes(dept)),
    owner: r.citizenId === user.id,
    /** The handler's department leads (主办) the request: only it signs, returns, extends and replies. */
    lead: hasRole(user, Role.handler) && r.status !== 'received' && r.departmentId === dept,
  };
}
