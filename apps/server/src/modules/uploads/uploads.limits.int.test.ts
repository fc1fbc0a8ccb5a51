import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type TAttachment, ZErrorEnvelope, ZUploadResponse } from '@guftagu/contracts';
import type { UploadFile } from '@guftagu/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eventually,
  expectApiError,
  type SignedUp,
  startTestServer,
  type TestServer,
} from '../../../test/harness.js';
import { rawMultipart } from './uploads.fixtures.js';

/** Small limits, so the quota and the slots are reached with a few bytes and requests. */
const BYTES_PER_DAY = 3000;
const PER_USER = 2;
const TOTAL = 3;

const text = (size: number, name = 'notes.txt'): UploadFile => ({ name, data: Buffer.alloc(size, 'a') });

const upload = async (user: SignedUp, files: UploadFile[]): Promise<TAttachment[]> =>
  ZUploadResponse.parse(await user.api.uploadFiles(files)).attachments;

interface HeldUpload {
  /** Sends the rest of the file and the closing boundary; resolves with the response. */
  finish(): Promise<{ status: number; json: unknown }>;
  /** Hangs up mid-body. */
  abort(): void;
  /** Settles when the server closes the connection or answers. */
  closed: Promise<void>;
}

/** An upload whose body is started but not finished, so the request stays in progress on the server. */
function holdUpload(target: TestServer, user: SignedUp): HeldUpload {
  const boundary = `----held${Math.random().toString(16).slice(2)}`;
  const { hostname, port } = new URL(target.url);
  const request = http.request({
    host: hostname,
    port,
    path: '/api/uploads',
    method: 'POST',
    headers: {
      authorization: `Bearer ${user.token}`,
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
  });
  const response = new Promise<{ status: number; json: unknown }>((resolve, reject) => {
    request.on('response', (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () =>
        resolve({ status: incoming.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString()) }),
      );
    });
    request.on('error', reject);
  });
  const closed = new Promise<void>((resolve) => {
    request.on('close', () => resolve());
  });
  response.catch(() => undefined);
  request.write(
    `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="held.txt"\r\n` +
      'Content-Type: text/plain\r\n\r\nhello ',
  );
  return {
    finish: () => {
      request.end(`world\n\r\n--${boundary}--\r\n`);
      return response;
    },
    abort: () => request.destroy(),
    closed,
  };
}

/** An upload request carrying no file: answered 400 once it gets a slot, 429 when it gets none. */
async function probe(target: TestServer, user: SignedUp) {
  const multipart = rawMultipart([{ disposition: 'name="note"', body: Buffer.from('x'), isField: true }]);
  const response = await fetch(`${target.url}/api/uploads`, {
    method: 'POST',
    headers: { authorization: `Bearer ${user.token}`, 'content-type': multipart.contentType },
    body: multipart.body,
  });
  return { status: response.status, json: (await response.json()) as unknown };
}

/**
 * Starts held uploads one after another, each only once the previous one has its slot, so they never
 * race each other (or a probe) for one.
 */
async function holdUploads(target: TestServer, users: SignedUp[]): Promise<HeldUpload[]> {
  const held: HeldUpload[] = [];
  for (const user of users) {
    const before = target.uploads.uploadsInProgress();
    held.push(holdUpload(target, user));
    await eventually(() => target.uploads.uploadsInProgress() === before + 1, 'the held upload has its slot');
  }
  return held;
}

describe('upload limits', () => {
  let server: TestServer;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'guftagu-upload-limits-'));
    server = await startTestServer({
      env: {
        DATA_DIR: dataDir,
        UPLOAD_RATE_LIMIT: '1000',
        UPLOAD_BYTES_PER_DAY: String(BYTES_PER_DAY),
        UPLOAD_CONCURRENCY_PER_USER: String(PER_USER),
        UPLOAD_CONCURRENCY_TOTAL: String(TOTAL),
      },
    });
  });

  afterAll(async () => {
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const storedObjects = (): number => {
    try {
      return readdirSync(path.join(dataDir, 'uploads', 'attachments'), {
        recursive: true,
        withFileTypes: true,
      }).filter((entry) => entry.isFile()).length;
    } catch {
      return 0;
    }
  };

  const rowCount = async (ownerId: string) =>
    Number(
      (await server.db.query('select count(*) from attachments where owner_id = $1', [ownerId])).rows[0]
        .count,
    );

  describe('byte quota', () => {
    it('stores up to the quota, then answers 429 with retryAfter and keeps nothing of the refused upload', async () => {
      const user = await server.signUp();
      await upload(user, [text(1000)]);
      await upload(user, [text(1500)]);
      const before = storedObjects();

      const refused = await expectApiError(upload(user, [text(1000)]), 429, 'RATE_LIMITED');
      expect(refused.envelope.details).toMatchObject({ limit: BYTES_PER_DAY });
      expect(refused.envelope.details?.retryAfter).toBeGreaterThan(0);
      expect(await rowCount(user.userId)).toBe(2);
      expect(storedObjects()).toBe(before);

      // Another user has a quota of their own.
      const other = await server.signUp();
      expect(await upload(other, [text(BYTES_PER_DAY)])).toHaveLength(1);
    });

    it('refuses a whole request whose later file passes the quota, and gives back what its earlier files used', async () => {
      const user = await server.signUp();
      await upload(user, [text(2500)]);
      const before = storedObjects();
      // 400 bytes fit, the next 1000 do not: the request is all or nothing.
      await expectApiError(upload(user, [text(400, 'a.txt'), text(1000, 'b.txt')]), 429, 'RATE_LIMITED');
      expect(await rowCount(user.userId)).toBe(1);
      expect(storedObjects()).toBe(before);
      // The 400 bytes were refunded: exactly the 500 left still fit.
      expect(await upload(user, [text(500)])).toHaveLength(1);
      // Now the quota is used up, and a request is refused before its body is even read.
      const exhausted = await expectApiError(upload(user, [text(1)]), 429, 'RATE_LIMITED');
      expect(exhausted.envelope.details?.retryAfter).toBeGreaterThan(0);
      expect(await rowCount(user.userId)).toBe(2);
    });
  });

  describe('uploads in progress', () => {
    it('lets one user have two uploads in progress and answers a third with 429; others may still upload', async () => {
      const user = await server.signUp();
      const held = await holdUploads(server, [user, user]);
      const busy = await probe(server, user);
      expect(busy.status).toBe(429);
      const envelope = ZErrorEnvelope.parse(busy.json);
      expect(envelope).toMatchObject({ code: 'RATE_LIMITED', details: { retryAfter: expect.any(Number) } });
      expect(envelope.error).toMatch(/other uploads/);

      // Someone else is not held up by this user's uploads.
      const other = await server.signUp();
      expect(await upload(other, [text(10)])).toHaveLength(1);

      // The held uploads finish normally, and their slots are free again.
      for (const request of held) {
        const { status, json } = await request.finish();
        expect(status).toBe(200);
        expect(ZUploadResponse.parse(json).attachments[0]?.name).toBe('held.txt');
      }
      expect(server.uploads.uploadsInProgress(user.userId)).toBe(0);
      expect((await probe(server, user)).status).toBe(400);
    });

    it('caps the uploads in progress on the server over all users', async () => {
      const [a, b, c] = [await server.signUp(), await server.signUp(), await server.signUp()];
      const held = await holdUploads(server, [a, a, b]);
      const busy = await probe(server, c);
      expect(busy.status).toBe(429);
      const envelope = ZErrorEnvelope.parse(busy.json);
      expect(envelope).toMatchObject({ code: 'RATE_LIMITED', details: { retryAfter: expect.any(Number) } });
      expect(envelope.error).toMatch(/in progress right now/);
      // b has only one upload in progress, but the server has none to spare either.
      await expectApiError(upload(b, [text(10)]), 429, 'RATE_LIMITED');

      // A slot is free again once its upload has been answered.
      expect((await held[2]?.finish())?.status).toBe(200);
      expect(await upload(c, [text(10)])).toHaveLength(1);
      for (const request of held.slice(0, 2)) expect((await request.finish()).status).toBe(200);
      expect(server.uploads.uploadsInProgress()).toBe(0);
    });

    it('frees the slot of a client that hangs up mid-upload, and keeps nothing of it', async () => {
      const user = await server.signUp();
      const [kept, dropped] = await holdUploads(server, [user, user]);
      expect((await probe(server, user)).status).toBe(429);
      dropped?.abort();
      await eventually(
        () => server.uploads.uploadsInProgress(user.userId) === 1,
        'the dropped upload let go',
      );
      expect((await probe(server, user)).status).toBe(400);
      expect((await kept?.finish())?.status).toBe(200);
      expect(await rowCount(user.userId)).toBe(1);
    });
  });
});

describe('an upload that goes silent', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      env: { UPLOAD_IDLE_TIMEOUT_SECONDS: '2', UPLOAD_CONCURRENCY_PER_USER: '1' },
    });
  });

  afterAll(async () => {
    await server?.close();
  });

  it('is cut off, so it cannot keep its slot for ever', async () => {
    const user = await server.signUp();
    const [stalled] = await holdUploads(server, [user]);
    // With one slot per user, the stalled upload first keeps the user's other requests out...
    expect((await probe(server, user)).status).toBe(429);
    // ...until the server closes its silent connection and the slot is free again.
    await stalled?.closed;
    await eventually(() => server.uploads.uploadsInProgress() === 0, 'the slot is free again');
    expect((await probe(server, user)).status).toBe(400);
    const { rows } = await server.db.query('select count(*) from attachments where owner_id = $1', [
      user.userId,
    ]);
    expect(Number(rows[0].count)).toBe(0);
  });
});
