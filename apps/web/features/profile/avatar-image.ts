/** Reading, cropping and compressing a chosen profile photo, outside React. */
/** Pictures the server accepts, before our own compression. */
export const AVATAR_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
export const AVATAR_MAX_BYTES = 5 * 1024 * 1024;
/** The server stores 400×400; sending exactly that keeps uploads tiny. */
const OUTPUT_SIZE = 400;
const TARGET_BYTES = 1024 * 1024;
export const MAX_ZOOM = 4;
export const PREVIEW_SIZE = 72;

/** Why a chosen file can't be used, or null when it can. */
export function avatarFileProblem(file: File): string | null {
  if (!AVATAR_TYPES.includes(file.type)) return 'Choose a JPG, PNG or WebP image.';
  if (file.size > AVATAR_MAX_BYTES) return 'That image is larger than 5 MB. Choose a smaller one.';
  return null;
}

export interface Crop {
  zoom: number;
  x: number;
  y: number;
}

function toBlob(canvas: HTMLCanvasElement, type: string, quality: number): Promise<Blob | null> {
  return new Promise((resolve) => canvas.toBlob(resolve, type, quality));
}

/** Draws the visible square at 400×400 and compresses it (WebP, JPEG where WebP can't be encoded). */
export async function renderCrop(image: HTMLImageElement, viewport: number, crop: Crop): Promise<Blob> {
  const scale = coverScale(image, viewport) * crop.zoom;
  const size = viewport / scale;
  const sx = image.naturalWidth / 2 - (viewport / 2 + crop.x) / scale;
  const sy = image.naturalHeight / 2 - (viewport / 2 + crop.y) / scale;

  const canvas = document.createElement('canvas');
  canvas.width = OUTPUT_SIZE;
  canvas.height = OUTPUT_SIZE;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('Your browser can’t edit images here.');
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'high';
  // The surface colour behind transparent pixels (JPEG has no alpha); canvas cannot read CSS tokens.
  context.fillStyle = '#0a0a10';
  context.fillRect(0, 0, OUTPUT_SIZE, OUTPUT_SIZE);
  context.drawImage(image, sx, sy, size, size, 0, 0, OUTPUT_SIZE, OUTPUT_SIZE);

  let type = 'image/webp';
  for (const quality of [0.9, 0.8, 0.7, 0.55, 0.4]) {
    let blob = await toBlob(canvas, type, quality);
    if (blob && blob.type !== type) {
      type = 'image/jpeg';
      blob = await toBlob(canvas, type, quality);
    }
    if (blob && blob.size <= TARGET_BYTES) return blob;
  }
  throw new Error('We couldn’t compress that image. Try another one.');
}

export function coverScale(image: HTMLImageElement, viewport: number): number {
  return Math.max(viewport / image.naturalWidth, viewport / image.naturalHeight);
}

export function clamp(crop: Crop, image: HTMLImageElement, viewport: number): Crop {
  const scale = coverScale(image, viewport) * crop.zoom;
  const maxX = Math.max(0, (image.naturalWidth * scale - viewport) / 2);
  const maxY = Math.max(0, (image.naturalHeight * scale - viewport) / 2);
  return {
    zoom: crop.zoom,
    x: Math.min(maxX, Math.max(-maxX, crop.x)),
    y: Math.min(maxY, Math.max(-maxY, crop.y)),
  };
}
