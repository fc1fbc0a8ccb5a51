import { type Logger, pino } from 'pino';

export type { Logger };

/** Paths whose values never reach a log line: tokens, cookies, codes and passwords. */
const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.otp',
  '*.token',
  '*.refreshToken',
  '*.accessToken',
  '*.apiKey',
  'headers["api-key"]',
];

export function createLogger(level: string): Logger {
  return pino({ level, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, base: { app: 'guftagu' } });
}
