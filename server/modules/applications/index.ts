import type { App } from '../../platform/http.ts';
import type { AppDeps } from '../../deps.ts';
import type { CatalogService } from '../catalog/index.ts';
import type { CalendarService } from '../calendar/index.ts';
import { applicationsRoutes } from './applications.routes.ts';
import { createApplicationsService, type ApplicationsService } from './applications.service.ts';

export type { ApplicationsService } from './applications.service.ts';

export function registerApplications(app: App, deps: AppDeps, catalog: CatalogService, calendar: CalendarService): ApplicationsService {
  const service = createApplicationsService(deps.db, deps.clock, catalog, calendar);
  applicationsRoutes(app, service);
  // Deadlines follow the calendar: an edited holiday moves the due dates it touches.
  calendar.onChange((fromDate) => service.recomputeDueDates(fromDate));
  return service;
}
