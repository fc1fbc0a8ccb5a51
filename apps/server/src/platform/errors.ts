import { ERROR_CODES, type TErrorCode, type TErrorEnvelope } from '@guftagu/contracts';

/**
 * The one error type services throw. Transports translate it into the envelope; anything else that
 * escapes a handler is logged and answered as INTERNAL_ERROR without internals.
 */
export class AppError extends Error {
  readonly code: TErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: TErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return ERROR_CODES[this.code];
  }

  toEnvelope(): TErrorEnvelope {
    return {
      success: false,
      error: this.message,
      code: this.code,
      ...(this.details ? { details: this.details } : {}),
    };
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

export const INTERNAL_ENVELOPE: TErrorEnvelope = {
  success: false,
  error: 'Something went wrong on our side. Please try again.',
  code: 'INTERNAL_ERROR',
};
