// `npm test`: every suite — unit, integration (real PostgreSQL, real sockets, real Redis) and browser
// (real Chromium). Nothing is skipped silently: without Chromium or redis-server we install Debian's
// package when we can; otherwise a missing Chromium stops the run and a missing redis-server is
// announced before and after the run, with what it skips and how to install it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { buildServer, buildWeb, ensureInstalled, ROOT } from './lib/prepare.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// The path apps/server/test/redis.ts starts a private Redis from.
const REDIS_SERVER = '/usr/bin/redis-server';
const canApt = userInfo().uid === 0 && existsSync('/usr/bin/apt-get');
let aptUpdated = false;

function aptInstall(pkg) {
  console.log(`› Installing Debian's ${pkg} for the test suites…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const steps = aptUpdated ? [] : [['update']];
  steps.push(['install', '-y', '--no-install-recommends', pkg]);
  for (const args of steps) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (result.status !== 0) return false;
  }
  aptUpdated = true;
  return true;
}

function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  if (!canApt) {
    console.error(
      `\n✖ The browser tests need Chromium at ${CHROMIUM}.\n` +
        "  Install Debian's package:  sudo apt-get install -y chromium\n" +
        '  (or set CHROMIUM_PATH to an existing Chromium binary).\n',
    );
    process.exit(1);
  }
  if (!aptInstall('chromium')) {
    console.error('\n✖ apt-get could not install chromium; install it and run npm test again.');
    process.exit(1);
  }
}

/** Returns a warning to repeat after the run when the Redis suites cannot run, else undefined. */
function ensureRedis() {
  if (process.env.REDIS_URL || existsSync(REDIS_SERVER)) return undefined;
  if (canApt && aptInstall('redis-server') && existsSync(REDIS_SERVER)) return undefined;
  const warning =
    `⚠ SKIPPED: the Redis integration tests (scale-out KV, bus, presence, Socket.IO adapter, two-node\n` +
    `  matchmaking) did not run: no ${REDIS_SERVER} and no REDIS_URL.\n` +
    "  Install Debian's package:  sudo apt-get install -y redis-server   (or set REDIS_URL).";
  console.warn(`\n${warning}\n`);
  return warning;
}

ensureInstalled();
ensureChromium();
const redisWarning = ensureRedis();
buildServer();
buildWeb();
const vitest = spawnSync('npx', ['vitest', 'run', ...process.argv.slice(2)], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, CHROMIUM_PATH: CHROMIUM, NEXT_TELEMETRY_DISABLED: '1' },
});
// Repeated after vitest's summary, where it cannot scroll away unseen.
if (redisWarning) console.warn(`\n${redisWarning}\n`);
process.exit(vitest.status ?? 1);
