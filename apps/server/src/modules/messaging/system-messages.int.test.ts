import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ZMessagesResponse, ZSendDmResponse } from '@guftagu/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  connectAuthed,
  expectApiError,
  recordEvents,
  startTestServer,
  type TestServer,
} from '../../../test/harness.js';
import { nonce } from '../../../test/messaging-helpers.js';
import { connectDatabase, type DatabaseHandle } from '../../platform/db/client.js';
import { MemoryKeyValueStore } from '../../platform/kv/memory-kv.js';
import { RateLimiter } from '../../platform/kv/rate-limit.js';
import { createLogger } from '../../platform/logger.js';
import { LocalStorage } from '../../platform/storage/local-storage.js';
import { createPublisher } from '../../realtime/publisher.js';
import { NotificationsService } from '../notifications/index.js';
import { UploadsService } from '../uploads/index.js';
import { createUsersService } from '../users/index.js';
import { Messaging } from './messaging.module.js';
import { systemAccount } from './system-account.js';

let server: TestServer;
let database: DatabaseHandle;
let messaging: Messaging;
let uploadsDir: string;

/** The server-side entry point (for later admin use), wired to the running test server's database and sockets. */
beforeAll(async () => {
  server = await startTestServer();
  database = connectDatabase(server.databaseUrl, 2);
  uploadsDir = mkdtempSync(path.join(tmpdir(), 'guftagu-dm-system-'));
  const logger = createLogger('silent');
  const kv = new MemoryKeyValueStore();
  const publisher = createPublisher(server.io);
  messaging = new Messaging({
    db: database.db,
    publisher,
    notifications: new NotificationsService(database.db, publisher),
    attachments: new UploadsService({
      db: database.db,
      storage: new LocalStorage(uploadsDir),
      limiter: new RateLimiter(kv),
      rateLimit: { limit: 10, windowSeconds: 60 },
      logger,
    }),
    kv,
    logger,
    systemUser: systemAccount(database.db, createUsersService(database.db, new Set())),
    limiter: new RateLimiter(kv),
    sendRateLimit: { limit: 50, windowSeconds: 10 },
  });
});
afterAll(async () => {
  messaging?.close();
  await database?.close();
  await server?.close();
  if (uploadsDir) rmSync(uploadsDir, { recursive: true, force: true });
});

describe('system messages', () => {
  it('come from the System account with messageType system, live and in history', async () => {
    const user = await server.signUp();
    const { socket } = await connectAuthed(server, user.token);
    const received = recordEvents(socket, 'dm_receive');
    const message = await messaging.sendSystemMessage(user.userId, 'Welcome to Guftagu!');
    expect(message).toMatchObject({
      messageType: 'system',
      content: 'Welcome to Guftagu!',
      recipientId: user.userId,
    });
    const live = await received.waitFor((payload) => payload.id === message.id);
    expect(live.from).toMatchObject({ username: 'System', displayName: 'System' });

    const again = await messaging.sendSystemMessage(user.userId, 'A second notice');
    expect(again.senderId).toBe(message.senderId);
    const history = await call(user.api, ZMessagesResponse, 'GET', `/api/messages/${message.senderId}`);
    expect(history.messages.map((entry) => entry.messageType)).toEqual(['system', 'system']);
  });

  it('cannot be sent, answered or imitated by users', async () => {
    const user = await server.signUp();
    const notice = await messaging.sendSystemMessage(user.userId, 'Policy update');
    await expectApiError(
      call(user.api, ZSendDmResponse, 'POST', '/api/messages/send', {
        to: notice.senderId,
        message: 'hi',
        nonce: nonce(),
      }),
      403,
      'DM_NOT_ALLOWED',
    );
    await expectApiError(
      user.api.request('PATCH', `/api/messages/by-id/${notice.id}`, { message: 'edited' }),
      403,
      'FORBIDDEN',
    );
    const friend = await server.signUp();
    const sent = await call(user.api, ZSendDmResponse, 'POST', '/api/messages/send', {
      to: friend.userId,
      message: 'pretending',
      nonce: nonce(),
      messageType: 'system',
    });
    expect(sent.message.messageType).toBe('text');
  });
});
