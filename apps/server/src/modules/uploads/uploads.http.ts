import { ATTACHMENT_FILE_MAX_BYTES, ATTACHMENTS_PER_UPLOAD_MAX, ZUploadResponse } from '@guftagu/contracts';
import type { FastifyInstance } from 'fastify';
import { apiRoutes } from '../../http/api-route.js';
import type { AuthGuard } from '../../http/auth-guard.js';
import { AppError } from '../../platform/errors.js';
import { multipartFiles } from './multipart-intake.js';
import type { UploadsService } from './uploads.service.js';

export interface UploadsRouteOptions {
  /** An upload whose connection sends nothing for this long is cut off. */
  idleTimeoutMs: number;
}

export function registerUploadsRoutes(
  app: FastifyInstance,
  uploads: UploadsService,
  guard: AuthGuard,
  options: UploadsRouteOptions,
): void {
  apiRoutes(
    app,
    guard,
  )({
    method: 'POST',
    url: '/api/uploads',
    summary: 'Upload 1–10 message attachments',
    description:
      'Field "files", ≤ 50 MB in total: images ≤ 5 MB re-encoded to WebP with a thumbnail, other allowlisted files ≤ 25 MB. Claim them with a message within 24 h.',
    tag: 'uploads',
    auth: 'required',
    upload: 'files',
    response: ZUploadResponse,
  })(async ({ request, viewer }) => {
    if (!request.isMultipart())
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Upload files as multipart/form-data (field "files").');
    // The server sets no request timeout, so a client that stops sending mid-body would keep its
    // upload slot for ever (and a few such clients every slot). A socket silent for this long is closed
    // by Node; the parser then fails, the upload is rolled back and the slot is freed.
    request.raw.setTimeout(options.idleTimeoutMs);
    try {
      const attachments = await uploads.upload(
        viewer.user.id,
        // The parser's cap is the largest file; the service applies the type-dependent limits below it.
        multipartFiles(request, {
          partBytes: ATTACHMENT_FILE_MAX_BYTES,
          maxFiles: ATTACHMENTS_PER_UPLOAD_MAX,
        }),
      );
      return { success: true, attachments };
    } finally {
      // The connection may be kept alive for other requests, which keep the server's own timeouts.
      request.raw.setTimeout(0);
    }
  });
}
