import type { App } from '../../platform/http.ts';
import type { AppDeps } from '../../deps.ts';
import { filesRoutes, type FileAccessCheck } from './files.routes.ts';
import { createFilesService, type FilesService } from './files.service.ts';

export type { FilesService } from './files.service.ts';

export function registerFiles(app: App, deps: AppDeps, canRead: FileAccessCheck): FilesService {
  const service = createFilesService(deps.db, deps.files, deps.clock);
  filesRoutes(app, service, canRead, deps.config.maxUploadBytes);
  return service;
}
