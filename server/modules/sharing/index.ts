// 免提交 (shared data instead of uploads): the adapter to the data-exchange platform, consent, and the data-use log.
import type { App } from '../../platform/http.ts';
import type { AppDeps } from '../../deps.ts';
import type { CatalogService } from '../catalog/index.ts';
import { composeAdapters, tableAdapter, type SharedDataAdapter } from './adapter.ts';
import { sharingRoutes } from './sharing.routes.ts';
import { createSharingService, type SharingService } from './sharing.service.ts';

export type { SharingService, SharedMaterialsPort, SharedMaterialInput, ApplicantData, CaseRef } from './sharing.service.ts';
export type { SharedDataAdapter, SharedRecord, Holder } from './adapter.ts';
export { sourceLabel } from './sharing.service.ts';
export { SharedMaterials } from './sharing.routes.ts';
export { insertUseLog, type NewDataUse, type NewSharedMaterial } from './sharing.repo.ts';

/**
 * Shared data come from the e-licence library (`licences`, the licences module's adapter) and from `adapter`:
 * by default the demo table (shared_records); a deployment passes an adapter for its data-exchange platform
 * (see adapter.ts).
 */
export function registerSharing(app: App, deps: AppDeps, catalog: CatalogService, licences: SharedDataAdapter, adapter: SharedDataAdapter = tableAdapter(deps.db)): SharingService {
  const service = createSharingService(deps.db, deps.clock, composeAdapters(licences, adapter), catalog);
  sharingRoutes(app, service);
  return service;
}
