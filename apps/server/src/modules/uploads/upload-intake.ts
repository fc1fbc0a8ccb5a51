import { ATTACHMENT_FILE_MAX_BYTES, ATTACHMENT_IMAGE_MAX_BYTES } from '@guftagu/contracts';
import { type ImageKind, sniffImage } from '../../platform/storage/images.js';

/** One file part of a multipart request, as the transport hands it over. */
export interface IncomingFile {
  /** The client's file name: untrusted, sanitised before use. */
  fileName: string | undefined;
  stream: AsyncIterable<Buffer>;
  /** True once the parser cut the part at its hard byte limit. */
  isTruncated: () => boolean;
}

export type ReadOutcome =
  | { status: 'ok'; bytes: Buffer; image: ImageKind | undefined }
  | { status: 'too_large'; image: ImageKind | undefined }
  | { status: 'request_too_large' };

/** Enough bytes for every signature we check (ISO media puts `ftyp` at offset 4, RIFF types at 8). */
const HEAD_BYTES = 16;

/**
 * Reads one file into memory, up to its limit: 5 MB once the first bytes say image, 25 MB otherwise,
 * and never beyond what is left of the request's total. Past a limit the rest of the part is read and
 * dropped (not kept), so the parser can move on and the client receives a clean 413 rather than a
 * reset connection. Only one file per request is held at a time.
 */
export async function readIncomingFile(file: IncomingFile, remainingInRequest: number): Promise<ReadOutcome> {
  const chunks: Buffer[] = [];
  let size = 0;
  let head: Buffer | undefined;
  let image: ImageKind | undefined;
  let limit = ATTACHMENT_FILE_MAX_BYTES;
  let overLimit = false;
  let overRequest = false;
  for await (const chunk of file.stream) {
    size += chunk.length;
    if (overLimit || overRequest) continue;
    chunks.push(chunk);
    if (!head && size >= HEAD_BYTES) {
      head = Buffer.concat(chunks);
      image = sniffImage(head);
      if (image) limit = ATTACHMENT_IMAGE_MAX_BYTES;
    }
    if (size > limit) overLimit = true;
    else if (size > remainingInRequest) overRequest = true;
    if (overLimit || overRequest) chunks.length = 0;
  }
  if (!head) image = sniffImage(Buffer.concat(chunks));
  if (overLimit || file.isTruncated()) return { status: 'too_large', image };
  if (overRequest) return { status: 'request_too_large' };
  return { status: 'ok', bytes: Buffer.concat(chunks, size), image };
}

/** Reads and discards a part the request will not use, so parsing can continue to the next one. */
export async function discardIncomingFile(file: IncomingFile): Promise<void> {
  for await (const _chunk of file.stream) {
    // Dropped on purpose.
  }
}
