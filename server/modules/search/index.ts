import type { App } from '../../platform/http.ts';
import type { AppDeps } from '../../deps.ts';
import type { CatalogService } from '../catalog/index.ts';
import { EngineHolder } from './engine-holder.ts';
import { createSearchService } from './search.service.ts';
import { createKnowledgeService } from './knowledge.service.ts';
import { createAssistantService } from './assistant/assistant.service.ts';
import { searchRoutes } from './search.routes.ts';

export type { SearchService } from './search.service.ts';
export { loadKnowledgeFiles } from './knowledge-files.ts';
export { SearchEngine } from './engine/engine.ts';

const PURGE_EVERY_MS = 3_600_000;

export function registerSearch(app: App, deps: AppDeps, catalog: CatalogService) {
  const holder = new EngineHolder(deps.db, catalog, (err) => app.log.error({ err }, 'search index refresh failed'));
  const search = createSearchService(deps.db, deps.clock, holder);
  const knowledge = createKnowledgeService(deps.db, deps.clock, catalog, holder);
  const assistant = createAssistantService(deps.db, deps.clock, catalog, search);
  searchRoutes(app, search, knowledge, assistant);
  // An edited item is searchable under its new text at once.
  catalog.onItemChange(() => void holder.refresh().catch((err) => app.log.error({ err }, 'search index rebuild failed')));
  let purgedAt = 0;
  deps.jobs.schedule(async () => {
    if (Date.now() - purgedAt < PURGE_EVERY_MS) return;
    purgedAt = Date.now();
    await assistant.purgeIdle();
    await search.purgeOldLog();
  });
  return { search, holder };
}
