import { createServer, type Server } from 'node:http';
import { ZUploadResponse } from '@guftagu/contracts';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectApiError, startTestServer, type TestServer } from '../../../test/harness.js';
import { PDF, pngWithGps } from './uploads.fixtures.js';

const BUCKET = 'guftagu-test';
const CDN = 'https://cdn.example';

interface Received {
  method: string;
  path: string;
  contentType: string | undefined;
  body: Buffer;
}

/** A stand-in S3 endpoint that records requests (signing is verified in platform/storage's own suite). */
let double: Server;
let endpoint: string;
const received: Received[] = [];
let failPutsAfter = Number.POSITIVE_INFINITY;
let server: TestServer;

beforeAll(async () => {
  double = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        method: request.method ?? '',
        path: request.url ?? '',
        contentType: request.headers['content-type'],
        body: Buffer.concat(chunks),
      });
      const puts = received.filter((entry) => entry.method === 'PUT').length;
      if (request.method === 'PUT' && puts > failPutsAfter) {
        response.writeHead(503).end('<Error><Code>SlowDown</Code></Error>');
        return;
      }
      response.writeHead(request.method === 'DELETE' ? 204 : 200).end();
    });
  });
  await new Promise<void>((resolve) => double.listen(0, '127.0.0.1', resolve));
  const address = double.address();
  endpoint = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  server = await startTestServer({
    env: {
      S3_ENDPOINT: endpoint,
      S3_REGION: 'eu-test-1',
      S3_BUCKET: BUCKET,
      S3_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      S3_SECRET_ACCESS_KEY: 'secret',
      S3_PUBLIC_URL: CDN,
    },
  });
});

afterAll(async () => {
  await server?.close();
  await new Promise((resolve) => double.close(resolve));
});

describe('attachments on S3-compatible storage', () => {
  it('PUTs the re-encoded image, its thumbnail and the file under random keys, linked from the CDN', async () => {
    const user = await server.signUp();
    received.length = 0;
    const { attachments } = ZUploadResponse.parse(
      await user.api.uploadFiles([
        { name: 'photo.png', data: await pngWithGps(500, 400) },
        { name: 'doc.pdf', data: PDF },
      ]),
    );
    const puts = received.filter((entry) => entry.method === 'PUT');
    expect(puts.map((put) => put.path)).toEqual([
      expect.stringMatching(new RegExp(`^/${BUCKET}/attachments/[0-9a-f]{32}/photo\\.webp$`)),
      expect.stringMatching(new RegExp(`^/${BUCKET}/attachments/[0-9a-f]{32}/t/thumb\\.webp$`)),
      expect.stringMatching(new RegExp(`^/${BUCKET}/attachments/[0-9a-f]{32}/doc\\.pdf$`)),
    ]);
    // Non-images are stored as opaque bytes, so a bucket served to browsers offers them as downloads.
    expect(puts.map((put) => put.contentType)).toEqual([
      'image/webp',
      'image/webp',
      'application/octet-stream',
    ]);
    expect((await sharp(puts[0]?.body).metadata()).exif).toBeUndefined();
    expect(puts[2]?.body.equals(PDF)).toBe(true);

    const [image, pdf] = attachments;
    expect(image?.url).toBe(`${CDN}${puts[0]?.path.slice(BUCKET.length + 1)}`);
    expect(image?.thumbnailUrl).toBe(`${CDN}${puts[1]?.path.slice(BUCKET.length + 1)}`);
    expect(pdf).toMatchObject({
      url: `${CDN}${puts[2]?.path.slice(BUCKET.length + 1)}`,
      mimeType: 'application/pdf',
    });
  });

  it('answers 503 when the store fails midway and deletes the objects it had already written', async () => {
    const user = await server.signUp();
    received.length = 0;
    failPutsAfter = 2;
    try {
      await expectApiError(
        user.api.uploadFiles([
          { name: 'photo.png', data: await pngWithGps(100, 100) },
          { name: 'doc.pdf', data: PDF },
        ]),
        503,
        'SERVICE_UNAVAILABLE',
      );
    } finally {
      failPutsAfter = Number.POSITIVE_INFINITY;
    }
    const puts = received.filter((entry) => entry.method === 'PUT').map((entry) => entry.path);
    const deletes = received.filter((entry) => entry.method === 'DELETE').map((entry) => entry.path);
    expect(puts).toHaveLength(3);
    // Every key that was attempted is deleted, including the one whose PUT failed.
    expect(deletes.sort()).toEqual([...puts].sort());
    const rows = await server.db.query('select count(*) from attachments where owner_id = $1', [user.userId]);
    expect(Number(rows.rows[0].count)).toBe(0);
  });
});
