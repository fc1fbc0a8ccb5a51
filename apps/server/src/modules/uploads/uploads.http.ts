import { ATTACHMENT_FILE_MAX_BYTES, ATTACHMENTS_PER_UPLOAD_MAX, ZUploadResponse } from '@guftagu/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { apiRoutes } from '../../http/api-route.js';
import type { AuthGuard } from '../../http/auth-guard.js';
import { AppError } from '../../platform/errors.js';
import type { IncomingFile } from './upload-intake.js';
import type { UploadsService } from './uploads.service.js';

/** The parser's hard per-part cap; the service applies the real, type-dependent limits below it. */
const PART_HARD_LIMIT = ATTACHMENT_FILE_MAX_BYTES;

/**
 * Maps the multipart parts to files. Text fields are ignored. The parser is allowed one file more
 * than the maximum, so an 11th file reaches the service and is refused as a 400 with a clear message
 * rather than the parser's generic limit error.
 */
async function* filesOf(request: FastifyRequest): AsyncGenerator<IncomingFile> {
  // `throwFileSizeLimit` is read by @fastify/multipart but missing from its option type; a part over
  // the cap is reported through `truncated` and turned into a 413 by the service.
  const options = {
    limits: { fileSize: PART_HARD_LIMIT, files: ATTACHMENTS_PER_UPLOAD_MAX + 1, fields: 10, parts: 25 },
    throwFileSizeLimit: false,
  };
  // The parser learns of a client hanging up only from its 'close' event, and is attached here, after
  // the service has awaited its limits (a Redis round trip): a close that came before would be missed
  // and the iteration would wait for ever, holding the user's upload slot.
  if (request.raw.destroyed)
    throw new AppError('BAD_REQUEST', 'The upload was cut off or malformed. Try again.');
  const parts = request.parts(options)[Symbol.asyncIterator]();
  for (;;) {
    const next = await parts.next().catch(toUploadError);
    if (next.done) return;
    const part = next.value;
    if (part.type !== 'file') continue;
    yield { fileName: part.filename, stream: part.file, isTruncated: () => part.file.truncated };
  }
}

/** The parser's own failures (limits, a malformed or cut-off body) as the envelope, never a 500. */
function toUploadError(error: unknown): never {
  if ((error as { code?: string }).code === 'FST_FILES_LIMIT')
    throw new AppError('VALIDATION_ERROR', `Send at most ${ATTACHMENTS_PER_UPLOAD_MAX} files at once.`, {
      field: 'files',
      limit: ATTACHMENTS_PER_UPLOAD_MAX,
    });
  if ((error as { statusCode?: number }).statusCode === 413)
    throw new AppError('PAYLOAD_TOO_LARGE', 'The upload has too many parts.');
  throw new AppError('BAD_REQUEST', 'The upload was cut off or malformed. Try again.');
}

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
      const attachments = await uploads.upload(viewer.user.id, filesOf(request));
      return { success: true, attachments };
    } finally {
      // The connection may be kept alive for other requests, which keep the server's own timeouts.
      request.raw.setTimeout(0);
    }
  });
}
