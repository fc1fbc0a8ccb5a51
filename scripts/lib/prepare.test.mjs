import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ensureBuilt,
  hashSources,
  isBuildComplete,
  loadDotEnv,
  markBuildComplete,
  WEB_BUILD_STAMP,
} from './prepare.mjs';

let dir;
let web;
let distDir;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'guftagu-prepare-'));
  web = path.join(dir, 'web');
  distDir = path.join(web, '.next');
  mkdirSync(path.join(web, 'app'), { recursive: true });
  writeFileSync(path.join(web, 'app/page.tsx'), 'export default function Page() { return null; }\n');
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** What `next build` leaves when it dies halfway: BUILD_ID is written, server files are not. */
function halfBuild() {
  mkdirSync(distDir, { recursive: true });
  writeFileSync(path.join(distDir, 'BUILD_ID'), 'abc');
}

function fullBuild() {
  halfBuild();
  mkdirSync(path.join(distDir, 'server'), { recursive: true });
  writeFileSync(path.join(distDir, 'server/preview-props.json'), '{}');
}

describe('web build completion', () => {
  it('does not take a BUILD_ID without our stamp for a finished build', () => {
    halfBuild();
    expect(isBuildComplete(distDir, hashSources([web]))).toBe(false);
  });

  it('rebuilds after a build that failed or was interrupted, then skips once one finished', () => {
    let builds = 0;
    const failing = () => {
      builds++;
      halfBuild();
      throw new Error('next build interrupted');
    };
    expect(() => ensureBuilt({ distDir, sources: [web], build: failing })).toThrow('interrupted');
    expect(existsSync(path.join(distDir, 'BUILD_ID'))).toBe(true);
    expect(existsSync(path.join(distDir, WEB_BUILD_STAMP))).toBe(false);

    const succeeding = () => {
      builds++;
      fullBuild();
    };
    expect(ensureBuilt({ distDir, sources: [web], build: succeeding })).toBe(true);
    expect(ensureBuilt({ distDir, sources: [web], build: succeeding })).toBe(false);
    expect(builds).toBe(2);
  });

  it('drops the stamp of an earlier build before building again', () => {
    fullBuild();
    markBuildComplete(distDir, hashSources([web]));
    writeFileSync(path.join(web, 'app/page.tsx'), 'export default function Page() { return 1; }\n');
    expect(() =>
      ensureBuilt({
        distDir,
        sources: [web],
        build: () => {
          throw new Error('killed');
        },
      }),
    ).toThrow('killed');
    expect(existsSync(path.join(distDir, WEB_BUILD_STAMP))).toBe(false);
  });

  it('rebuilds when a source changes, not when a tsbuildinfo or the build output does', () => {
    fullBuild();
    const before = hashSources([web]);
    markBuildComplete(distDir, before);
    writeFileSync(path.join(web, 'tsconfig.tsbuildinfo'), '{"typecheck":"rewrote me"}');
    writeFileSync(path.join(distDir, 'trace'), 'more output');
    expect(isBuildComplete(distDir, hashSources([web]))).toBe(true);
    writeFileSync(path.join(web, 'app/page.tsx'), 'export default function Page() { return 2; }\n');
    expect(isBuildComplete(distDir, hashSources([web]))).toBe(false);
  });

  it('treats an unreadable stamp as no build', () => {
    fullBuild();
    writeFileSync(path.join(distDir, WEB_BUILD_STAMP), '{ half written');
    expect(isBuildComplete(distDir, hashSources([web]))).toBe(false);
  });
});

describe('.env loading', () => {
  const keys = ['GUFTAGU_TEST_FROM_FILE', 'GUFTAGU_TEST_REAL'];
  afterEach(() => {
    for (const key of keys) delete process.env[key];
  });

  it('adds variables from .env and lets the real environment win', () => {
    const file = path.join(dir, '.env');
    writeFileSync(file, 'GUFTAGU_TEST_FROM_FILE=file\nGUFTAGU_TEST_REAL=file\n');
    process.env.GUFTAGU_TEST_REAL = 'real';
    expect(loadDotEnv(file)).toBe(file);
    expect(process.env.GUFTAGU_TEST_FROM_FILE).toBe('file');
    expect(process.env.GUFTAGU_TEST_REAL).toBe('real');
  });

  it('does nothing without a .env', () => {
    expect(loadDotEnv(path.join(dir, '.env'))).toBeUndefined();
  });
});
