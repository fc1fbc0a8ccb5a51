import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/harness.js';
import { AppError } from '../errors.js';
import { S3Storage } from './s3-storage.js';

const ACCESS_KEY = 'AKIDEXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const REGION = 'eu-test-1';
const BUCKET = 'guftagu-test';

interface Received {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
  signatureValid: boolean;
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();

/**
 * Recomputes the AWS Signature Version 4 the way S3 does (canonical request → string to sign →
 * derived key), independently of the client library, so a pass means S3 would accept the request.
 */
function verifySigV4(request: Received): boolean {
  const authorization = String(request.headers.authorization ?? '');
  const match =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(
      authorization,
    );
  if (!match) return false;
  const [, accessKey, date, region, signedHeaders, signature] = match as unknown as string[];
  if (accessKey !== ACCESS_KEY || region !== REGION) return false;
  const payloadHash = String(request.headers['x-amz-content-sha256']);
  if (payloadHash !== sha256(request.body)) return false;
  const names = (signedHeaders ?? '').split(';');
  const canonicalHeaders = names
    .map((name) => `${name}:${String(request.headers[name] ?? '').trim()}\n`)
    .join('');
  const [path, query = ''] = request.path.split('?');
  const canonicalRequest = [request.method, path, query, canonicalHeaders, signedHeaders, payloadHash].join(
    '\n',
  );
  const amzDate = String(request.headers['x-amz-date']);
  const scope = `${date}/${region}/s3/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonicalRequest)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${SECRET}`, date ?? ''), region ?? ''), 's3'), 'aws4_request');
  return createHmac('sha256', key).update(stringToSign).digest('hex') === signature;
}

let double: Server;
let endpoint: string;
const received: Received[] = [];
let failNext = 0;

beforeAll(async () => {
  double = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const entry: Received = {
        method: request.method ?? '',
        path: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks),
        signatureValid: false,
      };
      entry.signatureValid = verifySigV4(entry);
      received.push(entry);
      if (failNext > 0) {
        failNext -= 1;
        response.writeHead(503).end('<Error><Code>SlowDown</Code></Error>');
        return;
      }
      response.writeHead(entry.signatureValid ? (entry.method === 'DELETE' ? 204 : 200) : 403).end();
    });
  });
  await new Promise<void>((resolve) => double.listen(0, '127.0.0.1', resolve));
  const address = double.address();
  endpoint = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  await new Promise((resolve) => double.close(resolve));
});

describe('S3-compatible storage', () => {
  const storage = () =>
    new S3Storage({
      endpoint,
      region: REGION,
      bucket: BUCKET,
      accessKeyId: ACCESS_KEY,
      secretAccessKey: SECRET,
    });

  it('PUTs the object path-style with a valid SigV4 signature, the body hash and the content type', async () => {
    received.length = 0;
    await storage().put('avatars/u1/a.webp', Buffer.from('hello'), 'image/webp');
    const [put] = received;
    expect(put?.method).toBe('PUT');
    expect(put?.path).toBe(`/${BUCKET}/avatars/u1/a.webp`);
    expect(put?.headers['content-type']).toBe('image/webp');
    expect(put?.headers['x-amz-acl']).toBeUndefined();
    expect(put?.body.toString()).toBe('hello');
    expect(put?.signatureValid).toBe(true);
  });

  it('DELETEs with a valid signature and treats a missing object as deleted', async () => {
    received.length = 0;
    await storage().delete('avatars/u1/a.webp');
    expect(received[0]).toMatchObject({
      method: 'DELETE',
      path: `/${BUCKET}/avatars/u1/a.webp`,
      signatureValid: true,
    });
  });

  it('turns a store failure into SERVICE_UNAVAILABLE and refuses unsafe keys before sending', async () => {
    failNext = 1;
    await expect(storage().put('avatars/x.webp', Buffer.from('x'), 'image/webp')).rejects.toBeInstanceOf(
      AppError,
    );
    received.length = 0;
    await expect(storage().put('../etc/passwd', Buffer.from('x'), 'text/plain')).rejects.toThrow(/unsafe/);
    expect(received).toHaveLength(0);
  });

  it('maps its own public URLs back to keys and nothing else', () => {
    const s3 = new S3Storage({
      endpoint,
      region: REGION,
      bucket: BUCKET,
      accessKeyId: ACCESS_KEY,
      secretAccessKey: SECRET,
      publicUrl: 'https://cdn.example/',
    });
    expect(s3.publicUrl('avatars/a.webp')).toBe('https://cdn.example/avatars/a.webp');
    expect(s3.keyFromUrl('https://cdn.example/avatars/a.webp')).toBe('avatars/a.webp');
    expect(s3.keyFromUrl('https://elsewhere.example/avatars/a.webp')).toBeUndefined();
  });
});

describe('avatar uploads through a server configured for S3', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      env: {
        S3_ENDPOINT: endpoint,
        S3_REGION: REGION,
        S3_BUCKET: BUCKET,
        S3_ACCESS_KEY_ID: ACCESS_KEY,
        S3_SECRET_ACCESS_KEY: SECRET,
        S3_PUBLIC_URL: 'https://cdn.example',
      },
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  const upload = async (token: string, image: Buffer) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(image)], { type: 'image/jpeg' }), 'me.jpg');
    const response = await fetch(`${server.url}/api/user/profile-picture`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    return { status: response.status, body: (await response.json()) as { user: { profilePicture: string } } };
  };

  it('stores the re-encoded WebP in the bucket, links it from the CDN, and deletes the replaced one', async () => {
    const user = await server.signUp();
    const jpeg = await sharp({ create: { width: 900, height: 500, channels: 3, background: '#3355aa' } })
      .jpeg()
      .withMetadata({ exif: { IFD0: { Copyright: 'secret location' } } })
      .toBuffer();

    received.length = 0;
    const first = await upload(user.token, jpeg);
    expect(first.status).toBe(200);
    const put = received.find((request) => request.method === 'PUT');
    expect(put?.signatureValid).toBe(true);
    expect(put?.path).toMatch(new RegExp(`^/${BUCKET}/avatars/${user.userId}/[0-9a-f-]+\\.webp$`));
    const meta = await sharp(put?.body).metadata();
    expect(meta).toMatchObject({ format: 'webp', width: 400, height: 400 });
    expect(meta.exif).toBeUndefined();
    expect(first.body.user.profilePicture).toBe(`https://cdn.example${put?.path.slice(BUCKET.length + 1)}`);

    received.length = 0;
    await upload(user.token, jpeg);
    const deleted = received.find((request) => request.method === 'DELETE');
    expect(deleted?.path).toBe(
      `/${BUCKET}${first.body.user.profilePicture.slice('https://cdn.example'.length)}`,
    );
    expect(deleted?.signatureValid).toBe(true);
  });
});
