import type { Config } from './platform/config.ts';
import type { Db, DbKind } from './platform/db/index.ts';
import type { Clock } from './platform/clock.ts';
import type { FileStore } from './platform/files.ts';
import type { JobRunner } from './platform/jobs.ts';
import type { SmsGateway } from './platform/sms.ts';

/** What every module gets at registration. */
export interface AppDeps {
  config: Config;
  db: Db;
  dbKind: DbKind;
  clock: Clock;
  files: FileStore;
  jobs: JobRunner;
  sms: SmsGateway;
}
