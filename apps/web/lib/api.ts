import { type TErrorCode, ZErrorEnvelope } from '@guftagu/contracts';
import type { z } from 'zod';
import { API_BASE_URL } from './config';

export type ClientErrorCode = TErrorCode | 'NETWORK_ERROR' | 'BAD_RESPONSE';

/** Every failed request surfaces as one of these, whether the server answered with the envelope or not. */
export class ApiError extends Error {
  readonly code: ClientErrorCode;
  readonly status: number;
  readonly details: Record<string, unknown> | undefined;

  constructor(message: string, code: ClientErrorCode, status: number, details?: Record<string, unknown>) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.details = details;
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

export const UNREACHABLE_MESSAGE =
  "We couldn't reach Guftagu right now. Check your connection and try again.";

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** JSON-encoded, unless it is FormData (sent as multipart/form-data). */
  body?: unknown;
  token?: string | null;
  query?: Record<string, string | undefined>;
  signal?: AbortSignal;
}

export function apiUrl(path: string, query?: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) params.set(key, value);
  }
  const search = params.toString();
  return `${API_BASE_URL}${path}${search ? `?${search}` : ''}`;
}

function fallbackError(status: number): ApiError {
  if (status === 404 || status >= 500) {
    return new ApiError(UNREACHABLE_MESSAGE, 'SERVICE_UNAVAILABLE', status);
  }
  if (status === 401) return new ApiError('Please sign in to continue.', 'UNAUTHORIZED', status);
  if (status === 429) return new ApiError('Too many attempts. Please wait a moment.', 'RATE_LIMITED', status);
  if (status === 413) return new ApiError('That file is too large.', 'PAYLOAD_TOO_LARGE', status);
  return new ApiError('Something went wrong. Please try again.', 'BAD_RESPONSE', status);
}

/**
 * fetch + the response envelope: resolves with the success body parsed by `schema`, or throws ApiError
 * carrying the server's code. Cookies are always included so the refresh cookie travels cross-origin too.
 */
export async function apiRequest<S extends z.ZodType>(
  path: string,
  schema: S,
  options: RequestOptions = {},
): Promise<z.output<S>> {
  const { method = 'GET', body, token, query, signal } = options;
  const headers: Record<string, string> = { accept: 'application/json' };
  // FormData (file uploads) sets its own multipart content type with the boundary.
  const isForm = typeof FormData !== 'undefined' && body instanceof FormData;
  if (body !== undefined && !isForm) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;

  let response: Response;
  try {
    response = await fetch(apiUrl(path, query), {
      method,
      headers,
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
      credentials: 'include',
      cache: 'no-store',
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(UNREACHABLE_MESSAGE, 'NETWORK_ERROR', 0);
  }

  let payload: unknown;
  try {
    payload = await response.json();
  } catch {
    throw fallbackError(response.ok ? 502 : response.status);
  }

  const failed =
    !response.ok ||
    (typeof payload === 'object' && payload !== null && 'success' in payload && payload.success === false);
  if (failed) {
    const envelope = ZErrorEnvelope.safeParse(payload);
    if (envelope.success) {
      const { error, code, details } = envelope.data;
      throw new ApiError(error, code, response.status, details);
    }
    throw fallbackError(response.status);
  }

  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    throw new ApiError('The server sent a response we did not understand.', 'BAD_RESPONSE', response.status);
  }
  return parsed.data;
}

/** A human sentence for any thrown value. */
export function errorMessage(error: unknown): string {
  if (isApiError(error)) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong. Please try again.';
}
