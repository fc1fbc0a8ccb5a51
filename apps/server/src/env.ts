import { existsSync } from 'node:fs';
import { z } from 'zod';

/**
 * The only reader of `process.env`. Everything the platform can be configured with is listed here,
 * validated once at boot, and passed down explicitly (tests build their own `Env` the same way).
 */
const booleanish = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Defaults to loopback outside production, so a development server is not reachable from the network. */
  HOST: z.string().optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  APP_URL: z.url().optional(),
  CORS_ORIGINS: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().optional(),
  /** Unset: a free port from 15432 up, remembered in DATA_DIR (see platform/db/embedded-port.ts). */
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  REDIS_URL: z.string().optional(),
  /** Namespaces every Redis key, channel and stream, so deployments (or test runs) can share a Redis. */
  REDIS_PREFIX: z
    .string()
    .regex(/^[\w:-]{1,40}$/)
    .default('guftagu'),
  JWT_SECRET: z.string().min(32).optional(),
  OTP_SECRET: z.string().min(32).optional(),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).default(30),
  /** Re-presenting a just-rotated refresh token within this window is a race between tabs, not theft. */
  REFRESH_REUSE_GRACE_SECONDS: z.coerce.number().int().min(0).max(300).default(20),
  MAIL_FROM: z.string().default('Guftagu <no-reply@guftagu.local>'),
  BREVO_API_KEY: z.string().optional(),
  BREVO_API_URL: z.url().default('https://api.brevo.com/v3/smtp/email'),
  SMTP_URL: z.string().optional(),
  WEB_ENABLED: booleanish.default(true),
  WEB_DEV: booleanish.default(false),
  /**
   * Which proxies may set X-Forwarded-For: "false" (none), or a comma-separated list of addresses or
   * CIDRs of your load balancers. Trusting every hop would let any client choose its own IP.
   */
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((value) =>
      value === 'false' || value === ''
        ? false
        : value
            .split(',')
            .map((entry) => entry.trim())
            .filter(Boolean),
    ),
  /** Expose the dev outbox at /api/dev/mailbox even when HOST is not loopback (never in production). */
  DEV_MAILBOX_PUBLIC: booleanish.default(false),
  ADMIN_EMAILS: z.string().default(''),
  MAX_FRIENDS_PER_USER: z.coerce.number().int().min(1).default(1000),
  /** Communities (issue 10): servers a user may own or join, and what one server may hold. */
  MAX_SERVERS_PER_USER: z.coerce.number().int().min(1).default(100),
  MAX_CHANNELS_PER_SERVER: z.coerce.number().int().min(3).default(500),
  MAX_ROLES_PER_SERVER: z.coerce.number().int().min(2).default(250),
  MAX_MEMBERS_PER_SERVER: z.coerce.number().int().min(2).default(250_000),
  S3_ENDPOINT: z.url().optional(),
  S3_REGION: z.string().default('auto'),
  S3_BUCKET: z.string().optional(),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_PUBLIC_URL: z.url().optional(),
  /** Random video chat (admin-editable at runtime through MatchSettings; these are the boot values). */
  MATCH_RELAX_AFTER_MS: z.coerce.number().int().min(0).default(5000),
  MATCH_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  MATCH_QUEUE_TIMEOUT_MS: z.coerce.number().int().min(1000).default(600_000),
  /** 0 means no limit. */
  MATCH_MAX_CONCURRENT: z.coerce.number().int().min(0).default(0),
  MATCH_ALLOW_ANONYMOUS: booleanish.default(true),
  MATCH_MAINTENANCE: booleanish.default(false),
  /** 1:1 calls: unanswered for this long, a call is missed; a dropped signaling socket has the grace to return. */
  CALL_RING_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
  CALL_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  /** How often every node sweeps call deadlines (missed calls, expired graces). */
  CALL_SWEEP_MS: z.coerce.number().int().min(20).default(1000),
  /** Comma-separated ICE URLs handed to browsers (configuration only; the server never contacts them). */
  STUN_URLS: z.string().default('stun:stun.l.google.com:19302,stun:stun1.l.google.com:19302'),
  TURN_URLS: z.string().optional(),
  /** coturn `static-auth-secret`; TURN credentials are derived from it per session (TURN REST API). */
  TURN_SECRET: z.string().min(8).optional(),
  TURN_TTL_SECONDS: z.coerce.number().int().min(60).default(3600),
  /** Video chat text lines one person (account, or address when anonymous) may send per 10 seconds. */
  MATCH_CHAT_RATE_LIMIT: z.coerce.number().int().min(1).default(30),
  /** Reports (in a match or by REST) one person may file per hour. */
  MATCH_REPORT_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  /** `POST /api/uploads` requests allowed per user in each 10-minute window. */
  UPLOAD_RATE_LIMIT: z.coerce.number().int().min(1).default(60),
  /** Bytes one user may store through `POST /api/uploads` in any 24 hours (rolling); 500 MB by default. */
  UPLOAD_BYTES_PER_DAY: z.coerce
    .number()
    .int()
    .min(1)
    .default(500 * 1024 * 1024),
  /** Upload requests one user may have in progress at once, per app node. */
  UPLOAD_CONCURRENCY_PER_USER: z.coerce.number().int().min(1).default(2),
  /** Upload requests one app node works on at once, over all users (each may hold a 25 MB file). */
  UPLOAD_CONCURRENCY_TOTAL: z.coerce.number().int().min(1).default(8),
  /** An upload whose connection sends nothing for this many seconds is cut off, freeing its slot. */
  UPLOAD_IDLE_TIMEOUT_SECONDS: z.coerce.number().int().min(1).default(30),
  /** Direct messages one user may send in each 10-second window, over every tab and REST together. */
  DM_SEND_RATE_LIMIT: z.coerce.number().int().min(1).default(50),
});

const ZResolvedEnv = ZEnv.transform((env) => ({
  ...env,
  HOST: env.HOST ?? (env.NODE_ENV === 'production' ? '0.0.0.0' : '127.0.0.1'),
}));

export type Env = z.infer<typeof ZResolvedEnv>;

/**
 * Adds the variables of a `.env` file (if there is one) to the environment. Variables already set in
 * the real environment win, so `PORT=4000 npm start` beats a `PORT` in `.env`.
 */
export function loadDotEnvFile(file: string): boolean {
  if (!existsSync(file)) return false;
  process.loadEnvFile(file);
  return true;
}

export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = ZResolvedEnv.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

export function isProduction(env: Env): boolean {
  return env.NODE_ENV === 'production';
}
