import { createAdapter } from '@socket.io/redis-streams-adapter';
import { Server } from 'socket.io';
import { createModules } from './app/modules.js';
import { createPlatform } from './app/platform.js';
import {
  registerRoutes,
  socketLifecycle,
  socketModules,
  startJobs,
  startModules,
  stopModules,
  unreadCounters,
} from './app/run-modules.js';
import type { Env } from './env.js';
import { isLoopbackHost } from './env.js';
import { createHttpApp } from './http/app.js';
import { registerPlatformRoutes } from './http/platform.http.js';
import { attachWeb, type WebOptions } from './http/web.js';
import type { OtpPolicy, PasswordPolicy } from './modules/auth/index.js';
import type { Matchmaking } from './modules/matchmaking/index.js';
import type { Messaging } from './modules/messaging/index.js';
import type { UploadsService } from './modules/uploads/index.js';
import { pingDatabase } from './platform/db/client.js';
import type { RateLimitRule } from './platform/kv/rate-limit.js';
import type { Logger } from './platform/logger.js';
import { DevOutboxMailer } from './platform/mail/dev-outbox.js';
import { CountBroadcaster } from './realtime/count-broadcaster.js';
import { attachGateway } from './realtime/gateway.js';
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
 * Boots one app node: platform (database migrated, shared state, mail, storage), HTTP API, Socket.IO
 * gateway, the modules of `app/modules.ts` and the web app, all on one port. Returns a handle whose
 * `close` undoes it in reverse.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { env, logger } = options;
  const closers: Array<() => Promise<unknown>> = [];
  const close = async () => {
    for (const closer of closers.reverse())
      await closer().catch((error) => logger.error({ err: error }, 'shutdown step failed'));
  };

  try {
    const platform = await createPlatform(options, (closer) => closers.push(closer));
    const origins = allowedOrigins(env, env.PORT);
    const app = await createHttpApp({
      logger,
      trustProxy: env.TRUST_PROXY,
      allowedOrigins: origins,
      limiter: platform.limiter,
      apiRateLimit: options.apiRateLimit ?? { limit: 600, windowSeconds: 60 },
      devMode: options.web !== false && options.web.dev,
    });
    const io: GatewayServer = new Server(app.server, {
      path: '/socket.io',
      serveClient: false,
      maxHttpBufferSize: 64 * 1024,
      pingInterval: 25_000,
      pingTimeout: 20_000,
      cors: { origin: origins, credentials: true },
      ...(platform.redis
        ? { adapter: createAdapter(platform.redis.adapter, { streamName: `${env.REDIS_PREFIX}:socket.io` }) }
        : {}),
    });

    const modules = await createModules(platform, { io, publisher: createPublisher(io) }, options);
    // Modules stop after the sockets and the HTTP server have closed and before the platform does.
    closers.push(() => stopModules(modules.list, logger));
    await startModules(modules.list);
    const stopJobs = startJobs(modules.list, logger);
    closers.push(async () => stopJobs());

    const broadcaster = new CountBroadcaster(platform.counter, platform.bus, (count, timestamp) =>
      io.local.emit('user_count_update', { count, timestamp }),
    );
    await broadcaster.start();
    attachGateway({
      io,
      sessions: modules.sessions,
      broadcaster,
      unread: unreadCounters(modules.list),
      modules: socketModules(modules.list),
      lifecycle: socketLifecycle(modules.list),
      logger,
    });
    let gatewayUp = true;

    const { mailer, redis } = platform;
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
      checkDatabase: () => pingDatabase(platform.database),
      checkRedis: redis ? async () => (await redis.client.ping().catch(() => '')) === 'PONG' : undefined,
      gatewayUp: () => gatewayUp,
      onlineCount: () => broadcaster.count,
      devOutbox: exposeOutbox ? devOutbox : undefined,
    });
    registerRoutes(modules.list, app, modules.guard);

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
      await app.close();
    });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : env.PORT;
    const host = env.HOST === '0.0.0.0' || env.HOST === '::' ? '127.0.0.1' : env.HOST;
    const { matchmaking, messaging, uploads } = modules;
    return { url: `http://${host}:${port}`, port, io, devOutbox, matchmaking, messaging, uploads, close };
  } catch (error) {
    await close();
    throw error;
  }
}
