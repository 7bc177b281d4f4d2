// buildApp(config) → a Fastify instance with every module registered. No listen(): main.ts and tests call it.
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fstatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './platform/config.ts';
import type { Database } from './platform/db/index.ts';
import { systemClock, type Clock } from './platform/clock.ts';
import { installErrorHandler, installInputGuard, installNotFound } from './platform/errors.ts';
import { installAuth } from './platform/auth.ts';
import { localFileStore } from './platform/files.ts';
import { sealAudit } from './platform/audit.ts';
import { createJobRunner, type JobRunner } from './platform/jobs.ts';
import { fileSmsGateway, httpSmsGateway, type SmsGateway } from './platform/sms.ts';
import type { AppDeps } from './deps.ts';
import { registerCatalog } from './modules/catalog/index.ts';
import { registerCalendar } from './modules/calendar/index.ts';
import { registerIdentity } from './modules/identity/index.ts';
import { registerFiles } from './modules/files/index.ts';
import { registerNotifications } from './modules/notifications/index.ts';
import { registerApplications } from './modules/applications/index.ts';
import { registerAdmin } from './modules/admin/index.ts';
import { registerSearch } from './modules/search/index.ts';
import { registerRequests } from './modules/requests/index.ts';
import { registerLicences } from './modules/licences/index.ts';
import { registerSharing } from './modules/sharing/index.ts';

z.config(z.locales.zhCN());

export interface BuildOptions {
  config: Config;
  database: Database;
  clock?: Clock;
  /** Seal the audit chain in the background every few seconds (off in tests, which seal on demand). */
  auditSealIntervalMs?: number;
  /** Run background jobs every so often (off in tests, which call app.jobs.tick()). */
  jobsIntervalMs?: number;
  /** Prepare slow things (the request classifier) in the background right after start. */
  warmUp?: boolean;
  /** The SMS gateway (tests pass a recording one); by default from the configuration. */
  sms?: SmsGateway;
}

declare module 'fastify' {
  interface FastifyInstance {
    jobs: JobRunner;
  }
}

const REDACT = ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', '*.password', '*.idNumber', '*.phone'];

export async function buildApp(opts: BuildOptions): Promise<FastifyInstance> {
  const { config, database } = opts;
  const clock = opts.clock ?? systemClock;
  const app = Fastify({
    logger: { level: config.logLevel, redact: { paths: REDACT, censor: '***' } },
    bodyLimit: 1024 * 1024,
    trustProxy: process.env.TONGBAN_TRUST_PROXY === '1',
    genReqId: () => crypto.randomUUID(),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  installInputGuard(app);

  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: config.maxUploadBytes, files: 1, fields: 10 } });
  await app.register(swagger, {
    openapi: {
      info: { title: '通办 Tongban API', description: '一网通办平台接口。错误信息为中文；校验错误返回 400 与字段说明。', version: '0.1.0' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, cookie: { type: 'apiKey', in: 'cookie', name: 'tongban_session' } } },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  const jobs = createJobRunner(database.db, clock, (kind, err) => app.log.error({ err, kind }, 'job failed'));
  app.decorate('jobs', jobs);
  const deps: AppDeps = { config, db: database.db, dbKind: database.kind, clock, files: localFileStore(join(config.dataDir, 'files')), jobs,
    sms: opts.sms ?? (config.smsGatewayUrl ? httpSmsGateway(config.smsGatewayUrl) : fileSmsGateway(join(config.dataDir, 'sms.log'), () => clock.now())) };
  installAuth(app, deps.db, () => clock.now());

  app.get('/api/health', { schema: { tags: ['system'], summary: '健康检查', response: { 200: z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']) }) } } }, async () => {
    await deps.db.selectFrom('departments').select('id').limit(1).execute();
    return { status: 'ok' as const, db: database.kind };
  });

  const catalog = registerCatalog(app, deps);
  const calendar = registerCalendar(app, deps);
  registerIdentity(app, deps);
  registerNotifications(app, deps);
  const licences = registerLicences(app, deps);
  // 免提交: the default adapter reads the e-licence library and the demo shared_records table.
  const sharing = registerSharing(app, deps, catalog, licences.sharedData);
  const applications = registerApplications(app, deps, catalog, calendar, { licences: licences.forCases, sharing });
  registerAdmin(app, deps);
  registerSearch(app, deps, catalog);
  const requests = registerRequests(app, deps, calendar);
  if (opts.warmUp) app.addHook('onReady', async () => { void requests.warmUp().catch((err) => app.log.error({ err }, 'classifier warm-up failed')); });
  // A file may be read by its owner, or by staff who can see a case or a 12345 request it is attached to.
  registerFiles(app, deps, async (userId, fileId, ownerId) => {
    if (userId === ownerId) return true;
    const row = await deps.db.selectFrom('users').select(['id', 'username', 'roles', 'departmentId', 'kind', 'realName']).where('id', '=', userId).executeTakeFirst();
    if (!row) return false;
    const user = { ...row, roles: row.roles as never, kind: row.kind as never };
    return (await applications.canReadAttachedFile(user, fileId)) || requests.canReadAttachedFile(user, fileId);
  });

  const serveWebApp = existsSync(join(config.webDir, 'index.html'));
  if (serveWebApp) await app.register(fstatic, { root: config.webDir, wildcard: false, index: 'index.html' });
  installNotFound(app, serveWebApp);

  if (opts.jobsIntervalMs) {
    jobs.start(opts.jobsIntervalMs);
    app.addHook('onClose', async () => jobs.stop());
  }
  if (opts.auditSealIntervalMs) {
    const timer = setInterval(() => {
      sealAudit(deps.db).catch((err) => app.log.error({ err }, 'audit sealing failed'));
    }, opts.auditSealIntervalMs);
    timer.unref();
    app.addHook('onClose', async () => clearInterval(timer));
  }
  return app;
}
