import { z } from 'zod';

/**
 * Uploaded files attached to messages (seed 000 DMs, seeds 003/004 media messages). A file is uploaded
 * first (`POST /api/uploads`), then claimed by exactly one message of its uploader.
 */

export const ATTACHMENT_IMAGE_MAX_BYTES = 5 * 1024 * 1024;
export const ATTACHMENT_FILE_MAX_BYTES = 25 * 1024 * 1024;
export const ATTACHMENTS_PER_MESSAGE_MAX = 10;
/** One `POST /api/uploads` carries at most this many files and this many bytes of files in total. */
export const ATTACHMENTS_PER_UPLOAD_MAX = 10;
export const ATTACHMENT_UPLOAD_MAX_BYTES = 50 * 1024 * 1024;

/** Images are recognised by their bytes (any name); they are stored re-encoded as WebP. */
export const ATTACHMENT_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] as const;

/**
 * Every other file must have one of these extensions and, where the format has one, its signature.
 * Active content (HTML, SVG, XML, scripts, executables) is never accepted.
 */
export const ATTACHMENT_FILE_EXTENSIONS = [
  'pdf',
  'txt',
  'md',
  'csv',
  'zip',
  '7z',
  'docx',
  'xlsx',
  'pptx',
  'odt',
  'ods',
  'mp3',
  'ogg',
  'oga',
  'opus',
  'wav',
  'm4a',
  'mp4',
  'm4v',
  'mov',
  'webm',
] as const;
export type TAttachmentFileExtension = (typeof ATTACHMENT_FILE_EXTENSIONS)[number];

export const ZAttachmentKind = z.enum(['image', 'file']);

export const ZAttachment = z.object({
  id: z.uuid(),
  kind: ZAttachmentKind,
  /** Where the file is served from; images are re-encoded, so this is never the uploaded bytes. */
  url: z.string(),
  /** A small preview for images; null for other files. */
  thumbnailUrl: z.string().nullable(),
  mimeType: z.string(),
  size: z.number().int().nonnegative(),
  /** The uploaded file name, sanitised for display and Content-Disposition. */
  name: z.string(),
  width: z.number().int().positive().nullable(),
  height: z.number().int().positive().nullable(),
});
export type TAttachment = z.infer<typeof ZAttachment>;

export const ZUploadResponse = z.object({
  success: z.literal(true),
  attachments: z.array(ZAttachment),
});
export type TUploadResponse = z.infer<typeof ZUploadResponse>;

export const ZAttachmentIds = z.array(z.uuid()).max(ATTACHMENTS_PER_MESSAGE_MAX);
