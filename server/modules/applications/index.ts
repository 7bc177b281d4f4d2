import type { App } from '../../platform/http.ts';
import type { AppDeps } from '../../deps.ts';
import type { CatalogService } from '../catalog/index.ts';
import type { CalendarService } from '../calendar/index.ts';
import { enqueue } from '../../platform/jobs.ts';
import { chinaDate } from '../../../domain/calendar.ts';
import { applicationsRoutes } from './applications.routes.ts';
import { createApplicationsService, type ApplicationsService } from './applications.service.ts';
import { createDeadlineService } from './deadlines.service.ts';
import type { CasePorts } from './applications.service.ts';

export type { ApplicationsService } from './applications.service.ts';

export const DEADLINE_SWEEP = 'applications.deadline-sweep';

export function registerApplications(app: App, deps: AppDeps, catalog: CatalogService, calendar: CalendarService, ports: CasePorts = {}): ApplicationsService {
  const service = createApplicationsService(deps.db, deps.clock, catalog, calendar, ports);
  const deadlines = createDeadlineService(deps.db, deps.clock);
  applicationsRoutes(app, service);
  // Deadlines follow the calendar: an edited holiday moves the due dates it touches.
  calendar.onChange((fromDate) => service.recomputeDueDates(fromDate));
  deps.jobs.register(DEADLINE_SWEEP, async () => {
    await deadlines.sweep();
  });
  // Once an hour is enough: alerts are by the day. The key makes the many instances enqueue one job.
  deps.jobs.schedule(async () => {
    const now = deps.clock.now();
    await enqueue(deps.db, DEADLINE_SWEEP, {}, { runAt: now, dedupeKey: `${chinaDate(now)}T${String(now.getUTCHours()).padStart(2, '0')}` });
  });
  return service;
}
