import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { AppError } from '../../platform/errors.js';
import { LOCAL_UPLOADS_PREFIX } from '../../platform/storage/local-storage.js';
import { SAFE_KEY } from '../../platform/storage/storage.js';
import { contentDisposition } from './file-names.js';

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
    const requested = (request.params as { '*': string })['*'];
    const file = path.resolve(base, requested);
    const key = storageKeyOf(base, file);
    if (!key) throw new AppError('NOT_FOUND', 'File not found');
    // The gate runs on the key of the file that would be sent, never on the URL as written: `./`, `//`,
    // `%2e` or an encoded slash name the same file, so they must reach the same row lookup.
    const attachment = key.startsWith(ATTACHMENTS_PREFIX)
      ? await findAttachment?.(key).catch(() => undefined)
      : undefined;
    if (key.startsWith(ATTACHMENTS_PREFIX) && !attachment) throw new AppError('NOT_FOUND', 'File not found');
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) throw new AppError('NOT_FOUND', 'File not found');
    const range = parseByteRange(request.headers.range, info.size);
    if (range === 'unsatisfiable')
      return reply.status(416).header('content-range', `bytes */${info.size}`).send();
    void reply
      .header('accept-ranges', 'bytes')
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
      return sendFile(reply, file, info.size, range);
    }
    const type = CONTENT_TYPES[path.extname(file).toLowerCase()];
    void reply
      .header('content-type', type ?? 'application/octet-stream')
      .header('cache-control', 'public, max-age=31536000, immutable');
    if (!type) void reply.header('content-disposition', 'attachment');
    return sendFile(reply, file, info.size, range);
  });
}

/**
 * The storage key of a resolved file under `base` (posix separators), or undefined when the file is
 * outside the root or its key is not one we could have written (`assertSafeKey`'s rules). Keys are
 * lower-case, so on a case-insensitive disk `ATTACHMENTS/…` cannot reach an attachment past the gate.
 */
export function storageKeyOf(base: string, file: string): string | undefined {
  const relative = path.relative(base, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  const key = relative.split(path.sep).join('/');
  return SAFE_KEY.test(key) && !key.includes('..') ? key : undefined;
}

interface ByteRange {
  start: number;
  end: number;
}

/**
 * One `bytes=` range (what media elements send to seek); several ranges or a malformed header are
 * ignored and the whole file is sent, as RFC 9110 allows.
 */
function parseByteRange(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | undefined {
  const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  const [first, last] = [match[1] ?? '', match[2] ?? ''];
  const start = first === '' ? Math.max(0, size - Number(last)) : Number(first);
  const end = first === '' || last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (!Number.isSafeInteger(start) || start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

function sendFile(reply: FastifyReply, file: string, size: number, range: ByteRange | undefined) {
  if (!range) return reply.header('content-length', String(size)).send(createReadStream(file));
  return reply
    .status(206)
    .header('content-range', `bytes ${range.start}-${range.end}/${size}`)
    .header('content-length', String(range.end - range.start + 1))
    .send(createReadStream(file, { start: range.start, end: range.end }));
}
