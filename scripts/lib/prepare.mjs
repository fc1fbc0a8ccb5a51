// Makes a fresh clone runnable: installs dependencies when missing or stale, then builds what is out
// of date (TypeScript project references incrementally; the Next.js app when its sources changed).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Written into `.next` only after `next build` exits 0. Next writes `BUILD_ID` early, so a build that
 * failed or was interrupted (Ctrl-C) still leaves one behind; trusting it made every later start die
 * on missing server files.
 */
export const WEB_BUILD_STAMP = 'guftagu-build.json';

/** Generated or tool-written files whose changes say nothing about what `next build` produces. */
const IGNORED_NAMES = new Set(['.next', 'node_modules', 'next-env.d.ts', '.turbo']);
const IGNORED_SUFFIXES = ['.tsbuildinfo'];

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', ...options });
  if (result.status !== 0) {
    console.error(`\n✖ ${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}

/** `.env` at the repository root, if present; variables already in the environment win. */
export function loadDotEnv(file = path.join(ROOT, '.env')) {
  if (!existsSync(file)) return undefined;
  process.loadEnvFile(file);
  return file;
}

function listFiles(dir, out = []) {
  if (!existsSync(dir)) return out;
  if (statSync(dir).isFile()) {
    out.push(dir);
    return out;
  }
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (IGNORED_NAMES.has(entry.name) || IGNORED_SUFFIXES.some((suffix) => entry.name.endsWith(suffix)))
      continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) listFiles(full, out);
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

/**
 * A hash of the web build's inputs (paths and contents). Contents rather than mtimes, so a typecheck
 * rewriting a tsbuildinfo or a checkout touching files does not cost a minute-long rebuild.
 */
export function hashSources(paths) {
  const hash = createHash('sha256');
  for (const dir of paths) {
    for (const file of listFiles(dir).sort()) {
      hash.update(path.relative(ROOT, file));
      hash.update('\0');
      hash.update(readFileSync(file));
      hash.update('\0');
    }
  }
  return hash.digest('hex');
}

/** True only when a build of exactly these sources finished (its stamp is there and matches). */
export function isBuildComplete(distDir, sourcesHash) {
  const stamp = path.join(distDir, WEB_BUILD_STAMP);
  if (!existsSync(stamp) || !existsSync(path.join(distDir, 'BUILD_ID'))) return false;
  try {
    return JSON.parse(readFileSync(stamp, 'utf8')).sourcesHash === sourcesHash;
  } catch {
    return false;
  }
}

export function markBuildComplete(distDir, sourcesHash) {
  writeFileSync(
    path.join(distDir, WEB_BUILD_STAMP),
    `${JSON.stringify({ sourcesHash, finishedAt: new Date().toISOString() }, null, 2)}\n`,
  );
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

export function webSources() {
  return [
    path.join(ROOT, 'apps/web'),
    path.join(ROOT, 'packages/contracts/src'),
    path.join(ROOT, 'packages/sdk/src'),
    // Dependency upgrades change the bundle too.
    path.join(ROOT, 'package-lock.json'),
  ];
}

/**
 * Runs `build` unless a finished build of exactly these sources is in `distDir`. The stamp goes away
 * before `build` starts and is written only after it returns, so a build that throws, exits or is
 * killed (Ctrl-C) is built again on the next call. Returns whether it built.
 */
export function ensureBuilt({ distDir, sources, build, force = false }) {
  const sourcesHash = hashSources(sources);
  if (!force && isBuildComplete(distDir, sourcesHash)) return false;
  rmSync(path.join(distDir, WEB_BUILD_STAMP), { force: true });
  build();
  markBuildComplete(distDir, sourcesHash);
  return true;
}

export function buildWeb({ force = false } = {}) {
  const webDir = path.join(ROOT, 'apps/web');
  ensureBuilt({
    distDir: path.join(webDir, '.next'),
    sources: webSources(),
    force,
    build: () => {
      console.log('› Building the web app (next build)…');
      // A production build whatever NODE_ENV the caller exported: under NODE_ENV=development Next
      // prerenders with development React and fails (`/_global-error` … reading 'useContext'). The
      // server still runs in the mode the environment asks for.
      run('npx', ['next', 'build'], {
        cwd: webDir,
        env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
      });
    },
  });
}
