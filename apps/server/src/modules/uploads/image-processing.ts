import sharp from 'sharp';
import { AppError } from '../../platform/errors.js';
import type { ImageKind } from '../../platform/storage/images.js';

/** Longest side of a stored image; phone photos are larger than any chat bubble needs. */
export const IMAGE_MAX_DIMENSION = 2048;
export const THUMBNAIL_MAX_DIMENSION = 320;
/** libvips refuses to decode more pixels than this, so a decompression bomb fails instead of filling RAM. */
const MAX_INPUT_PIXELS = 40_000_000;

export interface ProcessedImage {
  body: Buffer;
  thumbnail: Buffer;
  width: number;
  height: number;
}

/**
 * Re-encodes an uploaded image to WebP. The uploaded bytes are never stored: the output carries no
 * metadata (EXIF, GPS, XMP, ICC comments), because sharp only copies metadata when asked with
 * `withMetadata`/`keepMetadata`. Photos are turned upright from their EXIF orientation before it is
 * dropped. An animated GIF stays animated (as animated WebP, every frame resized the same way); its
 * thumbnail is the first frame.
 */
export async function processImage(bytes: Buffer, kind: ImageKind): Promise<ProcessedImage> {
  const animated = kind === 'gif' || kind === 'webp';
  try {
    const source = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error', animated });
    const { data, info } = await source
      .rotate()
      .resize(IMAGE_MAX_DIMENSION, IMAGE_MAX_DIMENSION, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 82, effort: 4 })
      .toBuffer({ resolveWithObject: true });
    const thumbnail = await sharp(data, { failOn: 'error' })
      .resize(THUMBNAIL_MAX_DIMENSION, THUMBNAIL_MAX_DIMENSION, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 70 })
      .toBuffer();
    // For an animation `info.height` is every frame stacked; a frame's height is `pageHeight`.
    const height = (info as { pageHeight?: number }).pageHeight ?? info.height;
    return { body: data, thumbnail, width: info.width, height };
  } catch {
    throw new AppError('UNPROCESSABLE', 'That image could not be read. Try another file.');
  }
}
