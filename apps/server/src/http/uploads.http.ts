import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../platform/errors.js';
import { LOCAL_UPLOADS_PREFIX } from '../platform/storage/local-storage.js';

const CONTENT_TYPES: Record<string, string> = {
  '.webp': 'image/webp',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
};

/**
 * Serves local-disk uploads. Names are ours (ids), paths are confined to the uploads root, and
 * anything that is not a known image type is sent as an attachment so a browser never renders it.
 */
export function registerUploadRoutes(app: FastifyInstance, root: string): void {
  const base = path.resolve(root);
  app.get(`${LOCAL_UPLOADS_PREFIX}*`, async (request, reply) => {
    const relative = (request.params as { '*': string })['*'];
    const file = path.resolve(base, relative);
    if (!file.startsWith(`${base}${path.sep}`)) throw new AppError('NOT_FOUND', 'File not found');
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) throw new AppError('NOT_FOUND', 'File not found');
    const type = CONTENT_TYPES[path.extname(file).toLowerCase()];
    void reply
      .header('content-type', type ?? 'application/octet-stream')
      .header('content-length', String(info.size))
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('content-security-policy', "default-src 'none'; sandbox");
    if (!type) void reply.header('content-disposition', 'attachment');
    return reply.send(createReadStream(file));
  });
}
