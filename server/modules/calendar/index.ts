import type { App } from '../../platform/http.ts';
import type { AppDeps } from '../../deps.ts';
import { calendarRoutes } from './calendar.routes.ts';
import { createCalendarService, type CalendarService } from './calendar.service.ts';

export type { CalendarService } from './calendar.service.ts';

export function registerCalendar(app: App, deps: AppDeps): CalendarService {
  const service = createCalendarService(deps.db, deps.clock);
  calendarRoutes(app, service);
  return service;
}
