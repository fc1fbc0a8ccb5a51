/**
 * Where the API lives. Empty means "same origin" (the Fastify server serves this app and the API on one
 * port); set NEXT_PUBLIC_API_URL at build time to talk to a separately deployed API.
 */
export const API_BASE_URL = (process.env.NEXT_PUBLIC_API_URL ?? '').replace(/\/+$/, '');

/** Socket.IO endpoint: same origin unless an API URL is configured. */
export const SOCKET_URL: string | undefined = API_BASE_URL || undefined;

export const SOCKET_PATH = '/socket.io';

/** Seconds to wait before another sign-in code may be requested (mirrors the server's default). */
export const OTP_RESEND_SECONDS = 60;

export const OTP_LENGTH = 6;

/** Public contact addresses shown on the help, terms and privacy pages. */
export const SUPPORT_EMAIL = 'support@guftagu.app';
export const SAFETY_EMAIL = 'safety@guftagu.app';
export const PRIVACY_EMAIL = 'privacy@guftagu.app';
