/**
 * The Guftagu server under test, alone in its own process (forked by run.ts with --expose-gc) so
 * its heap and RSS are measured without the bench's clients. Runs the compiled server
 * (apps/server/dist) against a throwaway embedded PostgreSQL in $BENCH_TMP.
 *
 * Scale-out runs start a second process with BENCH_DATABASE_URL (the first node's database, from its
 * `info.databaseUrl`) and both with BENCH_REDIS_URL, so two nodes share one PostgreSQL and one Redis.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { loadEnv } from '../../apps/server/dist/src/env.js';
import type { OtpPolicy, PasswordPolicy } from '../../apps/server/dist/src/modules/auth/index.js';
import { ensureDatabase, startEmbeddedPostgres } from '../../apps/server/dist/src/platform/db/embedded.js';
import { createLogger } from '../../apps/server/dist/src/platform/logger.js';
import { startServer, VERSION } from '../../apps/server/dist/src/server.js';
import { applyTweaks, countQueries, runChild, timeBroadcasts } from './child-runtime.js';
import { freePort } from './net.js';

/** Generous limits: the bench signs a handful of users up from 127.0.0.1 in a burst. */
const RELAXED_OTP_POLICY: OtpPolicy = {
  ttlSeconds: 600,
  maxAttempts: 5,
  resendCooldownSeconds: 60,
  sendsPerEmail: { limit: 5, windowSeconds: 3600 },
  sendsPerIp: { limit: 10_000, windowSeconds: 3600 },
  verifiesPerIp: { limit: 10_000, windowSeconds: 900 },
};

/** The DM bench registers thousands of users from 127.0.0.1 through the password route. */
const RELAXED_PASSWORD_POLICY: PasswordPolicy = {
  loginsPerIp: { limit: 100_000, windowSeconds: 900 },
  loginsPerEmail: { limit: 100, windowSeconds: 900 },
  registrationsPerIp: { limit: 100_000, windowSeconds: 3600 },
};

runChild(async () => {
  const tmp = process.env.BENCH_TMP;
  if (!tmp) throw new Error('BENCH_TMP is not set');
  const closers: Array<() => Promise<void>> = [];
  const close = async () => {
    for (const closer of closers.reverse()) await closer().catch(() => undefined);
  };

  try {
    // BENCH_LOG_LEVEL=error shows the server's own error logs (e.g. to explain an INTERNAL_ERROR ack).
    const logLevel = process.env.BENCH_LOG_LEVEL ?? 'silent';
    const logger = createLogger(logLevel);
    let databaseUrl = process.env.BENCH_DATABASE_URL;
    let pgPort = databaseUrl ? new URL(databaseUrl).port : '';
    if (!databaseUrl) {
      const port = await freePort();
      const database = await startEmbeddedPostgres({
        dataDir: path.join(tmp, 'pg'),
        port,
        password: randomBytes(12).toString('hex'),
        logger,
      });
      closers.push(database.stop);
      await ensureDatabase(database.connectionString('postgres'), 'bench');
      databaseUrl = database.connectionString('bench');
      pgPort = String(port);
    }
    const redisUrl = process.env.BENCH_REDIS_URL;

    const env = loadEnv({
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: logLevel,
      WEB_ENABLED: 'false',
      // Tokens are shared by thousands of sockets for the whole run; keep them valid past it.
      ACCESS_TOKEN_TTL_SECONDS: '86400',
      ...(redisUrl ? { REDIS_URL: redisUrl, REDIS_PREFIX: process.env.BENCH_REDIS_PREFIX ?? 'bench' } : {}),
    });
    const server = await startServer({
      env,
      logger,
      databaseUrl,
      // Nodes of one cluster must accept each other's tokens: the bench passes one secret to both.
      jwtSecret: process.env.BENCH_JWT_SECRET ?? randomBytes(32).toString('hex'),
      otpSecret: randomBytes(32).toString('hex'),
      web: false,
      otpPolicy: RELAXED_OTP_POLICY,
      passwordPolicy: RELAXED_PASSWORD_POLICY,
      apiRateLimit: { limit: 100_000, windowSeconds: 60 },
    });
    closers.push(server.close);
    timeBroadcasts(server.io.of('/').adapter);
    countQueries(pg.Client);
    const tweaks = applyTweaks(server.io);
    return {
      url: server.url,
      info: {
        server: `guftagu ${VERSION}`,
        postgresPort: pgPort,
        databaseUrl,
        redis: redisUrl ? 'yes' : 'no',
        tweaks: tweaks.join(',') || 'none',
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
});
