import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type {
  ClientEventName,
  ClientPayload,
  ServerEventName,
  ServerPayload,
  TAck,
  TAuthenticated,
  TSessionResponse,
} from '@guftagu/contracts';
import { serverEvents, ZAck, ZFriendRequestResponse, ZFriendResponse } from '@guftagu/contracts';
import { ApiClient, ApiError, connectSocket, type GuftaguSocket } from '@guftagu/sdk';
import pg from 'pg';
import { expect, inject } from 'vitest';
import type { z } from 'zod';
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
  /** A small pool on that database, opened lazily and closed with the server. */
  readonly db: pg.Pool;
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
  // Uploads (avatars) go to a private directory, removed on close, never into the repository's data/.
  const dataDir = options.env?.DATA_DIR ? undefined : mkdtempSync(path.join(tmpdir(), 'guftagu-test-'));
  const env = loadEnv({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...(dataDir ? { DATA_DIR: dataDir } : {}),
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
  }).catch((error: unknown) => {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });

  const sockets: GuftaguSocket[] = [];
  const latestCode = (email: string): string => {
    const mail = server.devOutbox?.list(email.toLowerCase())[0];
    const code = mail ? /\b(\d{6})\b/.exec(mail.text)?.[1] : undefined;
    if (!code) throw new Error(`no code mailed to ${email}`);
    return code;
  };

  let pool: pg.Pool | undefined;
  return {
    ...server,
    database,
    databaseUrl: databaseUrl.toString(),
    get db() {
      pool ??= new pg.Pool({ connectionString: databaseUrl.toString(), max: 4 });
      return pool;
    },
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
      await pool?.end();
      await server.close();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
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

/** Polls `check` until it holds, for state that settles asynchronously (presence after a disconnect). */
export async function eventually(
  check: () => Promise<boolean> | boolean,
  what: string,
  timeoutMs = 5_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Calls a REST route the SDK has no method for and validates the success body against its contract. */
export async function call<S extends z.ZodType>(
  api: ApiClient,
  schema: S,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<z.infer<S>> {
  return schema.parse(await api.request<unknown>(method, path, body));
}

/** Emits a client event and resolves with its acknowledgement, validated as the ack envelope. */
export async function emitAck<E extends ClientEventName>(
  socket: GuftaguSocket,
  event: E,
  payload: ClientPayload<E> | undefined,
  timeoutMs = 5_000,
): Promise<TAck> {
  const untyped = socket.timeout(timeoutMs) as unknown as {
    emitWithAck(event: string, ...args: unknown[]): Promise<unknown>;
  };
  return ZAck.parse(
    await (payload === undefined ? untyped.emitWithAck(event) : untyped.emitWithAck(event, payload)),
  );
}

/** Opens a socket for `token` and resolves once the gateway has said `authenticated`. */
export async function connectAuthed(
  server: Pick<TestServer, 'socket'>,
  token: string,
): Promise<{ socket: GuftaguSocket; authenticated: TAuthenticated }> {
  const socket = server.socket(token);
  const authenticated = await nextEvent(socket, 'authenticated');
  return { socket, authenticated };
}

/**
 * One round trip on `socket`. Everything the server emitted to this socket before answering has
 * arrived by the time it resolves (one ordered connection), so "nothing else came" can be asserted.
 */
export async function settle(socket: GuftaguSocket): Promise<void> {
  await emitAck(socket, 'heartbeat', undefined);
}

export interface AnyEventRecorder {
  /** Every server event after attaching except the online count (which is everyone's), in order. */
  readonly events: Array<{ event: ServerEventName; payload: unknown }>;
  names(): ServerEventName[];
  clear(): void;
}

/**
 * Records every server event on `socket` (the bystander that must hear nothing), each validated
 * against its contract schema; an unknown event or a bad payload fails the test at the next look.
 */
export function recordAllEvents(socket: GuftaguSocket): AnyEventRecorder {
  const events: Array<{ event: ServerEventName; payload: unknown }> = [];
  const violations: string[] = [];
  socket.onAny((event: string, payload: unknown) => {
    if (event === 'user_count_update') return;
    if (!(event in serverEvents)) {
      violations.push(`unknown server event ${event}`);
      return;
    }
    const name = event as ServerEventName;
    const parsed = serverEvents[name].safeParse(payload);
    if (!parsed.success) violations.push(`${event} payload broke its contract: ${parsed.error.message}`);
    events.push({ event: name, payload });
  });
  const check = () => {
    if (violations.length > 0) throw new Error(violations.join('\n'));
  };
  return {
    get events() {
      check();
      return events;
    },
    names() {
      check();
      return events.map((entry) => entry.event);
    },
    clear() {
      check();
      events.length = 0;
    },
  };
}

/** `from` asks `to` by username and `to` accepts: the two are friends. Returns the request id. */
export async function befriend(from: SignedUp, to: SignedUp): Promise<string> {
  const { request } = await call(from.api, ZFriendRequestResponse, 'POST', '/api/friends/request', {
    username: to.session.user.username,
  });
  await call(to.api, ZFriendResponse, 'POST', '/api/friends/accept', { requestId: request.id });
  return request.id;
}
