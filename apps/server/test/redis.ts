import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { Redis } from 'ioredis';
import { freePort } from './free-port.js';

export interface TestRedis {
  url: string;
  stop: () => Promise<void>;
}

const REDIS_SERVER = '/usr/bin/redis-server';

/**
 * A real Redis for scale-out tests: REDIS_URL when CI provides one, otherwise a private
 * redis-server on a free port when the binary is installed, otherwise none (the suite says so).
 */
export async function startTestRedis(): Promise<TestRedis | undefined> {
  if (process.env.REDIS_URL) return { url: process.env.REDIS_URL, stop: async () => {} };
  if (!existsSync(REDIS_SERVER)) return undefined;
  const port = await freePort();
  const child: ChildProcess = spawn(
    REDIS_SERVER,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const url = `redis://127.0.0.1:${port}`;
  const probe = new Redis(url, { lazyConnect: true, retryStrategy: () => 50, maxRetriesPerRequest: null });
  probe.on('error', () => undefined);
  for (let attempt = 0; attempt < 100; attempt++) {
    if ((await probe.ping().catch(() => '')) === 'PONG') break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  probe.disconnect();
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

export const HAS_REDIS = Boolean(process.env.REDIS_URL) || existsSync(REDIS_SERVER);
