import sharp from 'sharp';

/** Test files for the uploads suites: real images made with sharp, and hand-made signatures for the rest. */

/** A PNG carrying EXIF with a GPS position and a camera note, as a phone photo would. */
export function pngWithGps(width = 1200, height = 800): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#2a6f97' } })
    .withExif({
      IFD0: { Make: 'SecretCam', Copyright: 'home address' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '51/1 30/1 0/1',
        GPSLongitudeRef: 'W',
        GPSLongitude: '0/1 7/1 0/1',
      },
    })
    .png()
    .toBuffer();
}

/** A JPEG stored sideways with EXIF orientation 6 (rotate 90° clockwise to view), like most phone photos. */
export function sidewaysJpeg(): Promise<Buffer> {
  return sharp({ create: { width: 600, height: 300, channels: 3, background: '#aa3355' } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

/** A two-frame animated GIF, 64×48 per frame. */
export async function animatedGif(): Promise<Buffer> {
  const frame = (color: string) =>
    sharp({ create: { width: 64, height: 48, channels: 3, background: color } })
      .raw()
      .toBuffer();
  const frames = Buffer.concat([await frame('#ff0000'), await frame('#0000ff')]);
  return sharp(frames, { raw: { width: 64, height: 96, channels: 3, pageHeight: 48 } })
    .gif({ loop: 0, delay: [100, 100] })
    .toBuffer();
}

export const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);
export const HTML = Buffer.from(
  '<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>',
);
export const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>');
/** The DOS header every Windows executable starts with. */
export const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), Buffer.alloc(120)]);

/** A file that starts like `head` and is padded with zeros to exactly `size` bytes. */
export function padded(head: Buffer, size: number): Buffer {
  const body = Buffer.alloc(size);
  head.copy(body);
  return body;
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * A multipart body built by hand, for what `FormData` would escape: a part header with an RFC 5987
 * `filename*` that decodes to control characters.
 */
export function rawMultipart(parts: { disposition: string; body: Buffer; isField?: boolean }[]): {
  body: Buffer;
  contentType: string;
} {
  const boundary = `----guftagu${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; ${part.disposition}\r\n${
          part.isField ? '' : 'Content-Type: application/octet-stream\r\n'
        }\r\n`,
      ),
      part.body,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}
