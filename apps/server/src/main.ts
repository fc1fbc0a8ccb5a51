import path from 'node:path';
import { loadDotEnvFile, loadEnv } from './env.js';
import { ensureDatabase, startEmbeddedPostgres } from './platform/db/embedded.js';
import { createLogger } from './platform/logger.js';
import { REPO_ROOT } from './platform/paths.js';
import { loadSecrets } from './platform/secrets.js';
import { startServer } from './server.js';

/** boot: .env → env → database (embedded unless DATABASE_URL) → server → signals. */
async function main(): Promise<void> {
  // `npm start` already loaded it; this covers running dist/src/main.js directly. Real env wins.
  loadDotEnvFile(path.join(REPO_ROOT, '.env'));
  const env = loadEnv();
  const logger = createLogger(env.LOG_LEVEL);
  const secrets = loadSecrets(env);
  const shutdownSteps: Array<() => Promise<void>> = [];

  let databaseUrl = env.DATABASE_URL;
  let databaseNote = 'PostgreSQL from DATABASE_URL';
  if (!databaseUrl) {
    // Started before the try below, so a failure here is reported by the catch at the bottom.
    const embedded = await startEmbeddedPostgres({
      dataDir: path.join(env.DATA_DIR, 'postgres'),
      port: env.EMBEDDED_PG_PORT,
      password: secrets.postgresPassword,
      logger,
    });
    shutdownSteps.unshift(embedded.stop);
    await ensureDatabase(embedded.connectionString('postgres'), 'guftagu');
    databaseUrl = embedded.connectionString('guftagu');
    logger.info({ port: embedded.port }, 'embedded PostgreSQL is running');
    databaseNote = `embedded PostgreSQL on port ${embedded.port}${env.EMBEDDED_PG_PORT ? '' : ' (the first free one, kept for this DATA_DIR; EMBEDDED_PG_PORT chooses)'}`;
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    for (const step of shutdownSteps)
      await step().catch((error) => logger.error({ err: error }, 'shutdown failed'));
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  try {
    const server = await startServer({
      env,
      logger,
      databaseUrl,
      jwtSecret: secrets.jwtSecret,
      otpSecret: secrets.otpSecret,
      web: env.WEB_ENABLED ? { dir: path.join(REPO_ROOT, 'apps/web'), dev: env.WEB_DEV } : false,
    });
    shutdownSteps.unshift(server.close);
    const shownUrl = env.APP_URL ?? `http://localhost:${server.port}`;
    logger.info({ url: shownUrl }, 'Guftagu is ready');
    process.stdout.write(
      `\n  Guftagu is running at ${shownUrl}\n  Database: ${databaseNote}\n  Data: ${path.resolve(env.DATA_DIR)}\n\n`,
    );
  } catch (error) {
    logger.fatal({ err: error }, 'failed to start');
    for (const step of shutdownSteps) await step().catch(() => undefined);
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `\n  Guftagu could not start: ${error instanceof Error ? error.message : String(error)}\n\n`,
  );
  process.exit(1);
});
