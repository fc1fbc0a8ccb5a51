import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDotEnvFile, loadEnv } from './env.js';

const KEYS = ['GUFTAGU_ENV_TEST_FILE_ONLY', 'GUFTAGU_ENV_TEST_BOTH'];
const dirs: string[] = [];

afterEach(() => {
  for (const key of KEYS) delete process.env[key];
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function dotEnv(text: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'guftagu-env-'));
  dirs.push(dir);
  const file = path.join(dir, '.env');
  writeFileSync(file, text);
  return file;
}

describe('loadDotEnvFile', () => {
  it('adds what .env sets, and a variable from the real environment wins over it', () => {
    process.env.GUFTAGU_ENV_TEST_BOTH = 'real';
    const file = dotEnv('GUFTAGU_ENV_TEST_FILE_ONLY=from-file\nGUFTAGU_ENV_TEST_BOTH=from-file\n');
    expect(loadDotEnvFile(file)).toBe(true);
    expect(process.env.GUFTAGU_ENV_TEST_FILE_ONLY).toBe('from-file');
    expect(process.env.GUFTAGU_ENV_TEST_BOTH).toBe('real');
  });

  it('is a no-op without a .env file', () => {
    expect(loadDotEnvFile(path.join(tmpdir(), 'guftagu-no-such-dir', '.env'))).toBe(false);
  });
});

describe('loadEnv', () => {
  it('leaves EMBEDDED_PG_PORT unset unless configured, so a free port is chosen', () => {
    expect(loadEnv({}).EMBEDDED_PG_PORT).toBeUndefined();
    expect(loadEnv({ EMBEDDED_PG_PORT: '16000' }).EMBEDDED_PG_PORT).toBe(16000);
  });
});
