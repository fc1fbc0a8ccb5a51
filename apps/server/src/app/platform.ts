import path from 'node:path';
import { Redis } from 'ioredis';
import type { Env } from '../env.js';
import { isProduction } from '../env.js';
import { connectDatabase, type DatabaseHandle, runMigrations } from '../platform/db/client.js';
import { newId } from '../platform/ids.js';
import type { KeyValueStore, MessageBus } from '../platform/kv/kv.js';
import { MemoryMessageBus } from '../platform/kv/memory-bus.js';
import { MemoryKeyValueStore } from '../platform/kv/memory-kv.js';
import { RateLimiter } from '../platform/kv/rate-limit.js';
import { RedisKeyValueStore, RedisMessageBus } from '../platform/kv/redis-kv.js';
import type { Logger } from '../platform/logger.js';
import { BrevoMailer } from '../platform/mail/brevo.js';
import { DevOutboxMailer } from '../platform/mail/dev-outbox.js';
import { type Mailer, parseMailAddress } from '../platform/mail/mailer.js';
import { SmtpMailer } from '../platform/mail/smtp.js';
import { LocalStorage } from '../platform/storage/local-storage.js';
import { S3Storage } from '../platform/storage/s3-storage.js';
import type { ObjectStorage } from '../platform/storage/storage.js';
import { MemoryOnlineCounter, type OnlineCounter, RedisOnlineCounter } from '../realtime/online-count.js';

/** What every module builds on: one node's database, shared state, mail and file storage. */
export interface Platform {
  database: DatabaseHandle;
  nodeId: string;
  kv: KeyValueStore;
  bus: MessageBus;
  counter: OnlineCounter;
  limiter: RateLimiter;
  mailer: Mailer;
  storage: ObjectStorage;
  /** Set with REDIS_URL: `client` for commands, `adapter` for Socket.IO's streams adapter. */
  redis: { client: Redis; adapter: Redis; prefix: string } | undefined;
}

function waitUntilReady(connection: Redis): Promise<void> {
  if (connection.status === 'ready') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('Redis did not become ready within 10 s (REDIS_URL)')),
      10_000,
    );
    connection.once('ready', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

function createMailer(env: Env, logger: Logger): Mailer {
  const sender = parseMailAddress(env.MAIL_FROM);
  if (env.BREVO_API_KEY)
    return new BrevoMailer({ apiKey: env.BREVO_API_KEY, apiUrl: env.BREVO_API_URL, sender });
  if (env.SMTP_URL) return new SmtpMailer(env.SMTP_URL, sender);
  if (isProduction(env)) throw new Error('Production needs BREVO_API_KEY or SMTP_URL to send sign-in codes');
  return new DevOutboxMailer(logger);
}

function createStorage(env: Env): ObjectStorage {
  if (env.S3_ENDPOINT && env.S3_BUCKET && env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY) {
    return new S3Storage({
      endpoint: env.S3_ENDPOINT,
      region: env.S3_REGION,
      bucket: env.S3_BUCKET,
      accessKeyId: env.S3_ACCESS_KEY_ID,
      secretAccessKey: env.S3_SECRET_ACCESS_KEY,
      ...(env.S3_PUBLIC_URL ? { publicUrl: env.S3_PUBLIC_URL } : {}),
    });
  }
  return new LocalStorage(path.resolve(env.DATA_DIR, 'uploads'));
}

/**
 * Connects and migrates the database, then picks in-process or Redis-backed shared state. Each
 * resource's shutdown is handed to `onClose` as soon as it exists, so a failed boot undoes itself.
 */
export async function createPlatform(
  options: { env: Env; logger: Logger; databaseUrl: string },
  onClose: (closer: () => Promise<unknown>) => void,
): Promise<Platform> {
  const { env, logger } = options;
  const database = connectDatabase(options.databaseUrl);
  onClose(() => database.close());
  await runMigrations(database);

  const nodeId = newId();
  let kv: KeyValueStore;
  let bus: MessageBus;
  let counter: OnlineCounter;
  let redis: Platform['redis'];
  if (env.REDIS_URL) {
    const client = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 3 });
    const subscriber = new Redis(env.REDIS_URL);
    const adapter = new Redis(env.REDIS_URL);
    const connections = [client, subscriber, adapter];
    for (const connection of connections)
      connection.on('error', (error) => logger.warn({ err: error }, 'redis error'));
    onClose(async () =>
      Promise.all(connections.map((connection) => connection.quit().catch(() => connection.disconnect()))),
    );
    // A subscriber that issues SUBSCRIBE before its ready check runs ends up half-broken in ioredis;
    // waiting for every connection also fails the boot early when Redis is unreachable.
    await Promise.all(connections.map((connection) => waitUntilReady(connection)));
    redis = { client, adapter, prefix: env.REDIS_PREFIX };
    kv = new RedisKeyValueStore(client, env.REDIS_PREFIX);
    bus = new RedisMessageBus(client, subscriber, env.REDIS_PREFIX, (error) =>
      logger.warn({ err: error }, 'bad bus message'),
    );
    counter = new RedisOnlineCounter(client, nodeId, `${env.REDIS_PREFIX}:online`);
  } else {
    kv = new MemoryKeyValueStore();
    bus = new MemoryMessageBus();
    counter = new MemoryOnlineCounter();
  }
  onClose(() => kv.close());
  onClose(() => bus.close());
  onClose(() => counter.close());

  const mailer = createMailer(env, logger);
  onClose(() => mailer.close());
  return {
    database,
    nodeId,
    kv,
    bus,
    counter,
    limiter: new RateLimiter(kv),
    mailer,
    storage: createStorage(env),
    redis,
  };
}
