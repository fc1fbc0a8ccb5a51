import { ZErrorEnvelope } from '@guftagu/contracts';
import type { z } from 'zod';
import { ApiError, fallbackError, UNREACHABLE_MESSAGE } from './errors.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: HttpMethod;
  /** JSON-encoded, unless it is FormData (sent as multipart/form-data). */
  body?: unknown;
  token?: string | null;
  query?: Record<string, string | undefined>;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface Transport {
  /** Origin of the API; empty for "same origin" in a browser. */
  baseUrl: string;
  /** Defaults to the global fetch. */
  fetch?: typeof fetch;
}

export function buildUrl(baseUrl: string, path: string, query?: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) params.set(key, value);
  }
  const search = params.toString();
  return `${baseUrl}${path}${search ? `?${search}` : ''}`;
}

/** Turns a parsed body and status into the ApiError it stands for, or undefined for a success. */
export function errorFromResponse(status: number, ok: boolean, payload: unknown): ApiError | undefined {
  const failed =
    !ok ||
    (typeof payload === 'object' && payload !== null && 'success' in payload && payload.success === false);
  if (!failed) return undefined;
  const envelope = ZErrorEnvelope.safeParse(payload);
  return envelope.success ? new ApiError(status, envelope.data) : fallbackError(status);
}

/**
 * fetch + the response envelope: resolves with the success body parsed by `schema`, or throws ApiError
 * carrying the server's code. Cookies are always included so the refresh cookie travels cross-origin too.
 */
export async function requestJson<S extends z.ZodType>(
  transport: Transport,
  path: string,
  schema: S,
  options: RequestOptions = {},
): Promise<z.output<S>> {
  const { method = 'GET', body, token, query, signal } = options;
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  // FormData (file uploads) sets its own multipart content type with the boundary.
  const isForm = typeof FormData !== 'undefined' && body instanceof FormData;
  if (body !== undefined && !isForm) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;

  let response: Response;
  try {
    response = await (transport.fetch ?? fetch)(buildUrl(transport.baseUrl, path, query), {
      method,
      headers,
      body: body === undefined ? undefined : isForm ? (body as FormData) : JSON.stringify(body),
      credentials: 'include',
      cache: 'no-store',
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw ApiError.of(UNREACHABLE_MESSAGE, 'NETWORK_ERROR', 0);
  }

  let payload: unknown;
  try {
    payload = await response.json();
  } catch {
    throw fallbackError(response.ok ? 502 : response.status);
  }
  const failure = errorFromResponse(response.status, response.ok, payload);
  if (failure) throw failure;

  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    throw ApiError.of('The server sent a response we did not understand.', 'BAD_RESPONSE', response.status);
  }
  return parsed.data;
}
