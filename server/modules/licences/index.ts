import type { App } from '../../platform/http.ts';
import type { AppDeps } from '../../deps.ts';
import { createKeyStore, loadMasterKey } from './keys.ts';
import { createLicencesService } from './licences.service.ts';
import { createVerifier } from './licences.verify.ts';
import { createPresentationsService } from './presentations.service.ts';
import { licencesRoutes } from './licences.routes.ts';
import { caseLicences } from './case-licences.ts';
import { licenceSharedData } from './shared-licences.ts';

export type { LicencesService } from './licences.service.ts';
export type { CaseLicences } from './case-licences.ts';

export function registerLicences(app: App, deps: AppDeps) {
  const keys = createKeyStore(deps.db, deps.clock, loadMasterKey(deps.config), deps.config.sealMakerDepartment);
  const service = createLicencesService(deps.db, deps.clock, keys, deps.config.publicUrl);
  const verifier = createVerifier(deps.db, deps.clock, keys);
  const presentations = createPresentationsService(deps.db, deps.clock, service, keys, deps.config.publicUrl);
  licencesRoutes(app, service, keys, verifier, presentations, deps.config.maxUploadBytes);
  return { service, keys, verifier, presentations, forCases: caseLicences(service), sharedData: licenceSharedData(deps.db, deps.clock) };
}
