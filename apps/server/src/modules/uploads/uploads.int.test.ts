import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  ATTACHMENT_FILE_MAX_BYTES,
  ATTACHMENT_IMAGE_MAX_BYTES,
  type TAttachment,
  ZUploadResponse,
} from '@guftagu/contracts';
import type { UploadFile } from '@guftagu/sdk';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eventually,
  expectApiError,
  type SignedUp,
  startTestServer,
  type TestServer,
} from '../../../test/harness.js';
import {
  animatedGif,
  EXE,
  HTML,
  PDF,
  PNG_SIGNATURE,
  padded,
  pngWithGps,
  rawMultipart,
  SVG,
  sidewaysJpeg,
} from './uploads.fixtures.js';

const RATE_LIMIT = 6;
let server: TestServer;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'guftagu-uploads-'));
  server = await startTestServer({ env: { DATA_DIR: dataDir, UPLOAD_RATE_LIMIT: String(RATE_LIMIT) } });
});

afterAll(async () => {
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const upload = async (user: SignedUp, files: UploadFile[]): Promise<TAttachment[]> =>
  ZUploadResponse.parse(await user.api.uploadFiles(files)).attachments;

const fetchFile = async (url: string) => {
  const response = await fetch(`${server.url}${url}`);
  return { response, body: Buffer.from(await response.arrayBuffer()) };
};

/** Every object currently on disk under the attachments prefix. */
const storedObjects = (): string[] => {
  const root = path.join(dataDir, 'uploads', 'attachments');
  try {
    return readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.join(entry.parentPath, entry.name));
  } catch {
    return [];
  }
};

const rowCount = async (ownerId: string) =>
  Number(
    (await server.db.query('select count(*) from attachments where owner_id = $1', [ownerId])).rows[0].count,
  );

describe('POST /api/uploads: images', () => {
  it('re-encodes a PNG with EXIF GPS to a WebP without any metadata, with its size and a thumbnail', async () => {
    const user = await server.signUp();
    const png = await pngWithGps(3000, 2000);
    expect((await sharp(png).metadata()).exif).toBeDefined();

    const [attachment] = await upload(user, [{ name: 'holiday.png', data: png, type: 'image/png' }]);
    expect(attachment).toMatchObject({
      kind: 'image',
      mimeType: 'image/webp',
      name: 'holiday.webp',
      width: 2048,
      height: 1365,
    });

    const stored = await fetchFile(attachment?.url ?? '');
    expect(stored.response.status).toBe(200);
    expect(stored.response.headers.get('content-type')).toBe('image/webp');
    expect(stored.response.headers.get('content-disposition')).toMatch(/^inline;/);
    expect(stored.response.headers.get('x-content-type-options')).toBe('nosniff');
    const meta = await sharp(stored.body).metadata();
    expect(meta).toMatchObject({ format: 'webp', width: 2048, height: 1365 });
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(stored.body.includes('SecretCam')).toBe(false);
    expect(attachment?.size).toBe(stored.body.length);

    const thumbnail = await fetchFile(attachment?.thumbnailUrl ?? '');
    expect(thumbnail.response.status).toBe(200);
    expect(await sharp(thumbnail.body).metadata()).toMatchObject({ format: 'webp', width: 320, height: 213 });
  });

  it('turns a sideways phone photo upright before dropping its orientation tag', async () => {
    const user = await server.signUp();
    const [attachment] = await upload(user, [{ name: 'phone.jpg', data: await sidewaysJpeg() }]);
    expect(attachment).toMatchObject({ width: 300, height: 600 });
    const meta = await sharp((await fetchFile(attachment?.url ?? '')).body).metadata();
    expect(meta.orientation).toBeUndefined();
  });

  it('keeps a GIF animated (as animated WebP) and reports the size of one frame', async () => {
    const user = await server.signUp();
    const [attachment] = await upload(user, [{ name: 'wave.gif', data: await animatedGif() }]);
    expect(attachment).toMatchObject({ kind: 'image', width: 64, height: 48 });
    const meta = await sharp((await fetchFile(attachment?.url ?? '')).body, { animated: true }).metadata();
    expect(meta).toMatchObject({ format: 'webp', pages: 2, pageHeight: 48 });
  });

  it('decides by bytes, not by name: a PNG called report.pdf is stored as an image', async () => {
    const user = await server.signUp();
    const [attachment] = await upload(user, [{ name: 'report.pdf', data: await pngWithGps(40, 40) }]);
    expect(attachment).toMatchObject({ kind: 'image', name: 'report.webp' });
  });

  it('refuses an image over 5 MB with 413 and stores nothing', async () => {
    const user = await server.signUp();
    const big = padded(PNG_SIGNATURE, ATTACHMENT_IMAGE_MAX_BYTES + 1);
    const error = await expectApiError(
      upload(user, [{ name: 'big.png', data: big }]),
      413,
      'PAYLOAD_TOO_LARGE',
    );
    expect(error.envelope.details).toMatchObject({ limit: ATTACHMENT_IMAGE_MAX_BYTES });
    expect(await rowCount(user.userId)).toBe(0);
  });

  it('answers 422 for bytes that claim to be an image but do not decode', async () => {
    const user = await server.signUp();
    await expectApiError(
      upload(user, [{ name: 'broken.png', data: padded(PNG_SIGNATURE, 2000) }]),
      422,
      'UNPROCESSABLE',
    );
  });
});

describe('POST /api/uploads: other files', () => {
  it('stores a PDF and serves it as a download with nosniff, a sandbox CSP and the UTF-8 name', async () => {
    const user = await server.signUp();
    const [attachment] = await upload(user, [{ name: 'Résumé 2026.pdf', data: PDF }]);
    expect(attachment).toMatchObject({
      kind: 'file',
      mimeType: 'application/pdf',
      name: 'Résumé 2026.pdf',
      size: PDF.length,
      thumbnailUrl: null,
      width: null,
      height: null,
    });
    // The URL holds 128 random bits, not the (time-ordered, guessable) row id.
    expect(attachment?.url).toMatch(/^\/uploads\/attachments\/[0-9a-f]{32}\/resume-2026\.pdf$/);
    expect(attachment?.url).not.toContain(attachment?.id);

    const { response, body } = await fetchFile(attachment?.url ?? '');
    expect(response.status).toBe(200);
    expect(body.equals(PDF)).toBe(true);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="R_sum_ 2026.pdf"; filename*=UTF-8''R%C3%A9sum%C3%A9%202026.pdf`,
    );
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain('sandbox');
  });

  it('accepts several allowlisted files in one request and returns them in order', async () => {
    const user = await server.signUp();
    const attachments = await upload(user, [
      { name: 'notes.txt', data: Buffer.from('plain notes ✓\n') },
      { name: 'archive.zip', data: padded(Buffer.from('PK\x05\x06'), 22) },
      { name: 'voice.ogg', data: padded(Buffer.from('OggS'), 64) },
      { name: 'clip.mp4', data: padded(Buffer.from('\x00\x00\x00\x18ftypmp42', 'latin1'), 64) },
    ]);
    expect(attachments.map((file) => [file.name, file.mimeType])).toEqual([
      ['notes.txt', 'text/plain'],
      ['archive.zip', 'application/zip'],
      ['voice.ogg', 'audio/ogg'],
      ['clip.mp4', 'video/mp4'],
    ]);
    const text = await fetchFile(attachments[0]?.url ?? '');
    expect(text.response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(text.response.headers.get('content-disposition')).toMatch(/^attachment;/);
  });

  it.each([
    ['an HTML page renamed .png', 'cat.png', HTML],
    ['an HTML page renamed .txt', 'notes.txt', HTML],
    ['an HTML page', 'page.html', HTML],
    ['an SVG (it can carry script)', 'logo.svg', SVG],
    ['an executable', 'setup.exe', EXE],
    ['an executable renamed .pdf', 'invoice.pdf', EXE],
    ['an executable renamed .txt', 'readme.txt', EXE],
    ['a file without an extension', 'README', Buffer.from('hello')],
  ])('refuses %s with 415', async (_label, name, data) => {
    const user = await server.signUp();
    await expectApiError(upload(user, [{ name, data }]), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expect(await rowCount(user.userId)).toBe(0);
  });

  it('refuses a file over 25 MB with 413', async () => {
    const user = await server.signUp();
    await expectApiError(
      upload(user, [{ name: 'huge.pdf', data: padded(PDF, ATTACHMENT_FILE_MAX_BYTES + 1) }]),
      413,
      'PAYLOAD_TOO_LARGE',
    );
    expect(await rowCount(user.userId)).toBe(0);
  });

  it('refuses a request over 50 MB in total even when every file is within its limit', async () => {
    const user = await server.signUp();
    const file = padded(PDF, 20 * 1024 * 1024);
    const error = await expectApiError(
      upload(user, [
        { name: 'a.pdf', data: file },
        { name: 'b.pdf', data: file },
        { name: 'c.pdf', data: file },
      ]),
      413,
      'PAYLOAD_TOO_LARGE',
    );
    expect(error.message).toMatch(/in total/);
    expect(await rowCount(user.userId)).toBe(0);
  });
});

describe('POST /api/uploads: requests', () => {
  it('refuses 11 files with 400 and keeps none of the first ten', async () => {
    const user = await server.signUp();
    const files = Array.from({ length: 11 }, (_, index) => ({
      name: `n${index}.txt`,
      data: Buffer.from(`note ${index}`),
    }));
    const error = await expectApiError(upload(user, files), 400, 'VALIDATION_ERROR');
    expect(error.envelope.details).toMatchObject({ field: 'files', limit: 10 });
    expect(await rowCount(user.userId)).toBe(0);
  });

  it('refuses 25 files with the same 400', async () => {
    const user = await server.signUp();
    const files = Array.from({ length: 25 }, (_, index) => ({
      name: `n${index}.txt`,
      data: Buffer.from('x'),
    }));
    await expectApiError(upload(user, files), 400, 'VALIDATION_ERROR');
    expect(await rowCount(user.userId)).toBe(0);
  });

  it('answers malformed multipart bodies with the envelope, never a 500', async () => {
    const user = await server.signUp();
    const post = async (contentType: string, body: Buffer | string) => {
      const response = await fetch(`${server.url}/api/uploads`, {
        method: 'POST',
        headers: { authorization: `Bearer ${user.token}`, 'content-type': contentType },
        body,
      });
      return { status: response.status, body: (await response.json()) as { code: string } };
    };
    const file = rawMultipart([
      { disposition: 'name="files"; filename="a.txt"', body: Buffer.from('hello') },
    ]);
    // Cut off before the closing boundary.
    expect(await post(file.contentType, file.body.subarray(0, file.body.length - 20))).toMatchObject({
      status: 400,
      body: { code: 'BAD_REQUEST' },
    });
    expect((await post('multipart/form-data', file.body)).status).toBeLessThan(500);
    // Only text fields, no file.
    const fieldsOnly = rawMultipart([
      { disposition: 'name="files"', body: Buffer.from('not a file'), isField: true },
    ]);
    expect(await post(fieldsOnly.contentType, fieldsOnly.body)).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION_ERROR' },
    });
    const manyFields = rawMultipart(
      Array.from({ length: 30 }, (_, index) => ({
        disposition: `name="f${index}"`,
        body: Buffer.from('x'),
        isField: true,
      })),
    );
    expect(await post(manyFields.contentType, manyFields.body)).toMatchObject({
      status: 413,
      body: { code: 'PAYLOAD_TOO_LARGE' },
    });
    expect(await rowCount(user.userId)).toBe(0);
  });

  it('accepts exactly 10 files', async () => {
    const user = await server.signUp();
    const files = Array.from({ length: 10 }, (_, index) => ({
      name: `n${index}.txt`,
      data: Buffer.from(`note ${index}`),
    }));
    expect(await upload(user, files)).toHaveLength(10);
  });

  it('refuses a request without files, and a JSON body', async () => {
    const user = await server.signUp();
    await expectApiError(upload(user, []), 400, 'VALIDATION_ERROR');
    await expectApiError(
      user.api.request('POST', '/api/uploads', { files: [] }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
  });

  it('requires a signed-in user', async () => {
    await expectApiError(server.api().uploadFiles([{ name: 'a.pdf', data: PDF }]), 401, 'UNAUTHORIZED');
  });

  it('deletes the objects already written when a later file in the same request is refused', async () => {
    const user = await server.signUp();
    const before = storedObjects().length;
    await expectApiError(
      upload(user, [
        { name: 'ok.png', data: await pngWithGps(50, 50) },
        { name: 'ok.pdf', data: PDF },
        { name: 'bad.png', data: HTML },
      ]),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
    expect(storedObjects()).toHaveLength(before);
    expect(await rowCount(user.userId)).toBe(0);
  });

  it('deletes what it stored when the client hangs up in the middle of the request', async () => {
    const user = await server.signUp();
    const before = storedObjects().length;
    const boundary = '----guftaguhangup';
    const firstPart = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="a.pdf"\r\n\r\n`),
      PDF,
      Buffer.from(
        `\r\n--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="b.pdf"\r\n\r\n`,
      ),
      PDF.subarray(0, 8),
    ]);
    const { port } = new URL(server.url);
    const request = http.request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/api/uploads',
      headers: {
        authorization: `Bearer ${user.token}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': String(firstPart.length + 1_000_000),
      },
    });
    request.on('error', () => undefined);
    request.write(firstPart);
    await eventually(() => storedObjects().length > before, 'the first file is stored');
    request.destroy();
    await eventually(() => storedObjects().length === before, 'the stored file is deleted again');
    expect(await rowCount(user.userId)).toBe(0);
  });

  it('limits upload requests per user', async () => {
    const user = await server.signUp();
    for (let index = 0; index < RATE_LIMIT; index += 1)
      await upload(user, [{ name: 'a.txt', data: Buffer.from('a') }]);
    await expectApiError(upload(user, [{ name: 'a.txt', data: Buffer.from('a') }]), 429, 'RATE_LIMITED');
    // Another user is not affected.
    const other = await server.signUp();
    expect(await upload(other, [{ name: 'a.txt', data: Buffer.from('a') }])).toHaveLength(1);
  });
});

describe('file names', () => {
  const rawUpload = async (user: SignedUp, disposition: string, body: Buffer) => {
    const multipart = rawMultipart([{ disposition, body }]);
    const response = await fetch(`${server.url}/api/uploads`, {
      method: 'POST',
      headers: { authorization: `Bearer ${user.token}`, 'content-type': multipart.contentType },
      body: multipart.body,
    });
    const json: unknown = await response.json();
    expect(response.status, JSON.stringify(json)).toBe(200);
    return ZUploadResponse.parse(json).attachments[0] as TAttachment;
  };

  it('strips control characters and quotes so a name can neither add a parameter nor a header', async () => {
    const user = await server.signUp();
    const attachment = await rawUpload(
      user,
      `name="files"; filename*=UTF-8''evil%22%3B%20filename%3D%22x.html%00%1B%C2%85%E2%80%A8.pdf`,
      PDF,
    );
    expect(attachment.name).toBe('evil"; filename="x.html.pdf');
    const { response } = await fetchFile(attachment.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="evil__ filename=_x.html.pdf"; filename*=UTF-8''evil%22%3B%20filename%3D%22x.html.pdf`,
    );
  });

  it('never lets a line break reach a header: the parser drops such a part entirely', async () => {
    const user = await server.signUp();
    const multipart = rawMultipart([
      { disposition: `name="files"; filename*=UTF-8''a%0D%0ASet-Cookie%3A%20pwned%3D1.pdf`, body: PDF },
    ]);
    const response = await fetch(`${server.url}/api/uploads`, {
      method: 'POST',
      headers: { authorization: `Bearer ${user.token}`, 'content-type': multipart.contentType },
      body: multipart.body,
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('keeps only the base name of a path and drops bidi overrides that disguise an extension', async () => {
    const user = await server.signUp();
    const traversal = await rawUpload(
      user,
      'name="files"; filename="..\\..\\windows\\../../etc/passwd.txt"',
      Buffer.from('x'),
    );
    expect(traversal.name).toBe('passwd.txt');
    expect(traversal.url).toMatch(/^\/uploads\/attachments\/[0-9a-f]{32}\/passwd\.txt$/);
    const disguised = await rawUpload(
      user,
      `name="files"; filename*=UTF-8''invoice%E2%80%AEfdp.txt`,
      Buffer.from('x'),
    );
    expect(disguised.name).toBe('invoicefdp.txt');
  });

  it('drops leading dots (no hidden files) and calls a nameless file "file"', async () => {
    const user = await server.signUp();
    const attachment = await rawUpload(user, 'name="files"; filename="...notes.txt"', Buffer.from('x'));
    expect(attachment.name).toBe('notes.txt');
    const nameless = await rawUpload(user, 'name="files"; filename="  "', await pngWithGps(20, 20));
    expect(nameless.name).toBe('file.webp');
    await expectApiError(
      upload(user, [{ name: '...', data: Buffer.from('x') }]),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
  });
});

describe('serving', () => {
  it('answers 404 for an unknown attachment key and for paths outside the uploads folder', async () => {
    expect((await fetchFile(`/uploads/attachments/${'0'.repeat(32)}/a.pdf`)).response.status).toBe(404);
    expect((await fetchFile('/uploads/../../package.json')).response.status).toBe(404);
    expect((await fetchFile('/uploads/%2e%2e/%2e%2e/package.json')).response.status).toBe(404);
  });

  it('answers byte ranges, so audio and video can seek', async () => {
    const user = await server.signUp();
    const clip = padded(Buffer.from('\x00\x00\x00\x18ftypmp42', 'latin1'), 100);
    clip.fill(7, 50);
    const [attachment] = await upload(user, [{ name: 'clip.mp4', data: clip }]);
    const get = (range: string) => fetch(`${server.url}${attachment?.url}`, { headers: { range } });

    const head = await get('bytes=0-9');
    expect(head.status).toBe(206);
    expect(head.headers.get('content-range')).toBe('bytes 0-9/100');
    expect(Buffer.from(await head.arrayBuffer()).equals(clip.subarray(0, 10))).toBe(true);
    expect(head.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(head.headers.get('x-content-type-options')).toBe('nosniff');

    const tail = await get('bytes=-4');
    expect(tail.headers.get('content-range')).toBe('bytes 96-99/100');
    expect(Buffer.from(await tail.arrayBuffer()).equals(clip.subarray(96))).toBe(true);

    const beyond = await get('bytes=100-');
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe('bytes */100');
    // Several ranges or nonsense: the whole file, as the RFC allows.
    for (const range of ['bytes=0-1,4-5', 'lines=1-2', 'bytes=abc']) {
      const whole = await get(range);
      expect(whole.status).toBe(200);
      expect((await whole.arrayBuffer()).byteLength).toBe(100);
    }
  });

  it('stops serving an attachment once its row is gone, even if the bytes remain', async () => {
    const user = await server.signUp();
    const [attachment] = await upload(user, [{ name: 'a.pdf', data: PDF }]);
    await server.db.query('delete from attachments where id = $1', [attachment?.id]);
    expect((await fetchFile(attachment?.url ?? '')).response.status).toBe(404);
  });

  /** A GET with the path exactly as written: `fetch` would resolve `.` and `..` before sending. */
  const rawGet = (pathAsSent: string) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
      const { hostname, port } = new URL(server.url);
      const request = http.request({ host: hostname, port, path: pathAsSent }, (response) => {
        response.resume();
        resolve({ status: response.statusCode ?? 0, headers: response.headers });
      });
      request.on('error', reject);
      request.end();
    });

  /** Spellings of an attachment's URL that name the same file on disk. */
  const aliasesOf = (url: string): string[] => {
    const rest = url.slice('/uploads/attachments/'.length);
    return [
      `/uploads/./attachments/${rest}`,
      `/uploads/%2e/attachments/${rest}`,
      `/uploads/%2E/attachments/${rest}`,
      `/uploads//attachments/${rest}`,
      `/uploads/attachments//${rest}`,
      `/uploads/attachments%2F${rest}`,
      `/uploads/attachments/${rest.replace('/', '%2f')}`,
      `/uploads/avatars/../attachments/${rest}`,
      `/uploads/avatars/%2e%2e/attachments/${rest}`,
      `/uploads/attachments/./${rest}`,
    ];
  };

  it('looks the row up by the file it would send, however the path is spelled', async () => {
    const user = await server.signUp();
    const [attachment] = await upload(user, [{ name: 'notes.txt', data: Buffer.from('hello world\n') }]);
    const url = attachment?.url ?? '';
    expect((await rawGet(url)).status).toBe(200);
    // While the row exists a spelling is either refused or served with the row's headers (its name
    // and type), never as a generic file past the lookup.
    const served: string[] = [];
    for (const alias of aliasesOf(url)) {
      const response = await rawGet(alias);
      expect([200, 404], alias).toContain(response.status);
      if (response.status === 404) continue;
      served.push(alias);
      expect(response.headers['content-type'], alias).toBe('text/plain; charset=utf-8');
      expect(response.headers['content-disposition'], alias).toMatch(/^attachment; filename/);
    }
    // The spellings the router hands over as the same key do reach the lookup.
    expect(served).toEqual(expect.arrayContaining([aliasesOf(url)[0], aliasesOf(url)[1]]));
    // A swept row whose object delete failed: the bytes remain, but no spelling reaches them.
    await server.db.query('delete from attachments where id = $1', [attachment?.id]);
    expect((await rawGet(url)).status).toBe(404);
    for (const alias of aliasesOf(url)) expect((await rawGet(alias)).status, alias).toBe(404);
  });

  it('answers 404 for keys we could never have written', async () => {
    const user = await server.signUp();
    const [attachment] = await upload(user, [{ name: 'notes.txt', data: Buffer.from('hi\n') }]);
    const url = attachment?.url ?? '';
    for (const path of [
      url.replace('/uploads/attachments/', '/uploads/ATTACHMENTS/'),
      url.replace('/uploads/attachments/', '/uploads/attachments\\'),
      `${url}%00`,
      '/uploads/',
      '/uploads/.',
      '/uploads/%2e%2e',
      '/uploads/attachments',
    ])
      expect((await rawGet(path)).status, path).toBe(404);
  });
});
