import path from 'node:path';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { Redis } from 'ioredis';
import { Server } from 'socket.io';
import type { Env } from './env.js';
import { isLoopbackHost, isProduction } from './env.js';
import { createHttpApp } from './http/app.js';
import { createAuthGuard } from './http/auth-guard.js';
import { registerPlatformRoutes } from './http/platform.http.js';
import { attachWeb, type WebOptions } from './http/web.js';
import {
  AccessTokens,
  AuthService,
  DEFAULT_OTP_POLICY,
  DEFAULT_PASSWORD_POLICY,
  type OtpPolicy,
  OtpService,
  type PasswordPolicy,
  registerAuthRoutes,
  SessionService,
} from './modules/auth/index.js';
import { createMatchmaking, type Matchmaking, splitUrls } from './modules/matchmaking/index.js';
import {
  Messaging,
  messagingSocketHandlers,
  registerMessagingRoutes,
  systemAccount,
} from './modules/messaging/index.js';
import {
  NotificationsService,
  notificationSocketHandlers,
  registerNotificationRoutes,
} from './modules/notifications/index.js';
import type { PresenceStore } from './modules/presence/index.js';
import {
  MemoryPresenceStore,
  PresenceService,
  presenceSocketHandlers,
  RedisPresenceStore,
} from './modules/presence/index.js';
import { registerSocialRoutes, SocialService, socialSocketHandlers } from './modules/social/index.js';
import { registerUploadRoutes, registerUploadsRoutes, UploadsService } from './modules/uploads/index.js';
import {
  createUsersService,
  findUserById,
  findUserByPublicId,
  findUserByUsername,
  markAllOffline,
  ProfileService,
  registerUserRoutes,
} from './modules/users/index.js';
import { connectDatabase, pingDatabase, runMigrations } from './platform/db/client.js';
import { newId } from './platform/ids.js';
import type { KeyValueStore, MessageBus } from './platform/kv/kv.js';
import { MemoryMessageBus } from './platform/kv/memory-bus.js';
import { MemoryKeyValueStore } from './platform/kv/memory-kv.js';
import { RateLimiter, type RateLimitRule } from './platform/kv/rate-limit.js';
import { RedisKeyValueStore, RedisMessageBus } from './platform/kv/redis-kv.js';
import type { Logger } from './platform/logger.js';
import { BrevoMailer } from './platform/mail/brevo.js';
import { DevOutboxMailer } from './platform/mail/dev-outbox.js';
import { type Mailer, parseMailAddress } from './platform/mail/mailer.js';
import { SmtpMailer } from './platform/mail/smtp.js';
import { LocalStorage } from './platform/storage/local-storage.js';
import { S3Storage } from './platform/storage/s3-storage.js';
import type { ObjectStorage } from './platform/storage/storage.js';
import { CountBroadcaster } from './realtime/count-broadcaster.js';
import { attachGateway, NO_UNREAD } from './realtime/gateway.js';
import { MemoryOnlineCounter, type OnlineCounter, RedisOnlineCounter } from './realtime/online-count.js';
import { createPublisher } from './realtime/publisher.js';
import type { GatewayServer } from './realtime/types.js';

export const VERSION = '0.1.0';

export interface ServerOptions {
  env: Env;
  logger: Logger;
  databaseUrl: string;
  jwtSecret: string;
  otpSecret: string;
  web: WebOptions | false;
  otpPolicy?: OtpPolicy;
  passwordPolicy?: PasswordPolicy;
  apiRateLimit?: RateLimitRule;
}

export interface RunningServer {
  url: string;
  port: number;
  io: GatewayServer;
  devOutbox: DevOutboxMailer | undefined;
  /** Video chat: settings the admin console edits at runtime, and the live queue for inspection. */
  matchmaking: Matchmaking;
  /** Direct messages; `sendSystemMessage` is the server-side entry point for admin tools. */
  messaging: Messaging;
  /** Attachments; `uploadsInProgress` shows the upload slots in use. */
  uploads: UploadsService;
  close: () => Promise<void>;
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

/** Hourly retention sweep (seed 000: notifications live 30 days). Idempotent, so every node may run it. */
const RETENTION_INTERVAL_MS = 3_600_000;

function allowedOrigins(env: Env, port: number): string[] {
  const configured = (env.CORS_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  const app = env.APP_URL
    ? [new URL(env.APP_URL).origin]
    : [`http://localhost:${port}`, `http://127.0.0.1:${port}`];
  return [...new Set([...app, ...configured])];
}

/**
 * Boots one app node: database (migrated), shared state (memory or Redis), HTTP API, Socket.IO
 * gateway and the web app, all on one port. Returns a handle whose `close` undoes it in reverse.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { env, logger } = options;
  const closers: Array<() => Promise<unknown>> = [];
  const close = async () => {
    for (const closer of closers.reverse())
      await closer().catch((error) => logger.error({ err: error }, 'shutdown step failed'));
  };

  try {
    const database = connectDatabase(options.databaseUrl);
    closers.push(() => database.close());
    await runMigrations(database);

    let kv: KeyValueStore;
    let bus: MessageBus;
    let counter: OnlineCounter;
    let presenceStore: PresenceStore;
    let redis: Redis | undefined;
    let adapterRedis: Redis | undefined;
    const nodeId = newId();
    if (env.REDIS_URL) {
      redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 3 });
      const subscriber = new Redis(env.REDIS_URL);
      adapterRedis = new Redis(env.REDIS_URL);
      const connections = [redis, subscriber, adapterRedis];
      for (const connection of connections)
        connection.on('error', (error) => logger.warn({ err: error }, 'redis error'));
      closers.push(async () =>
        Promise.all(connections.map((connection) => connection.quit().catch(() => connection.disconnect()))),
      );
      // A subscriber that issues SUBSCRIBE before its ready check runs ends up half-broken in ioredis;
      // waiting for every connection also fails the boot early when Redis is unreachable.
      await Promise.all(connections.map((connection) => waitUntilReady(connection)));
      kv = new RedisKeyValueStore(redis, env.REDIS_PREFIX);
      bus = new RedisMessageBus(redis, subscriber, env.REDIS_PREFIX, (error) =>
        logger.warn({ err: error }, 'bad bus message'),
      );
      counter = new RedisOnlineCounter(redis, nodeId, `${env.REDIS_PREFIX}:online`);
      presenceStore = new RedisPresenceStore(
        redis,
        env.REDIS_PREFIX,
        nodeId,
        `${env.REDIS_PREFIX}:online:alive:`,
      );
    } else {
      kv = new MemoryKeyValueStore();
      bus = new MemoryMessageBus();
      counter = new MemoryOnlineCounter();
      presenceStore = new MemoryPresenceStore();
      await markAllOffline(database.db);
    }
    closers.push(
      () => kv.close(),
      () => bus.close(),
      () => counter.close(),
    );

    const limiter = new RateLimiter(kv);
    const mailer = createMailer(env, logger);
    closers.push(() => mailer.close());

    const app = await createHttpApp({
      logger,
      trustProxy: env.TRUST_PROXY,
      allowedOrigins: allowedOrigins(env, env.PORT),
      limiter,
      apiRateLimit: options.apiRateLimit ?? { limit: 600, windowSeconds: 60 },
      devMode: options.web !== false && options.web.dev,
    });

    const io: GatewayServer = new Server(app.server, {
      path: '/socket.io',
      serveClient: false,
      maxHttpBufferSize: 64 * 1024,
      pingInterval: 25_000,
      pingTimeout: 20_000,
      cors: { origin: allowedOrigins(env, env.PORT), credentials: true },
      ...(adapterRedis
        ? { adapter: createAdapter(adapterRedis, { streamName: `${env.REDIS_PREFIX}:socket.io` }) }
        : {}),
    });
    const publisher = createPublisher(io);

    const tokens = new AccessTokens(options.jwtSecret, env.ACCESS_TOKEN_TTL_SECONDS);
    const sessions = new SessionService(
      database.db,
      tokens,
      env.REFRESH_TOKEN_TTL_DAYS,
      (familyId, reason) => publisher.disconnectFamily(familyId, reason),
      env.REFRESH_REUSE_GRACE_SECONDS,
    );
    const adminEmails = new Set(
      env.ADMIN_EMAILS.split(',')
        .map((email) => email.trim().toLowerCase())
        .filter(Boolean),
    );
    const usersService = createUsersService(database.db, adminEmails);
    const otp = new OtpService(
      kv,
      limiter,
      mailer,
      options.otpSecret,
      options.otpPolicy ?? DEFAULT_OTP_POLICY,
    );
    const auth = new AuthService(
      usersService,
      otp,
      sessions,
      limiter,
      options.passwordPolicy ?? DEFAULT_PASSWORD_POLICY,
    );
    const guard = createAuthGuard(sessions);
    const storage = createStorage(env);
    const notifications = new NotificationsService(database.db, publisher);
    const social = new SocialService({
      db: database.db,
      publisher,
      notifications,
      maxFriends: env.MAX_FRIENDS_PER_USER,
      logger,
      findUser: (ref) =>
        'id' in ref
          ? findUserById(database.db, ref.id)
          : 'username' in ref
            ? findUserByUsername(database.db, ref.username)
            : findUserByPublicId(database.db, ref.publicId),
    });
    const presence = new PresenceService(
      database.db,
      presenceStore,
      publisher,
      (userId) => social.friendIds(userId),
      logger,
    );
    const profiles = new ProfileService({
      db: database.db,
      storage,
      relationship: (viewerId, targetId) => social.relationship(viewerId, targetId),
      onProfileChanged: (user) => void social.announceProfileChange(user),
    });
    const uploads = new UploadsService({
      db: database.db,
      storage,
      limiter,
      rateLimit: { limit: env.UPLOAD_RATE_LIMIT, windowSeconds: 600 },
      kv,
      byteQuota: { limit: env.UPLOAD_BYTES_PER_DAY, windowSeconds: 86_400 },
      concurrency: { perUser: env.UPLOAD_CONCURRENCY_PER_USER, total: env.UPLOAD_CONCURRENCY_TOTAL },
      logger,
    });
    const retention = setInterval(() => {
      void notifications
        .purgeExpired()
        .catch((error) => logger.error({ err: error }, 'notification retention failed'));
      void uploads
        .sweepUnclaimed()
        .catch((error) => logger.error({ err: error }, 'unclaimed upload sweep failed'));
    }, RETENTION_INTERVAL_MS);
    retention.unref();
    closers.push(async () => clearInterval(retention));

    const matchmaking = await createMatchmaking({
      db: database.db,
      io,
      bus,
      redis: redis ? { client: redis, prefix: env.REDIS_PREFIX } : undefined,
      settings: {
        maxConcurrentMatches: env.MATCH_MAX_CONCURRENT,
        queueTimeoutMs: env.MATCH_QUEUE_TIMEOUT_MS,
        gracePeriodMs: env.MATCH_GRACE_MS,
        relaxAfterMs: env.MATCH_RELAX_AFTER_MS,
        allowAnonymous: env.MATCH_ALLOW_ANONYMOUS,
        maintenance: env.MATCH_MAINTENANCE,
      },
      ice: {
        stunUrls: splitUrls(env.STUN_URLS),
        turnUrls: splitUrls(env.TURN_URLS),
        turnSecret: env.TURN_SECRET,
        ttlSeconds: env.TURN_TTL_SECONDS,
      },
      isBlocked: (a, b) => social.isBlocked(a, b),
      logger,
      nodeId,
      kv,
      limits: {
        chat: { limit: env.MATCH_CHAT_RATE_LIMIT, windowSeconds: 10 },
        report: { limit: env.MATCH_REPORT_RATE_LIMIT, windowSeconds: 3600 },
      },
      trustProxy: env.TRUST_PROXY,
      secureCookies: isProduction(env) || (env.APP_URL?.startsWith('https://') ?? false),
    });
    closers.push(() => matchmaking.close());

    const messaging = new Messaging({
      db: database.db,
      publisher,
      notifications,
      attachments: uploads,
      kv,
      logger,
      systemUser: systemAccount(database.db, usersService),
      limiter,
      sendRateLimit: { limit: env.DM_SEND_RATE_LIMIT, windowSeconds: 10 },
    });
    closers.push(async () => messaging.close());

    const broadcaster = new CountBroadcaster(counter, bus, (count, timestamp) =>
      io.local.emit('user_count_update', { count, timestamp }),
    );
    await broadcaster.start();
    attachGateway({
      io,
      sessions,
      broadcaster,
      unread: {
        ...NO_UNREAD,
        notifications: (userId) => notifications.unreadCount(userId),
        messages: (userId) => messaging.unreadTotal(userId),
      },
      modules: [
        socialSocketHandlers(social),
        notificationSocketHandlers(notifications),
        presenceSocketHandlers(presence),
        messagingSocketHandlers(messaging),
        matchmaking.socketModule,
      ],
      lifecycle: {
        bound: async (userId, socketId) => {
          await presence.bound(userId, socketId);
          messaging.socketBound(userId);
        },
        unbound: async (userId, socketId) => {
          messaging.socketUnbound(userId, socketId);
          await presence.unbound(userId, socketId);
        },
        touched: (userId) => presence.touched(userId),
      },
      logger,
    });
    let gatewayUp = true;

    const devOutbox = mailer instanceof DevOutboxMailer ? mailer : undefined;
    // Whoever can read the outbox can sign in as anyone, so it is only served on a loopback address
    // unless the operator explicitly opts in (never in production: there is no outbox there).
    const exposeOutbox = Boolean(devOutbox) && (isLoopbackHost(env.HOST) || env.DEV_MAILBOX_PUBLIC);
    if (devOutbox && !exposeOutbox) {
      logger.warn(
        'dev outbox is not served because HOST is not loopback; set DEV_MAILBOX_PUBLIC=true or configure SMTP/Brevo',
      );
    }
    registerPlatformRoutes(app, {
      version: VERSION,
      startedAt: Date.now(),
      checkDatabase: () => pingDatabase(database),
      checkRedis: redis ? async () => (await redis.ping().catch(() => '')) === 'PONG' : undefined,
      gatewayUp: () => gatewayUp,
      onlineCount: () => broadcaster.count,
      devOutbox: exposeOutbox ? devOutbox : undefined,
    });
    registerAuthRoutes(app, auth, sessions, guard, {
      secureCookies: isProduction(env) || (env.APP_URL?.startsWith('https://') ?? false),
    });
    registerUserRoutes(app, usersService, profiles, guard);
    registerSocialRoutes(app, social, guard);
    registerNotificationRoutes(app, notifications, guard);
    registerUploadsRoutes(app, uploads, guard, { idleTimeoutMs: env.UPLOAD_IDLE_TIMEOUT_SECONDS * 1000 });
    registerMessagingRoutes(app, messaging, guard);
    matchmaking.registerRoutes(app, guard);
    if (storage instanceof LocalStorage)
      registerUploadRoutes(app, storage.root, (key) => uploads.findServedObject(key));

    if (options.web) {
      // Unknown API paths get the JSON envelope, not a Next.js 404 page.
      app.all('/api/*', async (_request, reply) => reply.callNotFound());
      const closeWeb = await attachWeb(app, options.web);
      closers.push(closeWeb);
    }

    await app.listen({ host: env.HOST, port: env.PORT });
    closers.push(async () => {
      gatewayUp = false;
      io.local.emit('force_disconnect', { reason: 'server_shutdown' });
      await new Promise<void>((resolve) => io.close(() => resolve()));
      // Closing the sockets starts presence writes; they must land before the pool closes.
      await presence.drain();
      await app.close();
    });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : env.PORT;
    const host = env.HOST === '0.0.0.0' || env.HOST === '::' ? '127.0.0.1' : env.HOST;
    return { url: `http://${host}:${port}`, port, io, devOutbox, matchmaking, messaging, uploads, close };
  } catch (error) {
    await close();
    throw error;
  }
}
