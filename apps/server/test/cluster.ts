import { inject } from 'vitest';
import { ensureDatabase } from '../src/platform/db/embedded.js';
import { uniqueName } from './harness.js';
import { type NodeProcess, startNodeProcess } from './node-process.js';
import { startTestRedis } from './redis.js';

export interface Cluster {
  nodes: [NodeProcess, NodeProcess];
  stop: () => Promise<void>;
}

/**
 * Two real app processes on one fresh database and one Redis: the scale-out shape of production.
 * They start one after the other, which also proves migrations are safe on an already-migrated DB.
 */
export async function startTwoNodeCluster(name: string): Promise<Cluster> {
  const redis = await startTestRedis();
  if (!redis) throw new Error('redis unavailable');
  const database = uniqueName(`${name}_`);
  const adminUrl = inject('pgAdminUrl');
  await ensureDatabase(adminUrl, database);
  const databaseUrl = new URL(adminUrl);
  databaseUrl.pathname = `/${database}`;
  const shared = {
    DATABASE_URL: databaseUrl.toString(),
    REDIS_URL: redis.url,
    REDIS_PREFIX: uniqueName(`${name}-`),
    JWT_SECRET: `${name}-jwt-secret-0123456789abcdef0123456789`,
    OTP_SECRET: `${name}-otp-secret-0123456789abcdef0123456789`,
  };
  const first = await startNodeProcess(shared);
  const second = await startNodeProcess(shared).catch(async (error: unknown) => {
    await first.stop();
    throw error;
  });
  return {
    nodes: [first, second],
    stop: async () => {
      await Promise.all([first.stop(), second.stop()]);
      await redis.stop();
    },
  };
}
