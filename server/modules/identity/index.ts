import type { App } from '../../platform/http.ts';
import type { AppDeps } from '../../deps.ts';
import { identityRoutes } from './identity.routes.ts';
import { createIdentityService, type IdentityService } from './identity.service.ts';

export type { IdentityService } from './identity.service.ts';
export { findUserById } from './identity.repo.ts';

export function registerIdentity(app: App, deps: AppDeps): IdentityService {
  const service = createIdentityService(deps.db, deps.config, deps.clock);
  identityRoutes(app, service, deps.config);
  return service;
}
