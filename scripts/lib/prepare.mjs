// Makes a fresh clone runnable: installs dependencies when missing or stale, then builds what is out
// of date (TypeScript project references incrementally; the Next.js app when its sources changed).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', ...options });
  if (result.status !== 0) {
    console.error(`\n✖ ${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}

function newestMtime(dir, skip) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (skip.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full, skip) : statSync(full).mtimeMs);
  }
  return newest;
}

export function ensureInstalled() {
  const marker = path.join(ROOT, 'node_modules/.package-lock.json');
  const lock = path.join(ROOT, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  console.log('› Installing dependencies (npm ci)…');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

export function buildServer() {
  console.log('› Building TypeScript (incremental)…');
  run('npx', ['tsc', '-b']);
}

export function buildWeb({ force = false } = {}) {
  const webDir = path.join(ROOT, 'apps/web');
  const buildId = path.join(webDir, '.next/BUILD_ID');
  const skip = new Set(['.next', 'node_modules', 'next-env.d.ts']);
  const sources = Math.max(
    newestMtime(webDir, skip),
    newestMtime(path.join(ROOT, 'packages/contracts/src'), skip),
    newestMtime(path.join(ROOT, 'packages/sdk/src'), skip),
  );
  if (!force && existsSync(buildId) && statSync(buildId).mtimeMs >= sources) return;
  console.log('› Building the web app (next build)…');
  run('npx', ['next', 'build'], { cwd: webDir, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
}
