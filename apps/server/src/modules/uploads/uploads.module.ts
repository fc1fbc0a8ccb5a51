import { defineModule } from '../../app/module.js';
import { LocalStorage } from '../../platform/storage/local-storage.js';
import { registerUploadRoutes } from './served-files.http.js';
import { registerUploadsRoutes } from './uploads.http.js';
import { UploadsService, type UploadsServiceDeps } from './uploads.service.js';

/** Unclaimed uploads are swept hourly; the sweep is idempotent, so every node may run it. */
const SWEEP_INTERVAL_MS = 3_600_000;

export function createUploadsModule(deps: UploadsServiceDeps & { idleTimeoutMs: number }) {
  const uploads = new UploadsService(deps);
  const { storage } = deps;
  return defineModule({
    name: 'uploads',
    api: uploads,
    routes(app, guard) {
      registerUploadsRoutes(app, uploads, guard, { idleTimeoutMs: deps.idleTimeoutMs });
      // With S3 the bucket serves the files; only local storage needs the app to.
      if (storage instanceof LocalStorage)
        registerUploadRoutes(app, storage.root, (key) => uploads.findServedObject(key));
    },
    jobs: [
      { name: 'unclaimed upload sweep', everyMs: SWEEP_INTERVAL_MS, run: () => uploads.sweepUnclaimed() },
    ],
  });
}
