import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Env, isProduction } from '../env.js';

export interface Secrets {
  jwtSecret: string;
  otpSecret: string;
  postgresPassword: string;
}

function localSecrets(dataDir: string): Secrets {
  const file = path.resolve(dataDir, 'secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Secrets;
  const secrets: Secrets = {
    jwtSecret: randomBytes(32).toString('hex'),
    otpSecret: randomBytes(32).toString('hex'),
    postgresPassword: randomBytes(18).toString('base64url'),
  };
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

/**
 * Production must configure its signing secrets. Anything not configured is generated once and kept
 * in `DATA_DIR/secrets.json` (mode 0600), so sessions and the embedded database survive restarts.
 */
export function loadSecrets(env: Env): Secrets {
  if (isProduction(env) && !(env.JWT_SECRET && env.OTP_SECRET)) {
    throw new Error('JWT_SECRET and OTP_SECRET (32+ characters each) are required in production');
  }
  const local = localSecrets(env.DATA_DIR);
  return {
    jwtSecret: env.JWT_SECRET ?? local.jwtSecret,
    otpSecret: env.OTP_SECRET ?? local.otpSecret,
    postgresPassword: local.postgresPassword,
  };
}
