import { Role } from '../../../domain/enums.ts';
import { forbidden } from '../../../domain/errors.ts';
import { hasRole, type AuthUser } from '../../platform/auth.ts';

/** Only administrators maintain the catalog. */
export function assertCanEditCatalog(user: AuthUser) {
  if (!hasRole(user, Role.admin)) throw forbidden('只有系统管理员可以维护事项目录');
}
