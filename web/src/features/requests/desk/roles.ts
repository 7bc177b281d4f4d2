// Who is at the desk: the hotline centre (operators, the supervisor; admins see what they see) or a
// department's handler.
import { hasRole } from '../../../app/auth.tsx';
import type { User } from '../../../lib/types.ts';

export const DESK_ROLES = ['operator', 'supervisor', 'handler', 'admin'];
export const isHotline = (u: User | null) => hasRole(u, 'operator', 'supervisor', 'admin');
export const isHandler = (u: User | null) => !isHotline(u) && hasRole(u, 'handler');
