import { z } from 'zod';

/**
 * Every error the platform can return, with the HTTP status it maps to. Socket acks carry the same
 * code, so a client handles one vocabulary whether it spoke REST or Socket.IO.
 */
export const ERROR_CODES = {
  VALIDATION_ERROR: 400,
  INVALID_OTP: 400,
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  INVALID_CREDENTIALS: 401,
  TOKEN_EXPIRED: 401,
  TOKEN_INVALID: 401,
  FORBIDDEN: 403,
  BLOCKED: 403,
  REQUESTS_DISABLED: 403,
  DM_NOT_ALLOWED: 403,
  DM_REQUEST_REJECTED: 403,
  EDIT_WINDOW_EXPIRED: 403,
  ACCOUNT_BANNED: 403,
  ONBOARDING_REQUIRED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  /** Calls: the person called has no connected socket. */
  OFFLINE: 409,
  /** Calls: the person called (or the caller) is already in a call. */
  BUSY: 409,
  IDEMPOTENCY_CONFLICT: 409,
  FRIEND_LIMIT_REACHED: 409,
  USERNAME_TAKEN: 409,
  EMAIL_TAKEN: 409,
  ALREADY_ONBOARDED: 409,
  REQUEST_TIMEOUT: 408,
  PAYLOAD_TOO_LARGE: 413,
  URI_TOO_LONG: 414,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  HEADERS_TOO_LARGE: 431,
  RATE_LIMITED: 429,
  USERNAME_CHANGE_TOO_SOON: 429,
  OTP_COOLDOWN: 429,
  OTP_LOCKED: 429,
  INTERNAL_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
} as const;

export type TErrorCode = keyof typeof ERROR_CODES;

export const ZErrorCode = z.enum(Object.keys(ERROR_CODES) as [TErrorCode, ...TErrorCode[]]);

/** The failure half of the response envelope (seed 001), used by REST bodies and socket acks. */
export const ZErrorEnvelope = z.object({
  success: z.literal(false),
  error: z.string(),
  code: ZErrorCode,
  details: z.record(z.string(), z.unknown()).optional(),
});
export type TErrorEnvelope = z.infer<typeof ZErrorEnvelope>;

export function statusForCode(code: TErrorCode): number {
  return ERROR_CODES[code];
}
