import { randomBytes } from 'node:crypto';
import { ATTACHMENT_FILE_MAX_BYTES, ATTACHMENT_IMAGE_MAX_BYTES } from '@guftagu/contracts';
import { AppError } from '../../platform/errors.js';
import type { ImageKind } from '../../platform/storage/images.js';
import { sanitizeFileName, storageSlug, withExtension } from './file-names.js';
import { extensionOf, fileTypeFor } from './file-types.js';
import { processImage } from './image-processing.js';

/** One stored object to write. */
export interface PreparedObject {
  key: string;
  body: Buffer;
  contentType: string;
}

/** A validated upload, ready to be written to storage and recorded. */
export interface PreparedFile {
  kind: 'image' | 'file';
  name: string;
  mime: string;
  width: number | null;
  height: number | null;
  file: PreparedObject;
  thumbnail: PreparedObject | null;
}

const MB = 1024 * 1024;

export function tooLargeError(image: ImageKind | undefined): AppError {
  return image
    ? new AppError('PAYLOAD_TOO_LARGE', `Images can be at most ${ATTACHMENT_IMAGE_MAX_BYTES / MB} MB.`, {
        limit: ATTACHMENT_IMAGE_MAX_BYTES,
      })
    : new AppError('PAYLOAD_TOO_LARGE', `Files can be at most ${ATTACHMENT_FILE_MAX_BYTES / MB} MB.`, {
        limit: ATTACHMENT_FILE_MAX_BYTES,
      });
}

/**
 * The object keys hold 128 random bits, so an attachment's URL cannot be guessed or enumerated (the
 * row id is a uuidv7, which is time-ordered and would be). Whoever holds the URL can fetch the file,
 * the same model as a CDN link: the URL is only ever sent to the two people in the conversation.
 */
function newObjectPrefix(): string {
  return `attachments/${randomBytes(16).toString('hex')}`;
}

/**
 * Decides what an uploaded file is from its bytes, then builds what gets stored. Images are always
 * re-encoded (the uploaded bytes are never stored); other files must be on the allowlist and carry
 * their format's signature. Non-images are stored as opaque bytes, so a bucket served straight to
 * browsers offers them as downloads and never renders them.
 */
export async function prepareFile(
  rawName: string | undefined,
  bytes: Buffer,
  image: ImageKind | undefined,
): Promise<PreparedFile> {
  const name = sanitizeFileName(rawName);
  const prefix = newObjectPrefix();
  if (image) {
    const processed = await processImage(bytes, image);
    const stored = withExtension(name, 'webp');
    return {
      kind: 'image',
      name: stored,
      mime: 'image/webp',
      width: processed.width,
      height: processed.height,
      file: { key: `${prefix}/${storageSlug(stored)}`, body: processed.body, contentType: 'image/webp' },
      thumbnail: { key: `${prefix}/t/thumb.webp`, body: processed.thumbnail, contentType: 'image/webp' },
    };
  }
  const type = fileTypeFor(extensionOf(name));
  if (!type?.matches(bytes.subarray(0, 4096)))
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `“${name}” is not a file type that can be sent.`, {
      name,
    });
  return {
    kind: 'file',
    name,
    mime: type.mime,
    width: null,
    height: null,
    file: { key: `${prefix}/${storageSlug(name)}`, body: bytes, contentType: 'application/octet-stream' },
    thumbnail: null,
  };
}
