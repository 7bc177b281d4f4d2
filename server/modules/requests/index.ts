import type { App } from '../../platform/http.ts';
import type { AppDeps } from '../../deps.ts';
import type { CalendarService } from '../calendar/index.ts';
import { enqueue } from '../../platform/jobs.ts';
import { createRequestsService } from './requests.service.ts';
import { requestsRoutes } from './requests.routes.ts';
import { requestStatsRoutes } from './requests.stats.routes.ts';
import { createRequestSettings } from './requests.settings.ts';
import { requestSettingsRoutes } from './requests.settings.routes.ts';
import { createRequestJobs } from './requests.jobs.ts';
import { shippedCategories } from './classifier/training.ts';
import { registerOpen311 } from './open311/index.ts';

export const REQUESTS_SWEEP = 'requests.sweep';

export function registerRequests(app: App, deps: AppDeps, calendar: CalendarService) {
  const settings = createRequestSettings(deps.db, deps.clock, new Set(shippedCategories().map((c) => c.name)));
  const service = createRequestsService(deps.db, deps.clock, calendar, settings);
  requestsRoutes(app, service);
  requestStatsRoutes(app, deps);
  requestSettingsRoutes(app, settings);
  registerOpen311(app, deps, service);
  // Every minute: deadline warnings and overdue notices, then the SMS outbox (receipts within 3 minutes).
  const jobs = createRequestJobs(deps.db, deps.clock, deps.sms);
  deps.jobs.register(REQUESTS_SWEEP, async () => {
    await jobs.sweepDeadlines();
    await jobs.sendSms();
  });
  deps.jobs.schedule(async () => {
    const now = deps.clock.now();
    await enqueue(deps.db, REQUESTS_SWEEP, {}, { runAt: now, dedupeKey: now.toISOString().slice(0, 16) });
  });
  return service;
}
