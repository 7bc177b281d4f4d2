import type { App } from '../../platform/http.ts';
import type { AppDeps } from '../../deps.ts';
import { catalogRoutes } from './catalog.routes.ts';
import { createCatalogService, type CatalogService } from './catalog.service.ts';

export type { CatalogService } from './catalog.service.ts';
export { canApplyOnline } from './catalog.service.ts';

export function registerCatalog(app: App, deps: AppDeps): CatalogService {
  const service = createCatalogService(deps.db, deps.clock);
  catalogRoutes(app, service);
  return service;
}
