import type { App } from '../../platform/http.ts';
import type { AppDeps } from '../../deps.ts';
import type { CalendarService } from '../calendar/index.ts';
import { createRequestsService } from './requests.service.ts';
import { requestsRoutes } from './requests.routes.ts';

export function registerRequests(app: App, deps: AppDeps, calendar: CalendarService) {
  const service = createRequestsService(deps.db, deps.clock, calendar);
  requestsRoutes(app, service);
  return service;
}
