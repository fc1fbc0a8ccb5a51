export { readSingleUpload } from './multipart-intake.js';
export { createUploadsModule } from './uploads.module.js';
export type { Executor as UploadsExecutor } from './uploads.repo.js';
export { claimImageFor } from './uploads.repo.js';
export type { ServedObject, UploadsServiceDeps } from './uploads.service.js';
export { UploadsService } from './uploads.service.js';
