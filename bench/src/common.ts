/** Pieces every scenario script shares: flags, logging, the machine description, results files. */
import { type ChildProcess, execFileSync, execSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { freePort } from './net.js';
import type { LoopSample } from './protocol.js';
import { round } from './stats.js';

export const BENCH_DIR = fileURLToPath(new URL('..', import.meta.url));
export const REPO_ROOT = path.resolve(BENCH_DIR, '..');
export const RESULTS_DIR = path.join(BENCH_DIR, 'results');

export const sleep = (millis: number) => new Promise((resolve) => setTimeout(resolve, millis));

const started = performance.now();
export function log(message: string): void {
  const seconds = ((performance.now() - started) / 1000).toFixed(0).padStart(4);
  process.stdout.write(`[${seconds}s] ${message}\n`);
}

/**
 * `--quick` (or BENCH_QUICK=1, or npm's npm_config_quick when npm kept the flag for itself) and
 * `--out=FILE`; the scenario's own flags are read by the scenario.
 */
export function commonFlags(argv: readonly string[]): { quick: boolean; out: string | undefined } {
  const quick =
    argv.includes('--quick') || process.env.BENCH_QUICK === '1' || process.env.npm_config_quick === 'true';
  const out = argv.find((arg) => arg.startsWith('--out='))?.slice('--out='.length);
  return { quick, out };
}

export const loadAverage = () =>
  loadavg()
    .map((load) => load.toFixed(2))
    .join(' ');

export function machine(): Record<string, string> {
  const shell = (command: string) => {
    try {
      return execSync(command, { shell: '/bin/bash', encoding: 'utf8' }).trim();
    } catch {
      return 'unknown';
    }
  };
  const cpuModel =
    /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model ?? '?';
  return {
    cpu: cpuModel.trim(),
    nproc: shell('nproc'),
    memory: `${round(totalmem() / 1024 ** 3, 1)} GiB`,
    node: process.version,
    ulimitN: shell('ulimit -n'),
    kernel: shell('uname -r'),
    gitHead: shell(`git -C "${REPO_ROOT}" rev-parse --short HEAD`),
    serverTreeDirty: String(
      shell(`git -C "${REPO_ROOT}" status --porcelain -- apps/server/src packages`)
        .split('\n')
        .filter(Boolean).length > 0,
    ),
    loadAverageAtStart: loadAverage(),
  };
}

/** Writes a scenario's JSON (formatted like the repo, so `biome check` stays clean after a run). */
export function writeResults(file: string, data: Record<string, unknown>): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ ...data, loadAverageAtEnd: loadAverage() }, null, 2)}\n`);
  try {
    execFileSync(path.join(REPO_ROOT, 'node_modules', '.bin', 'biome'), ['format', '--write', file], {
      cwd: REPO_ROOT,
      stdio: 'ignore',
    });
  } catch {
    // Formatting is cosmetic.
  }
  log(`results written to ${path.relative(REPO_ROOT, file)}`);
}

export const loopBusy = (before: LoopSample, after: LoopSample) => {
  const active = after.active - before.active;
  const idle = after.idle - before.idle;
  return active + idle > 0 ? round(active / (active + idle), 2) : 0;
};

/** Share of one core the process used between two samples (from its CPU time, not its loop). */
export const cpuShare = (before: LoopSample, after: LoopSample) => {
  const wall = after.active + after.idle - (before.active + before.idle);
  return wall > 0 ? round(((after.cpu ?? 0) - (before.cpu ?? 0)) / wall, 2) : 0;
};

/** The bench process's own event-loop utilisation over a window. */
export function benchLoop(): () => number {
  const before = performance.eventLoopUtilization();
  return () => round(performance.eventLoopUtilization(before).utilization, 2);
}

const REDIS_SERVER = '/usr/bin/redis-server';
export const HAS_REDIS = existsSync(REDIS_SERVER);

export interface ThrowawayRedis {
  url: string;
  stop(): Promise<void>;
}

/** A private, non-persistent redis-server on a free loopback port (like apps/server/test/redis.ts). */
export async function startRedis(): Promise<ThrowawayRedis> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    REDIS_SERVER,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = `redis://127.0.0.1:${port}`;
  const probe = new Redis(url, { lazyConnect: true, retryStrategy: () => 50, maxRetriesPerRequest: null });
  probe.on('error', () => undefined);
  let up = false;
  for (let attempt = 0; attempt < 100 && !up; attempt++) {
    up = (await probe.ping().catch(() => '')) === 'PONG';
    if (!up) await sleep(50);
  }
  probe.disconnect();
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await Promise.race([exited, sleep(5000)]);
  };
  if (!up) {
    await stop();
    throw new Error('redis-server did not answer PING within 5 s');
  }
  // A bench killed without cleanup must not leave the redis-server behind.
  process.once('exit', () => child.kill('SIGKILL'));
  return { url, stop };
}

/**
 * Open-loop pacing: every 2 ms, `tick(total)` learns how many operations should have started since
 * the pacer did to hold `perSecond`; the caller starts the difference to what it has started. A bench
 * loop that falls behind catches up in a burst, like real clients that do not wait for the server.
 */
export function pace(perSecond: number, tick: (total: number) => void): { stop(): void } {
  const startedAt = performance.now();
  const timer = setInterval(() => tick(Math.floor(((performance.now() - startedAt) / 1000) * perSecond)), 2);
  return { stop: () => clearInterval(timer) };
}
