import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.js';
import type { IncomingFile } from './upload-intake.js';

const CUT_OFF_MESSAGE = 'The upload was cut off or malformed. Try again.';

export interface MultipartLimits {
  /** The parser's hard cap per file part; the caller applies its real limits at or below it. */
  partBytes: number;
  /** The most file parts a caller accepts; the parser is allowed one more (see `multipartFiles`). */
  maxFiles: number;
}

/**
 * The file parts of a multipart request, for every upload route (attachments, avatars): one parser
 * configuration and one mapping of its failures, so a malformed, cut-off or boundary-less body is a
 * 400 and a limit a 413 on every route, never a 500. Text fields are ignored. The parser is allowed one
 * file more than `maxFiles`, so the extra file reaches the caller, which refuses it with a clear 400
 * rather than the parser's generic limit error.
 */
export async function* multipartFiles(
  request: FastifyRequest,
  limits: MultipartLimits,
): AsyncGenerator<IncomingFile> {
  // `throwFileSizeLimit` is read by @fastify/multipart but missing from its option type; a part over
  // the cap is reported through `truncated` and turned into a 413 by the caller.
  const options = {
    limits: { fileSize: limits.partBytes, files: limits.maxFiles + 1, fields: 10, parts: 25 },
    throwFileSizeLimit: false,
  };
  // The parser learns of a client hanging up only from its 'close' event, and is attached here, after
  // the caller may have awaited its limits (a Redis round trip): a close that came before would be
  // missed and the iteration would wait for ever, holding the user's upload slot.
  if (request.raw.destroyed) throw new AppError('BAD_REQUEST', CUT_OFF_MESSAGE);
  const parts = request.parts(options)[Symbol.asyncIterator]();
  for (;;) {
    const next = await parts.next().catch((error: unknown) => toUploadError(error, limits.maxFiles));
    if (next.done) return;
    const part = next.value;
    if (part.type !== 'file') continue;
    yield { fileName: part.filename, stream: part.file, isTruncated: () => part.file.truncated };
  }
}

/** The parser's own failures (limits, a malformed or cut-off body) as the envelope, never a 500. */
function toUploadError(error: unknown, maxFiles: number): never {
  if ((error as { code?: string }).code === 'FST_FILES_LIMIT')
    throw new AppError('VALIDATION_ERROR', `Send at most ${maxFiles} files at once.`, {
      field: 'files',
      limit: maxFiles,
    });
  if ((error as { statusCode?: number }).statusCode === 413)
    throw new AppError('PAYLOAD_TOO_LARGE', 'The upload has too many parts.');
  throw new AppError('BAD_REQUEST', CUT_OFF_MESSAGE);
}

/** Refuses a body that is not multipart before the parser is asked to read it. */
export function assertMultipart(request: FastifyRequest, field: string): void {
  if (!request.isMultipart())
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `Upload as multipart/form-data (field "${field}").`);
}

/**
 * One file (the first file part, whatever its field name) read into memory up to `maxBytes`, for
 * single-file routes such as the avatar. The whole body is read to its end, so a body cut off after
 * the file is a 400 like any other malformed body, and a 413 always means the file really was too big.
 */
export async function readSingleUpload(
  request: FastifyRequest,
  options: { field: string; maxBytes: number },
): Promise<Buffer> {
  assertMultipart(request, options.field);
  let bytes: Buffer | undefined;
  let isTooLarge = false;
  let fileCount = 0;
  for await (const file of multipartFiles(request, { partBytes: options.maxBytes, maxFiles: 1 })) {
    fileCount += 1;
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of file.stream) {
        size += chunk.length;
        // Past the limit the rest is read and dropped, so the client gets a clean 413, not a reset.
        if (size <= options.maxBytes) chunks.push(chunk);
      }
    } catch {
      // The stream fails only when the body is cut off or malformed.
      throw new AppError('BAD_REQUEST', CUT_OFF_MESSAGE);
    }
    if (size > options.maxBytes || file.isTruncated()) isTooLarge = true;
    else bytes = Buffer.concat(chunks, size);
  }
  if (fileCount > 1)
    throw new AppError('VALIDATION_ERROR', 'Send one file.', { field: options.field, limit: 1 });
  if (isTooLarge)
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `The file is larger than ${Math.round(options.maxBytes / 1024 / 1024)} MB.`,
      { limit: options.maxBytes },
    );
  if (!bytes)
    throw new AppError('VALIDATION_ERROR', `Attach a file in the "${options.field}" field.`, {
      field: options.field,
    });
  return bytes;
}
