/**
 * The Guftagu server under test, alone in its own process (forked by run.ts with --expose-gc) so
 * its heap and RSS are measured without the bench's clients. Runs the compiled server
 * (apps/server/dist) against a throwaway embedded PostgreSQL in $BENCH_TMP.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { loadEnv } from '../../apps/server/dist/src/env.js';
import type { OtpPolicy } from '../../apps/server/dist/src/modules/auth/index.js';
import { ensureDatabase, startEmbeddedPostgres } from '../../apps/server/dist/src/platform/db/embedded.js';
import { createLogger } from '../../apps/server/dist/src/platform/logger.js';
import { startServer, VERSION } from '../../apps/server/dist/src/server.js';
import { applyTweaks, runChild, timeBroadcasts } from './child-runtime.js';
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

runChild(async () => {
  const tmp = process.env.BENCH_TMP;
  if (!tmp) throw new Error('BENCH_TMP is not set');
  const closers: Array<() => Promise<void>> = [];
  const close = async () => {
    for (const closer of closers.reverse()) await closer().catch(() => undefined);
  };

  try {
    const logger = createLogger('silent');
    const pgPort = await freePort();
    const database = await startEmbeddedPostgres({
      dataDir: path.join(tmp, 'pg'),
      port: pgPort,
      password: randomBytes(12).toString('hex'),
      logger,
    });
    closers.push(database.stop);
    await ensureDatabase(database.connectionString('postgres'), 'bench');

    const env = loadEnv({
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'silent',
      WEB_ENABLED: 'false',
      // Tokens are shared by thousands of sockets for the whole run; keep them valid past it.
      ACCESS_TOKEN_TTL_SECONDS: '86400',
    });
    const server = await startServer({
      env,
      logger,
      databaseUrl: database.connectionString('bench'),
      jwtSecret: randomBytes(32).toString('hex'),
      otpSecret: randomBytes(32).toString('hex'),
      web: false,
      otpPolicy: RELAXED_OTP_POLICY,
      apiRateLimit: { limit: 100_000, windowSeconds: 60 },
    });
    closers.push(server.close);
    timeBroadcasts(server.io.of('/').adapter);
    const tweaks = applyTweaks(server.io);
    return {
      url: server.url,
      info: {
        server: `guftagu ${VERSION}`,
        postgresPort: String(pgPort),
        tweaks: tweaks.join(',') || 'none',
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
});
