import { ATTACHMENT_UPLOAD_MAX_BYTES, ATTACHMENTS_PER_UPLOAD_MAX } from '@guftagu/contracts';
import { AppError } from '../../platform/errors.js';
import type { ObjectStorage } from '../../platform/storage/storage.js';
import { type PreparedFile, prepareFile, tooLargeError } from './prepare-file.js';
import { discardIncomingFile, type IncomingFile, readIncomingFile } from './upload-intake.js';

const MB = 1024 * 1024;

/**
 * Counts the bytes of one converted file against the uploader's quota before it is written; throws an
 * `AppError` (a 429) when they do not fit.
 */
export type ReserveBytes = (bytes: number) => Promise<void>;

/**
 * Reads, checks, converts and writes each file in turn, so one request holds at most one file in
 * memory. Every key is pushed to `written` before its write starts, so the caller can delete whatever
 * exists after a failure. Throws the first failure once the whole body has been read.
 */
export async function storeFiles(
  files: AsyncIterable<IncomingFile>,
  storage: ObjectStorage,
  written: string[],
  reserve: ReserveBytes,
): Promise<PreparedFile[]> {
  const prepared: PreparedFile[] = [];
  let total = 0;
  let failure: AppError | undefined;
  for await (const file of files) {
    // After a failure the remaining parts are still read (and dropped), so the client gets the
    // error as a normal response instead of a connection reset in the middle of its upload.
    if (failure) {
      await discardIncomingFile(file);
      continue;
    }
    if (prepared.length >= ATTACHMENTS_PER_UPLOAD_MAX) {
      await discardIncomingFile(file);
      failure = new AppError(
        'VALIDATION_ERROR',
        `Send at most ${ATTACHMENTS_PER_UPLOAD_MAX} files at once.`,
        {
          field: 'files',
          limit: ATTACHMENTS_PER_UPLOAD_MAX,
        },
      );
      continue;
    }
    const outcome = await readIncomingFile(file, ATTACHMENT_UPLOAD_MAX_BYTES - total).catch(() => {
      // The stream fails only when the body is cut off or malformed: the client's fault, and the
      // request cannot continue.
      throw new AppError('BAD_REQUEST', 'The upload was cut off or malformed. Try again.');
    });
    if (outcome.status === 'too_large') failure = tooLargeError(outcome.image);
    else if (outcome.status === 'request_too_large')
      failure = new AppError(
        'PAYLOAD_TOO_LARGE',
        `One upload can carry at most ${ATTACHMENT_UPLOAD_MAX_BYTES / MB} MB in total.`,
        { limit: ATTACHMENT_UPLOAD_MAX_BYTES },
      );
    else {
      total += outcome.bytes.length;
      try {
        const ready = await prepareFile(file.fileName, outcome.bytes, outcome.image);
        // What is stored counts (the re-encoded image and its thumbnail), not what was sent.
        await reserve(ready.file.body.length + (ready.thumbnail?.body.length ?? 0));
        for (const object of [ready.file, ready.thumbnail]) {
          if (!object) continue;
          // Recorded before the write, so a write that fails halfway is cleaned up as well.
          written.push(object.key);
          await storage.put(object.key, object.body, object.contentType);
        }
        prepared.push(ready);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        failure = error;
      }
    }
  }
  if (failure) throw failure;
  return prepared;
}
