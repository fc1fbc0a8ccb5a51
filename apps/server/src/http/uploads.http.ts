import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { contentDisposition } from '../modules/uploads/file-names.js';
import { AppError } from '../platform/errors.js';
import { LOCAL_UPLOADS_PREFIX } from '../platform/storage/local-storage.js';

const CONTENT_TYPES: Record<string, string> = {
  '.webp': 'image/webp',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
};

/** Message attachments live under this key prefix; their name and type come from their row. */
const ATTACHMENTS_PREFIX = 'attachments/';

export interface ServedAttachment {
  kind: 'image' | 'file';
  mime: string;
  name: string;
}

export type FindAttachment = (key: string) => Promise<ServedAttachment | undefined>;

/**
 * Serves local-disk uploads. Names are ours (ids), paths are confined to the uploads root, and
 * anything that is not a known image type is sent as an attachment so a browser never renders it.
 * Every response is `nosniff` with a sandboxing CSP, so even a file a browser did open could run nothing.
 * Attachments are looked up by key: a swept or unknown one is a 404 even if its bytes still exist, and
 * non-images are downloads named after the sanitised upload name.
 */
export function registerUploadRoutes(
  app: FastifyInstance,
  root: string,
  findAttachment?: FindAttachment,
): void {
  const base = path.resolve(root);
  app.get(`${LOCAL_UPLOADS_PREFIX}*`, async (request, reply) => {
    const relative = (request.params as { '*': string })['*'];
    const file = path.resolve(base, relative);
    if (!file.startsWith(`${base}${path.sep}`)) throw new AppError('NOT_FOUND', 'File not found');
    const attachment = relative.startsWith(ATTACHMENTS_PREFIX)
      ? await findAttachment?.(relative).catch(() => undefined)
      : undefined;
    if (relative.startsWith(ATTACHMENTS_PREFIX) && !attachment)
      throw new AppError('NOT_FOUND', 'File not found');
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) throw new AppError('NOT_FOUND', 'File not found');
    void reply
      .header('content-length', String(info.size))
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox");
    if (attachment) {
      // Images (always our own re-encoded WebP) display inline; anything else is only ever a download.
      // The URL is a capability (128 random bits), so shared caches must not keep a copy.
      const isImage = attachment.kind === 'image';
      const type = attachment.mime.startsWith('text/')
        ? `${attachment.mime}; charset=utf-8`
        : attachment.mime;
      void reply
        .header('content-type', isImage ? 'image/webp' : type)
        .header('content-disposition', contentDisposition(isImage ? 'inline' : 'attachment', attachment.name))
        .header('cache-control', 'private, max-age=31536000, immutable');
      return reply.send(createReadStream(file));
    }
    const type = CONTENT_TYPES[path.extname(file).toLowerCase()];
    void reply
      .header('content-type', type ?? 'application/octet-stream')
      .header('cache-control', 'public, max-age=31536000, immutable');
    if (!type) void reply.header('content-disposition', 'attachment');
    return reply.send(createReadStream(file));
  });
}
