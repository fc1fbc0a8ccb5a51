import sharp from 'sharp';
import { AppError } from '../errors.js';

export type ImageKind = 'jpeg' | 'png' | 'webp' | 'gif';

/** Identifies an image by its first bytes; the declared MIME type and file name are never trusted. */
export function sniffImage(bytes: Buffer): ImageKind | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (
    bytes.length >= 8 &&
    bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  )
    return 'png';
  if (
    bytes.length >= 12 &&
    bytes.toString('latin1', 0, 4) === 'RIFF' &&
    bytes.toString('latin1', 8, 12) === 'WEBP'
  )
    return 'webp';
  if (bytes.length >= 6 && /^GIF8[79]a$/.test(bytes.toString('latin1', 0, 6))) return 'gif';
  return undefined;
}

/**
 * Re-encodes an avatar: square crop to `size`, WebP, metadata (EXIF, GPS) dropped because sharp only
 * keeps it when asked to. Decoding runs in libvips with a pixel limit, so a decompression bomb fails.
 */
export async function renderAvatar(bytes: Buffer, size = 400): Promise<Buffer> {
  try {
    return await sharp(bytes, { limitInputPixels: 40_000_000, failOn: 'error' })
      .rotate()
      .resize(size, size, { fit: 'cover', position: 'attention' })
      .webp({ quality: 82 })
      .toBuffer();
  } catch {
    throw new AppError('UNPROCESSABLE', 'That image could not be read. Try another file.');
  }
}
