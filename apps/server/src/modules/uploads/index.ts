export type { Executor as UploadsExecutor } from './uploads.repo.js';
export type { UploadsServiceDeps } from './uploads.service.js';
export { UploadsService } from './uploads.service.js';
