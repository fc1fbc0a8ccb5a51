import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../src/platform/db/embedded.js';
import { createLogger } from '../src/platform/logger.js';
import { freePort } from './free-port.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A superuser URL to the `postgres` database; each test file creates its own database. */
    pgAdminUrl: string;
  }
}

/**
 * One PostgreSQL for the whole run: the embedded one on a free port in a temporary directory, or the
 * server named by DATABASE_URL (CI runs the suites again against Debian's PostgreSQL that way).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = '/postgres';
    project.provide('pgAdminUrl', url.toString());
    return async () => {};
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'guftagu-pg-'));
  const embedded = await startEmbeddedPostgres({
    dataDir: path.join(dataDir, 'pg'),
    port: await freePort(),
    password: 'guftagu-test',
    logger: createLogger('warn'),
  });
  project.provide('pgAdminUrl', embedded.connectionString('postgres'));
  return async () => {
    await embedded.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
