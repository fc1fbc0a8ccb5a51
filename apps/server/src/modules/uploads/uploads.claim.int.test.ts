import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TAttachment } from '@guftagu/contracts';
import { drizzle } from 'drizzle-orm/node-postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SignedUp, startTestServer, type TestServer } from '../../../test/harness.js';
import type { Database } from '../../platform/db/client.js';
import { tables } from '../../platform/db/schema.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { MemoryKeyValueStore } from '../../platform/kv/memory-kv.js';
import { RateLimiter } from '../../platform/kv/rate-limit.js';
import { createLogger } from '../../platform/logger.js';
import { LocalStorage } from '../../platform/storage/local-storage.js';
import { PDF, pngWithGps } from './uploads.fixtures.js';
import { UploadsService } from './uploads.service.js';

let server: TestServer;
let dataDir: string;
let db: Database;
let kv: MemoryKeyValueStore;
/** A second instance on the same database and disk, as the messaging module holds it. */
let uploads: UploadsService;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'guftagu-claims-'));
  server = await startTestServer({ env: { DATA_DIR: dataDir } });
  db = drizzle(server.db, { schema: tables });
  kv = new MemoryKeyValueStore();
  uploads = new UploadsService({
    db,
    storage: new LocalStorage(path.join(dataDir, 'uploads')),
    limiter: new RateLimiter(kv),
    rateLimit: { limit: 1000, windowSeconds: 600 },
    kv,
    byteQuota: { limit: 1024 ** 3, windowSeconds: 86_400 },
    concurrency: { perUser: 10, total: 10 },
    logger: createLogger('silent'),
  });
});

afterAll(async () => {
  await kv?.close();
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const uploadNotes = async (user: SignedUp, count: number): Promise<TAttachment[]> =>
  (
    await user.api.uploadFiles(
      Array.from({ length: count }, (_, index) => ({
        name: `note-${index}.txt`,
        data: Buffer.from(`n${index}`),
      })),
    )
  ).attachments;

const claim = (ownerId: string, ids: string[], messageId = newId()) =>
  db.transaction((tx) => uploads.claimForMessage(tx, ownerId, ids, messageId));

/** Awaits a service call that must fail with an AppError of `code`. */
async function expectAppError(promise: Promise<unknown>, code: string): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
}

const messageIdOf = async (attachmentId: string): Promise<string | null> =>
  (await server.db.query('select message_id from attachments where id = $1', [attachmentId])).rows[0]
    ?.message_id ?? null;

describe('claimForMessage', () => {
  it('attaches the uploads to the message in the order given, and lists them in that order', async () => {
    const user = await server.signUp();
    const [first, second, third] = await uploadNotes(user, 3);
    const order = [third?.id, first?.id, second?.id] as string[];
    const messageId = newId();
    const claimed = await claim(user.userId, order, messageId);
    expect(claimed.map((attachment) => attachment.id)).toEqual(order);
    expect(claimed[0]).toEqual(third);

    const other = newId();
    const listed = await uploads.listForMessages(db, [messageId, other, 'not-a-uuid']);
    expect(listed.get(messageId)?.map((attachment) => attachment.id)).toEqual(order);
    expect(listed.has(other)).toBe(false);
  });

  it('claims nothing for an empty list', async () => {
    const user = await server.signUp();
    expect(await claim(user.userId, [])).toEqual([]);
  });

  it("refuses another user's upload as NOT_FOUND and leaves it unclaimed", async () => {
    const owner = await server.signUp();
    const thief = await server.signUp();
    const [attachment] = await uploadNotes(owner, 1);
    await expectAppError(claim(thief.userId, [attachment?.id ?? '']), 'NOT_FOUND');
    expect(await messageIdOf(attachment?.id ?? '')).toBeNull();
  });

  it('is all or nothing: one missing id fails the claim and the valid ones stay unclaimed', async () => {
    const user = await server.signUp();
    const [attachment] = await uploadNotes(user, 1);
    await expectAppError(claim(user.userId, [attachment?.id ?? '', newId()]), 'NOT_FOUND');
    expect(await messageIdOf(attachment?.id ?? '')).toBeNull();
  });

  it('refuses an upload already on a message with CONFLICT', async () => {
    const user = await server.signUp();
    const [attachment] = await uploadNotes(user, 1);
    const messageId = newId();
    await claim(user.userId, [attachment?.id ?? ''], messageId);
    await expectAppError(claim(user.userId, [attachment?.id ?? '']), 'CONFLICT');
    expect(await messageIdOf(attachment?.id ?? '')).toBe(messageId);
  });

  it('refuses duplicate, malformed and too many ids with VALIDATION_ERROR', async () => {
    const user = await server.signUp();
    const [attachment] = await uploadNotes(user, 1);
    const id = attachment?.id ?? '';
    await expectAppError(claim(user.userId, [id, id]), 'VALIDATION_ERROR');
    await expectAppError(claim(user.userId, ["1' or '1'='1"]), 'VALIDATION_ERROR');
    await expectAppError(
      claim(
        user.userId,
        Array.from({ length: 11 }, () => newId()),
      ),
      'VALIDATION_ERROR',
    );
    expect(await messageIdOf(id)).toBeNull();
  });

  it('lets exactly one of two concurrent claims of the same upload win', async () => {
    const user = await server.signUp();
    for (let round = 0; round < 5; round += 1) {
      const [shared, extra] = await uploadNotes(user, 2);
      const results = await Promise.allSettled([
        claim(user.userId, [shared?.id ?? '']),
        claim(user.userId, [extra?.id ?? '', shared?.id ?? '']),
      ]);
      const won = results.filter((result) => result.status === 'fulfilled');
      expect(won).toHaveLength(1);
      const lost = results.find((result) => result.status === 'rejected');
      expect((lost as PromiseRejectedResult).reason).toMatchObject({ code: 'CONFLICT' });
    }
  });
});

describe('purgeForMessages', () => {
  it('deletes the attachments of deleted messages with their files, and nothing else', async () => {
    const user = await server.signUp();
    const [image] = (await user.api.uploadFiles([{ name: 'p.png', data: await pngWithGps(30, 30) }]))
      .attachments;
    const [other] = await uploadNotes(user, 1);
    const deletedMessage = newId();
    const keptMessage = newId();
    await claim(user.userId, [image?.id ?? ''], deletedMessage);
    await claim(user.userId, [other?.id ?? ''], keptMessage);

    expect(await uploads.purgeForMessages([deletedMessage, 'junk'])).toBe(1);
    expect(existsSync(path.join(dataDir, image?.url ?? ''))).toBe(false);
    expect(existsSync(path.join(dataDir, image?.thumbnailUrl ?? ''))).toBe(false);
    expect((await fetch(`${server.url}${image?.url}`)).status).toBe(404);
    const listed = await uploads.listForMessages(db, [deletedMessage, keptMessage]);
    expect(listed.has(deletedMessage)).toBe(false);
    expect(listed.get(keptMessage)).toEqual([other]);
  });
});

describe('sweepUnclaimed', () => {
  it('deletes uploads left unclaimed for a day, with their files, and keeps claimed and recent ones', async () => {
    const user = await server.signUp();
    const [stale] = (await user.api.uploadFiles([{ name: 'old.png', data: await pngWithGps(60, 60) }]))
      .attachments;
    const [kept] = (await user.api.uploadFiles([{ name: 'sent.pdf', data: PDF }])).attachments;
    const [recent] = await uploadNotes(user, 1);
    await claim(user.userId, [kept?.id ?? '']);
    await server.db.query(
      `update attachments set created_at = now() - interval '25 hours' where id = any($1)`,
      [[stale?.id, kept?.id]],
    );
    const onDisk = (url: string | null | undefined) => existsSync(path.join(dataDir, url ?? ''));
    expect(onDisk(stale?.url)).toBe(true);
    expect(onDisk(stale?.thumbnailUrl)).toBe(true);

    expect(await uploads.sweepUnclaimed()).toBeGreaterThanOrEqual(1);

    const remaining = await server.db.query('select id from attachments where id = any($1)', [
      [stale?.id, kept?.id, recent?.id],
    ]);
    expect(remaining.rows.map((row) => row.id).sort()).toEqual([kept?.id, recent?.id].sort());
    expect(onDisk(stale?.url)).toBe(false);
    expect(onDisk(stale?.thumbnailUrl)).toBe(false);
    expect(onDisk(kept?.url)).toBe(true);
    expect((await fetch(`${server.url}${stale?.url}`)).status).toBe(404);
    // A stale upload can no longer be attached.
    await expectAppError(claim(user.userId, [stale?.id ?? '']), 'NOT_FOUND');
    // Sweeping again finds nothing new.
    expect(await uploads.sweepUnclaimed()).toBe(0);
  });
});
