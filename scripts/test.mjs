// `npm test`: every suite — unit, integration (real PostgreSQL, real sockets) and browser (real
// Chromium). The browser suite is never skipped silently: without Chromium we install Debian's
// package when we can, or stop and say what to install.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { buildServer, buildWeb, ensureInstalled, ROOT } from './lib/prepare.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  const canApt = userInfo().uid === 0 && existsSync('/usr/bin/apt-get');
  if (!canApt) {
    console.error(
      `\n✖ The browser tests need Chromium at ${CHROMIUM}.\n` +
        "  Install Debian's package:  sudo apt-get install -y chromium\n" +
        '  (or set CHROMIUM_PATH to an existing Chromium binary).\n',
    );
    process.exit(1);
  }
  console.log("› Installing Debian's chromium for the browser tests…");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'chromium']]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (result.status !== 0) {
      console.error('\n✖ apt-get could not install chromium; install it and run npm test again.');
      process.exit(1);
    }
  }
}

ensureInstalled();
ensureChromium();
buildServer();
buildWeb();
const vitest = spawnSync('npx', ['vitest', 'run', ...process.argv.slice(2)], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, CHROMIUM_PATH: CHROMIUM, NEXT_TELEMETRY_DISABLED: '1' },
});
process.exit(vitest.status ?? 1);
