// Open311 GeoReport v2 for the requests module: the public /open311/v2 API and the administrators' key management.
import type { App } from '../../../platform/http.ts';
import type { AppDeps } from '../../../deps.ts';
import type { RequestsService } from '../requests.service.ts';
import { createOpen311Service } from './open311.service.ts';
import { open311Routes } from './open311.routes.ts';
import { open311ClientRoutes } from './open311-clients.routes.ts';

export function registerOpen311(app: App, deps: AppDeps, requests: RequestsService) {
  const service = createOpen311Service(deps.db, deps.clock, requests);
  open311Routes(app, service);
  open311ClientRoutes(app, service);
  return service;
}
