import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { ServerEventName, ServerPayload, TSessionResponse } from '@guftagu/contracts';
import { serverEvents } from '@guftagu/contracts';
import { ApiClient, ApiError, connectSocket, type GuftaguSocket } from '@guftagu/sdk';
import { expect, inject } from 'vitest';
import { loadEnv } from '../src/env.js';
import type { PasswordPolicy } from '../src/modules/auth/auth.service.js';
import type { OtpPolicy } from '../src/modules/auth/otp.service.js';
import { ensureDatabase } from '../src/platform/db/embedded.js';
import type { RateLimitRule } from '../src/platform/kv/rate-limit.js';
import { createLogger } from '../src/platform/logger.js';
import { REPO_ROOT } from '../src/platform/paths.js';
import { type RunningServer, startServer } from '../src/server.js';

export interface TestServerOptions {
  env?: Record<string, string>;
  /** Several nodes of one deployment share a database name and Redis prefix. */
  database?: string;
  otpPolicy?: OtpPolicy;
  passwordPolicy?: PasswordPolicy;
  apiRateLimit?: RateLimitRule;
  /** Serve the built Next.js app too (browser tests). */
  web?: boolean;
}

export interface TestServer extends RunningServer {
  database: string;
  /** Superuser URL of this server's own database, for tests that arrange state directly (bans). */
  databaseUrl: string;
  prefix: string;
  api(): ApiClient;
  socket(token?: string): GuftaguSocket;
  /** Signs a new user in through the real OTP flow (code read from the dev outbox) and onboards them. */
  signUp(options?: { username?: string | null; email?: string }): Promise<SignedUp>;
  latestCode(email: string): string;
}

export interface SignedUp {
  api: ApiClient;
  session: TSessionResponse;
  token: string;
  email: string;
  userId: string;
}

export function uniqueName(prefix = 'u'): string {
  return `${prefix}${randomBytes(5).toString('hex')}`;
}

/** Generous limits so a suite's many sign-ups from 127.0.0.1 do not trip the per-IP rules. */
export const RELAXED_OTP_POLICY: OtpPolicy = {
  ttlSeconds: 600,
  maxAttempts: 5,
  resendCooldownSeconds: 60,
  sendsPerEmail: { limit: 5, windowSeconds: 3600 },
  sendsPerIp: { limit: 10_000, windowSeconds: 3600 },
  verifiesPerIp: { limit: 10_000, windowSeconds: 900 },
};

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const database = options.database ?? uniqueName('test_');
  const adminUrl = inject('pgAdminUrl');
  await ensureDatabase(adminUrl, database);
  const databaseUrl = new URL(adminUrl);
  databaseUrl.pathname = `/${database}`;

  const prefix = `t-${database}`;
  const env = loadEnv({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    REDIS_PREFIX: prefix,
    ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
    ...options.env,
  });
  const server = await startServer({
    env,
    logger: createLogger(env.LOG_LEVEL),
    databaseUrl: databaseUrl.toString(),
    jwtSecret: 'test-jwt-secret-0123456789abcdef0123456789',
    otpSecret: 'test-otp-secret-0123456789abcdef0123456789',
    web: options.web ? { dir: path.join(REPO_ROOT, 'apps/web'), dev: false } : false,
    otpPolicy: options.otpPolicy ?? RELAXED_OTP_POLICY,
    ...(options.passwordPolicy ? { passwordPolicy: options.passwordPolicy } : {}),
    apiRateLimit: options.apiRateLimit ?? { limit: 100_000, windowSeconds: 60 },
  });

  const sockets: GuftaguSocket[] = [];
  const latestCode = (email: string): string => {
    const mail = server.devOutbox?.list(email.toLowerCase())[0];
    const code = mail ? /\b(\d{6})\b/.exec(mail.text)?.[1] : undefined;
    if (!code) throw new Error(`no code mailed to ${email}`);
    return code;
  };

  return {
    ...server,
    database,
    databaseUrl: databaseUrl.toString(),
    prefix,
    api: () => new ApiClient({ baseUrl: server.url }),
    socket(token) {
      const socket = connectSocket(server.url, token ? { token } : {});
      sockets.push(socket);
      return socket;
    },
    latestCode,
    async signUp({ username = uniqueName(), email = `${uniqueName('e')}@example.com` } = {}) {
      const api = new ApiClient({ baseUrl: server.url });
      await api.sendOtp(email);
      let session = await api.verifyOtp(email, latestCode(email));
      if (username !== null) {
        const onboarded = await api.onboard(username);
        session = { ...session, user: onboarded.user };
      }
      return { api, session, token: session.token, email: email.toLowerCase(), userId: session.user.id };
    },
    async close() {
      for (const socket of sockets) socket.disconnect();
      await server.close();
    },
  };
}

/** Resolves with the next `event` on `socket`, validated against its contract schema. */
export function nextEvent<E extends ServerEventName>(
  socket: GuftaguSocket,
  event: E,
  timeoutMs = 5_000,
): Promise<ServerPayload<E>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${event}`)), timeoutMs);
    (socket as unknown as { once: (event: string, listener: (payload: unknown) => void) => void }).once(
      event,
      (payload) => {
        clearTimeout(timer);
        const parsed = serverEvents[event].safeParse(payload);
        if (parsed.success) resolve(parsed.data as ServerPayload<E>);
        else reject(new Error(`${event} payload broke its contract: ${parsed.error.message}`));
      },
    );
  });
}

export function waitForConnect(socket: GuftaguSocket): Promise<void> {
  if (socket.connected) return Promise.resolve();
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
}

/** Follows `user_count_update` on a socket so a test can wait for an exact count. */
export function trackCount(socket: GuftaguSocket): {
  latest: () => number | undefined;
  waitFor: (count: number, timeoutMs?: number) => Promise<void>;
} {
  let latest: number | undefined;
  const waiters = new Set<{ count: number; resolve: () => void }>();
  socket.on('user_count_update', (payload) => {
    latest = serverEvents.user_count_update.parse(payload).count;
    for (const waiter of waiters) if (waiter.count === latest) waiter.resolve();
  });
  return {
    latest: () => latest,
    waitFor: (count, timeoutMs = 5_000) =>
      new Promise<void>((resolve, reject) => {
        if (latest === count) return resolve();
        const timer = setTimeout(
          () => reject(new Error(`count never reached ${count} (last ${latest})`)),
          timeoutMs,
        );
        const waiter = {
          count,
          resolve: () => {
            clearTimeout(timer);
            waiters.delete(waiter);
            resolve();
          },
        };
        waiters.add(waiter);
      }),
  };
}

/** Awaits a call that must fail with the given HTTP status and envelope code; returns the error. */
export async function expectApiError(
  promise: Promise<unknown>,
  status: number,
  code: string,
): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ApiError);
  expect((error as ApiError).status).toBe(status);
  expect((error as ApiError).code).toBe(code);
  return error as ApiError;
}

/**
 * Records every `event` on `socket` from now on, each validated against its contract schema. Attach it
 * before connecting, so nothing slips past. A payload that breaks the contract fails every later wait.
 */
export interface EventRecorder<E extends ServerEventName> {
  readonly payloads: Array<ServerPayload<E>>;
  /** Resolves once `predicate` holds for some recorded payload (past or future). */
  waitFor(predicate: (payload: ServerPayload<E>) => boolean, timeoutMs?: number): Promise<ServerPayload<E>>;
}

export function recordEvents<E extends ServerEventName>(socket: GuftaguSocket, event: E): EventRecorder<E> {
  const payloads: Array<ServerPayload<E>> = [];
  const violations: string[] = [];
  const waiters = new Set<() => void>();
  (socket as unknown as { on: (event: string, listener: (payload: unknown) => void) => void }).on(
    event,
    (payload) => {
      const parsed = serverEvents[event].safeParse(payload);
      if (parsed.success) payloads.push(parsed.data as ServerPayload<E>);
      else violations.push(`${event} payload broke its contract: ${parsed.error.message}`);
      for (const wake of waiters) wake();
    },
  );
  return {
    payloads,
    waitFor(predicate, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const settle = (outcome: () => void) => {
          waiters.delete(check);
          clearTimeout(timer);
          outcome();
        };
        const check = () => {
          if (violations.length > 0) return settle(() => reject(new Error(violations[0])));
          const found = payloads.find(predicate);
          if (found !== undefined) settle(() => resolve(found));
        };
        const timer = setTimeout(
          () =>
            settle(() =>
              reject(new Error(`timed out waiting for ${event}; got ${JSON.stringify(payloads)}`)),
            ),
          timeoutMs,
        );
        waiters.add(check);
        check();
      });
    },
  };
}
