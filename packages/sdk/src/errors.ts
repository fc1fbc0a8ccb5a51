import type { TErrorCode, TErrorEnvelope } from '@guftagu/contracts';

/** The server's codes plus the two a client can only find out by itself. */
export type ClientErrorCode = TErrorCode | 'NETWORK_ERROR' | 'BAD_RESPONSE';

/** The error envelope as a client sees it: the server's, or one the client made up for a transport failure. */
export type ApiErrorBody = Omit<TErrorEnvelope, 'code'> & { code: ClientErrorCode };

export const UNREACHABLE_MESSAGE =
  "We couldn't reach Guftagu right now. Check your connection and try again.";

/**
 * The one error type of every client call — REST, upload or socket acknowledgement. It carries the
 * envelope as the server sent it (or as the client built it when the server could not be reached) and the
 * HTTP status (0 for socket acks and network failures).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly envelope: ApiErrorBody,
  ) {
    super(envelope.error);
    this.name = 'ApiError';
  }

  /** Builds an error the client decided on itself (no envelope came back). */
  static of(
    message: string,
    code: ClientErrorCode,
    status: number,
    details?: Record<string, unknown>,
  ): ApiError {
    return new ApiError(status, { success: false, error: message, code, ...(details ? { details } : {}) });
  }

  get code(): ClientErrorCode {
    return this.envelope.code;
  }

  get details(): Record<string, unknown> | undefined {
    return this.envelope.details;
  }

  /** Seconds to wait, when the server said so (OTP_COOLDOWN, RATE_LIMITED). */
  get retryAfter(): number | undefined {
    const value = this.details?.retryAfter;
    return typeof value === 'number' && Number.isFinite(value) ? Math.max(0, Math.ceil(value)) : undefined;
  }

  /** True when the failure is about reaching the service rather than about the request itself. */
  get isUnreachable(): boolean {
    return (
      this.code === 'NETWORK_ERROR' || this.code === 'SERVICE_UNAVAILABLE' || this.code === 'BAD_RESPONSE'
    );
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** A human sentence for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong. Please try again.';
}

/**
 * What a response that is not our envelope means to a person: proxies and crashed upstreams answer
 * with HTML or nothing, and the user should hear "unreachable", not a parse error.
 */
export function fallbackError(status: number): ApiError {
  if (status === 404 || status >= 500) return ApiError.of(UNREACHABLE_MESSAGE, 'SERVICE_UNAVAILABLE', status);
  if (status === 401) return ApiError.of('Please sign in to continue.', 'UNAUTHORIZED', status);
  if (status === 429) return ApiError.of('Too many attempts. Please wait a moment.', 'RATE_LIMITED', status);
  if (status === 413) return ApiError.of('That file is too large.', 'PAYLOAD_TOO_LARGE', status);
  return ApiError.of('Something went wrong. Please try again.', 'BAD_RESPONSE', status);
}
