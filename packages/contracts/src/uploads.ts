import { z } from 'zod';

/**
 * Uploaded files attached to messages (seed 000 DMs, seeds 003/004 media messages). A file is uploaded
 * first (`POST /api/uploads`), then claimed by exactly one message of its uploader.
 */

export const ATTACHMENT_IMAGE_MAX_BYTES = 5 * 1024 * 1024;
export const ATTACHMENT_FILE_MAX_BYTES = 25 * 1024 * 1024;
export const ATTACHMENTS_PER_MESSAGE_MAX = 10;

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
